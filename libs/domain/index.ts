export * from './case-projection';
export * from './case-rules';
export * from './case-types';
export * from './dates';
export * from './domain-error';
export * from './parties';
export * from './process-definition';
export * from './stage-labels';
