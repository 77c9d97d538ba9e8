import { idempotencyKey } from '../../libs/contract';
import { isPartyId } from '../../libs/domain';
import { ApiError } from './api-error';
import { parseInput } from './zod-input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be a case id at all. */
export function isCaseId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A case id from the path; anything that cannot be one names no case. */
export function parseCaseId(id: string): string {
  if (!isCaseId(id)) throw new ApiError('not-found', 'Ärendet finns inte.');
  return id.toLowerCase();
}

/** A party id from the path; anything else names no party. */
export function parsePartyId(party: string): string {
  if (!isPartyId(party)) throw new ApiError('not-found', 'Parten finns inte.');
  return party;
}

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  return parseInput(idempotencyKey, header, 'Idempotency-Key');
}
