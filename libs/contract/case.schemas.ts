import { z } from 'zod';
import { COUNCIL_OUTCOMES, DECISION_OUTCOMES, NETWORK_OUTCOMES, PARTY_STATUSES } from '../domain';
import { bodyId, httpUrl, isoDate, note, partyId, personText, stage } from './common.schemas';

/** At least one character that is not white space; also the OpenAPI pattern. */
const NOT_BLANK = /\S/;

export const attachment = z.strictObject({
  title: personText('Ange bilagans namn.').regex(NOT_BLANK, 'Ange bilagans namn.').trim().min(1, 'Ange bilagans namn.').max(200, 'Högst 200 tecken.'),
  url: httpUrl,
});

/** One or more parties, each once. */
const partyList = z
  .array(partyId)
  .min(1, 'Välj minst en part.')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'En part får bara förekomma en gång.' })
  .meta({ uniqueItems: true });

export const createCaseSchema = z.strictObject({
  title: personText('Ange en rubrik.').regex(NOT_BLANK, 'Ange en rubrik.').trim().min(1, 'Ange en rubrik.').max(300, 'Högst 300 tecken.'),
  reference: personText().trim().max(100, 'Högst 100 tecken.').optional().describe('Registry number (diarienummer), e.g. HSN 2024/1905.'),
  parties: partyList.optional()
    .describe('The parties concerned; all 16 when left out.'),
  deadline: isoDate.optional().describe('The last day for the parties to answer (sista svarsdag).'),
  attachments: z
    .array(attachment)
    .max(20, 'Högst 20 bilagor.')
    .optional()
    .describe('Attachments (bilagor) the parties need: the agreement, the minutes.'),
  networkDecision: z
    .strictObject({ date: isoDate.describe('The date of the network meeting that approved the proposal.'), note: note.optional() }, {
      error: 'Ange nätverksbeslutets datum.',
    })
    .describe("The network's (LCHNV) decision that starts the case."),
});
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

export const councilOutcomeSchema = z.strictObject({
  outcome: z.enum(COUNCIL_OUTCOMES, { error: 'Utfallet ska vara recommend, refer-back eller reject.' }),
  date: isoDate.describe('The date of the council meeting.'),
  note: note.optional().describe('Why: for a send-back, what the network is to work on.'),
  untilMeeting: isoDate.optional().describe('For refer-back: the network meeting the case is to come back to.'),
});
export type CouncilOutcomeBody = z.infer<typeof councilOutcomeSchema>;

export const networkOutcomeSchema = z.strictObject({
  outcome: z.enum(NETWORK_OUTCOMES, { error: 'Utfallet ska vara forward, table, withdraw eller reject.' }),
  date: isoDate.describe('The date of the network meeting.'),
  note: note.optional(),
  untilMeeting: isoDate.optional().describe('For table: the meeting the item is tabled until.'),
});
export type NetworkOutcomeBody = z.infer<typeof networkOutcomeSchema>;

export const revisionSchema = z.strictObject({
  date: isoDate.describe('The date of the network meeting that revised the case.'),
  note: note.optional().describe('What changed: the text, the cost split, who stands outside.'),
  parties: partyList.optional()
    .describe('The parties asked to decide again; all parties of the case when left out. The others keep their answers.'),
});
export type RevisionBody = z.infer<typeof revisionSchema>;

export const decisionSchema = z.strictObject({
  party: partyId,
  outcome: z.enum(DECISION_OUTCOMES, { error: 'Utfallet ska vara scheduled, adopted, rejected eller opted-out.' }),
  date: isoDate.describe('The date of the decision; for `scheduled`, the date of the committee meeting.'),
  body: personText().regex(NOT_BLANK, 'Ange beslutande organ.').trim().min(1, 'Ange beslutande organ.').max(200, 'Högst 200 tecken.').optional().describe('The deciding body, e.g. Socialnämnden.'),
  paragraph: personText().regex(NOT_BLANK, 'Ange paragrafen.').trim().min(1).max(50, 'Högst 50 tecken.').optional().describe('The paragraph of the minutes, e.g. § 45.'),
  minutesUrl: httpUrl.optional().describe('A link to the minutes excerpt (protokollsutdrag).'),
  partyReference: personText().regex(NOT_BLANK, 'Ange diarienumret.').trim().min(1).max(100, 'Högst 100 tecken.').optional().describe("The party's own registry number."),
  note: note.optional(),
});
export type DecisionBody = z.infer<typeof decisionSchema>;

export const listCasesQuerySchema = z.strictObject({
  stage: stage.optional(),
  waitingOn: bodyId.optional().describe('A party or body the case waits on.'),
  overdue: z.enum(['true', 'false'], { error: 'overdue ska vara true eller false.' }).optional(),
  limit: z.coerce.number({ error: 'Ange ett heltal.' }).int('Ange ett heltal.').min(1).max(200).default(50),
  offset: z.coerce.number({ error: 'Ange ett heltal.' }).int('Ange ett heltal.').min(0).default(0),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

const historyEntryView = z.object({
  sequence: z.number().int(),
  at: z.string().describe('ISO 8601 instant.'),
  type: z.string().describe('What happened, as `<who>.<outcome>`, e.g. council.recommend or decision.adopted.'),
  actor: z.string().describe('`coordinator`, or `party:<id>` for a party through its own link.'),
  stage: stage.describe('The stage the case was in after this step.'),
  party: z.string().optional(),
  outcome: z.string().optional(),
  date: z.string().optional(),
  note: z.string().optional(),
  version: z.number().int().optional(),
  untilMeeting: z.string().optional(),
  reopened: z.array(z.string()).optional(),
});

export const partyAnswerView = z.object({
  party: z.string(),
  status: z.enum(PARTY_STATUSES),
  date: z.string().nullable(),
  body: z.string().nullable(),
  paragraph: z.string().nullable(),
  minutesUrl: z.string().nullable(),
  partyReference: z.string().nullable(),
  note: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int().nullable().optional().describe('The version of the case the answer was given to.'),
});

export const caseViewSchema = z.object({
  id: z.string(),
  process: z.object({ id: z.string(), version: z.number().int() }),
  title: z.string(),
  reference: z.string().nullable(),
  stage,
  waitingOn: z.array(z.string()),
  waitingSince: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  openedAt: z.string(),
  version: z.number().int().describe('1, raised by each revision.'),
  attachments: z.array(z.object({ title: z.string(), url: z.string() })),
  parties: z.array(partyAnswerView),
  history: z.array(historyEntryView),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const caseListViewSchema = z.object({ items: z.array(caseViewSchema), total: z.number().int() });

export const blockedCaseViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  stage,
  waitingOn: z.array(z.string()),
  waitingSince: z.string(),
  daysWaiting: z.number().int(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  scheduled: z
    .array(z.object({ party: z.string(), body: z.string().nullable(), date: z.string(), passed: z.boolean() }))
    .describe('Parties that have put the matter on a committee meeting; `passed` when that date is gone with no decision.'),
});

export const dashboardViewSchema = z.object({
  byStage: z.record(z.string(), z.number().int()),
  blocked: z.array(blockedCaseViewSchema),
  byParty: z.array(z.object({ party: z.string(), waiting: z.number().int(), overdue: z.number().int() })),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;

export const partyViewSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(['municipality', 'region']) });

export const errorViewSchema = z.object({
  error: z.enum(['validation', 'unauthorized', 'forbidden', 'not-found', 'method-not-allowed', 'conflict', 'payload-too-large', 'unavailable', 'internal']),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
