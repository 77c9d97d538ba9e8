import type { DomainErrorCode } from '../../libs/domain';

export type ApiErrorCode = DomainErrorCode | 'payload-too-large' | 'unsupported-media-type' | 'rejected-file' | 'unavailable' | 'internal';

export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

/** An error the API answers with; the filter writes it as the contract's `{ error, message }`. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly ApiIssue[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rejected-file': 422,
  unavailable: 503,
  internal: 500,
};
