export * from './register-party';
export * from './register-seed';
