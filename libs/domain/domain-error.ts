/** What kind of refusal: each maps to one HTTP status at the edge. */
export type DomainErrorCode = 'validation' | 'not-found' | 'conflict' | 'forbidden' | 'unauthorized';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return ['validation', 'not-found', 'conflict', 'forbidden', 'unauthorized'].includes(value as string);
}
