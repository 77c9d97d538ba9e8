import { z } from 'zod';
import { COUNCIL_BODY, NETWORK_BODY, PARTY_IDS, STAGES, isIsoDate } from '../domain';

export const isoDate = z
  .string({ error: 'Ange ett datum i formen ÅÅÅÅ-MM-DD.' })
  .refine(isIsoDate, { message: 'Ange ett datum i formen ÅÅÅÅ-MM-DD.' })
  .meta({ format: 'date', example: '2024-10-02' });

export const partyId = z
  .enum(PARTY_IDS as [string, ...string[]], { error: 'Okänd part.' })
  .describe('A party: one of the 15 municipalities of Dalarna or Region Dalarna.');

export const bodyId = z.enum([NETWORK_BODY, COUNCIL_BODY, ...PARTY_IDS] as [string, ...string[]], {
  error: 'Okänd part eller instans.',
});

export const stage = z.enum(STAGES, { error: 'Okänt skede.' });

/**
 * Text a person writes: no NUL character, which PostgreSQL cannot store. The pattern is
 * also the OpenAPI text.
 */
export function personText(missing?: string): z.ZodString {
  return z.string(missing ? { error: missing } : undefined).regex(/^[^\u0000]*$/, 'Texten innehåller ett otillåtet tecken.');
}

export const note = personText().trim().max(2000, 'Högst 2000 tecken.');

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
