/** What kind of refusal: each maps to one HTTP status at the edge. */
export type DomainErrorCode = 'validation' | 'not-found' | 'conflict' | 'forbidden' | 'unauthorized';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Why, as a key of the refusals (`refusals.ts`); absent for errors made elsewhere. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return ['validation', 'not-found', 'conflict', 'forbidden', 'unauthorized'].includes(value as string);
}
