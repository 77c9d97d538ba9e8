export * from './file-kinds';
export * from './object-storage';
export * from './virus-scan';
