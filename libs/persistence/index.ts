export * from './case-projection.repository';
export * from './case.repository';
export * from './data-source';
export * from './coordinator.repository';
export * from './outgoing-email.repository';
export * from './party-contact.repository';
export * from './read-model-rebuild';
export * from './register.repository';
