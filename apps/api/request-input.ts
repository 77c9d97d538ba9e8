import { idempotencyKey } from '../../libs/contract';
import { isPartySlug } from '../../libs/domain';
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

/** An uploaded file's id from the path; anything that cannot be one names no file. */
export function parseFileId(id: string): string {
  if (!isCaseId(id)) throw new ApiError('not-found', 'Filen finns inte.');
  return id.toLowerCase();
}

/** A party id from the path; anything that cannot be one names no party. */
export function parsePartyId(party: string): string {
  if (!isPartySlug(party)) throw new ApiError('not-found', 'Parten finns inte.');
  return party;
}

/** An id a coordinator gives a new party or group: refused with 400 unless it is a slug. */
export function parseRegisterId(id: string): string {
  if (!isPartySlug(id)) {
    throw new ApiError('validation', `Ogiltigt id ”${id.slice(0, 60)}”: små bokstäver a–z, siffror och bindestreck, 2–40 tecken, först en bokstav eller siffra.`);
  }
  return id;
}

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  return parseInput(idempotencyKey, header, 'Idempotency-Key');
}
