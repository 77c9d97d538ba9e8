import { z } from 'zod';
import { PARTY_ID_PATTERN, STAGES, isIsoDate } from '../domain';

export const isoDate = z
  .string({ error: 'Ange ett datum i formen ÅÅÅÅ-MM-DD.' })
  .refine(isIsoDate, { message: 'Ange ett datum i formen ÅÅÅÅ-MM-DD.' })
  .meta({ format: 'date', example: '2024-10-02' });

/** A party's or group's id in the register: a lowercase slug. Whether it exists is the register's to say. */
export const partyId = z
  .string({ error: 'Ange en part.' })
  .regex(PARTY_ID_PATTERN, 'Ogiltigt id: små bokstäver a–z, siffror och bindestreck, 2–40 tecken.')
  .describe('A party in the register (GET /api/parties), e.g. falun.');

export const groupId = partyId.describe('A group of parties in the register (GET /api/groups).');

/** A party, or the network (`lchnv`) or the council (`valfardsradet`). */
export const bodyId = z
  .string({ error: 'Ange en part eller instans.' })
  .regex(PARTY_ID_PATTERN, 'Okänd part eller instans.');

export const stage = z.enum(STAGES, { error: 'Okänt skede.' });

/**
 * Text a person writes: no NUL character, which PostgreSQL cannot store. The pattern is
 * also the OpenAPI text.
 */
export function personText(missing?: string): z.ZodString {
  return z.string(missing ? { error: missing } : undefined).regex(/^[^\u0000]*$/, 'Texten innehåller ett otillåtet tecken.');
}

export const note = personText().trim().max(2000, 'Högst 2000 tecken.');

/** A person's name as they give it (who answered for a party); empty for none given. */
export const personName = personText().trim().max(200, 'Högst 200 tecken.');

/** A web address; the pattern is also the OpenAPI text, so what it describes is what it takes. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000, 'Högst 2000 tecken.')
  .regex(/^[hH][tT][tT][pP][sS]?:\/\/[^\s\u0000]+$/, 'Ange en webbadress som börjar med http:// eller https://.');

/** An `Idempotency-Key` header: printable, at most 200 characters. */
export const idempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key ska vara 1–200 synliga ASCII-tecken.')
  .optional();
