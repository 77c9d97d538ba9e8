// Moved to libs/html so that e-mails and the outbox page escape the same way.
export * from '../../../libs/html/html';
