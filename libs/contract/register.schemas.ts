import { z } from 'zod';
import { PARTY_KINDS } from '../domain';
import { partyId, personText } from './common.schemas';
import { attachmentView } from './case.schemas';

const NOT_BLANK = /\S/;
const name = (missing: string) => personText(missing).regex(NOT_BLANK, missing).trim().min(1, missing).max(100, 'Högst 100 tecken.');

export const partyInputSchema = z.strictObject({
  name: name('Ange partens namn.').describe('As people write it, e.g. a municipality or a region by its own name.'),
  kind: z.enum(PARTY_KINDS, { error: 'Sorten ska vara municipality, region eller other.' }),
  usualBody: personText().trim().max(200, 'Högst 200 tecken.').optional().describe('The body that usually decides, e.g. Socialnämnden; prefills forms.'),
  population: z
    .strictObject({
      count: z.number({ error: 'Ange folkmängden som ett heltal.' }).int('Ange ett heltal.').min(0, 'Minst 0.').max(100_000_000, 'För stort tal.'),
      year: z.number({ error: 'Ange året som ett heltal.' }).int('Ange ett heltal.').min(1900, 'Året är för tidigt.').max(2200, 'Året är för sent.'),
    })
    .optional()
    .describe('Inhabitants on 31 December of `year` (Statistics Sweden), for cost shares by population.'),
});
export type PartyInput = z.infer<typeof partyInputSchema>;

export const groupInputSchema = z.strictObject({
  name: name('Ange gruppens namn.').describe('E.g. Norra gruppen (värdkommun Mora).'),
  parties: z
    .array(partyId)
    .min(1, 'Välj minst en part.')
    .max(1000, 'Högst 1000 parter.')
    .refine((ids) => new Set(ids).size === ids.length, { message: 'En part får bara förekomma en gång.' })
    .meta({ uniqueItems: true })
    .describe('The active parties of the group.'),
});
export type GroupInput = z.infer<typeof groupInputSchema>;

export const registerPartyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PARTY_KINDS),
  usualBody: z.string().nullable(),
  population: z.object({ count: z.number().int(), year: z.number().int() }).nullable(),
});
export type RegisterPartyView = z.infer<typeof registerPartyViewSchema>;

export const groupViewSchema = z.object({ id: z.string(), name: z.string(), parties: z.array(z.string()) });
export type GroupView = z.infer<typeof groupViewSchema>;

export const partyCasesViewSchema = z.object({
  party: z.string(),
  items: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        reference: z.string().nullable(),
        stage: z.string(),
        processName: z.string(),
        askedOf: z.enum(['decision', 'answer', 'signature']).describe('What the party is asked: a political decision, an answer to a consultation, a signature.'),
        askedSince: z.string().nullable().describe('The day the party was asked (the recommendation, or a revision that asked it again).'),
        deadline: z.string().nullable().describe("The party's own last day, or the case's."),
        overdue: z.boolean(),
        status: z.string().describe('pending, or scheduled for a meeting.'),
        scheduled: z.string().nullable().describe('The meeting the party has put the matter on.'),
        attachments: z.array(attachmentView),
        answered: z.object({ count: z.number().int(), of: z.number().int() }).describe('How many of the parties have answered.'),
      }),
    )
    .describe('Every open case waiting on the party, overdue first, then by deadline.'),
});
export type PartyCasesView = z.infer<typeof partyCasesViewSchema>;

export const partyLinkViewSchema = z.object({
  url: z.string().describe("The party's own overview page: /part/<party>/<expiry>.<signature>."),
  expiresAt: z.string().describe('When the link stops working (ISO 8601).'),
});
