import { z } from 'zod';
import { COUNCIL_OUTCOMES, DECISION_OUTCOMES, NETWORK_OUTCOMES, PARTY_STATUSES, PROCESS_IDS, RULING_OUTCOMES, JUDGEMENT_OUTCOMES } from '../domain';
import { bodyId, groupId, httpUrl, isoDate, note, partyId, personText, stage } from './common.schemas';

/** At least one character that is not white space; also the OpenAPI pattern. */
const NOT_BLANK = /\S/;

const attachmentTitle = personText('Ange bilagans namn.').regex(NOT_BLANK, 'Ange bilagans namn.').trim().min(1, 'Ange bilagans namn.').max(200, 'Högst 200 tecken.');
/** An uploaded file, by the id `POST /api/files` gave it. */
export const fileId = z.uuid({ error: 'Ange filens id (från POST /api/files).' }).transform((id) => id.toLowerCase());

export const attachment = z
  .strictObject({
    title: attachmentTitle,
    url: httpUrl.optional().describe('A link to the attachment.'),
    file: fileId.optional().describe('An uploaded file instead of a link.'),
  })
  .refine((given) => (given.url === undefined) !== (given.file === undefined), { message: 'Ange antingen en länk eller en uppladdad fil.', path: ['url'] });

/** One or more parties, each once. */
const partyList = z
  .array(partyId)
  .min(1, 'Välj minst en part.')
  .max(1000, 'Högst 1000 parter.')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'En part får bara förekomma en gång.' })
  .meta({ uniqueItems: true });

const reminderPolicy = z.strictObject({
  daysBefore: z
    .array(z.number({ error: 'Ange antal dagar.' }).int('Ange ett heltal.').min(1, 'Minst 1 dag.').max(365, 'Högst 365 dagar.'))
    .max(5, 'Högst 5 påminnelser före.')
    .describe('Days before the deadline to remind, e.g. [14, 3].'),
  onDeadline: z.boolean({ error: 'Ange true eller false.' }).describe('Remind on the deadline itself.'),
  weeklyAfter: z.boolean({ error: 'Ange true eller false.' }).describe('Remind every week after the deadline until the party answers.'),
});

// A period as its first day and length, so that it cannot end before it begins.
const validityTerms = z.strictObject({
  from: isoDate.describe('First day in force.'),
  months: z
    .number({ error: 'Ange antal månader.' })
    .int('Ange ett heltal.')
    .min(1, 'Minst 1 månad.')
    .max(240, 'Högst 240 månader.')
    .describe('The length of the first period: from 2025-07-01 for 24 months runs to 2027-06-30.'),
  renewal: z
    .strictObject({
      months: z.number({ error: 'Ange antal månader.' }).int('Ange ett heltal.').min(1, 'Minst 1 månad.').max(120, 'Högst 120 månader.'),
      noticeMonths: z.number({ error: 'Ange antal månader.' }).int('Ange ett heltal.').min(0, 'Minst 0 månader.').max(60, 'Högst 60 månader.'),
    })
    .nullable()
    .describe('Extended by `months` unless a party terminates at least `noticeMonths` before the end; null for none.'),
  warnDays: z
    .number({ error: 'Ange antal dagar.' })
    .int('Ange ett heltal.')
    .min(0, 'Minst 0 dagar.')
    .max(730, 'Högst 730 dagar.')
    .describe('How many days before the end the coordinator is warned.'),
});

const costKey = z.union(
  [
    z.enum(['population', 'equal']),
    z
      .record(partyId, z.number({ error: 'Ange vikten som ett tal.' }).positive('Vikten ska vara större än noll.').max(1_000_000_000, 'För stort tal.'))
      .refine((weights) => Object.keys(weights).length > 0, { message: 'Ange minst en vikt.' }),
  ],
  { error: 'Nyckeln ska vara population, equal eller vikter per part.' },
);

export const proposalSchema = z
  .strictObject({
    coverLetter: personText('Skriv följebrevet som text.').trim().min(1, 'Skriv följebrevet eller lämna fältet tomt.').max(5000, 'Högst 5000 tecken.').optional(),
    decisionWording: personText('Skriv förslaget till beslut som text.').trim().min(1, 'Skriv förslaget till beslut eller lämna fältet tomt.').max(2000, 'Högst 2000 tecken.').optional(),
  })
  .describe('The cover letter (följebrev) and the exact decision wording every party is asked to adopt.');

export const financingSchema = z.strictObject({
  amount: z
    .number({ error: 'Ange beloppet i hela kronor.' })
    .int('Ange beloppet i hela kronor.')
    .positive('Beloppet ska vara större än noll.')
    .max(100_000_000_000, 'För stort belopp.')
    .describe('Whole kronor.'),
  period: z.enum(['year', 'once'], { error: 'Perioden ska vara year eller once.' }).describe('Per year, or once.'),
  key: costKey.describe('population (from the register, with its year), equal, or a weight per party: { "falun": 2, "mora": 1 }.'),
});

export const costSharesViewSchema = z.object({
  key: z.enum(['population', 'equal', 'weights']).nullable().describe('null when the case carries no financing: then nothing is shared.'),
  populationYear: z.number().int().nullable().describe('The year of the population figures used (population key, all of one year).'),
  amount: z.number().int(),
  period: z.enum(['year', 'once']).nullable(),
  shares: z
    .array(z.object({ party: z.string(), name: z.string(), share: z.number(), amount: z.number().int() }))
    .describe('The parties still in (those that stood outside or rejected are left out), in the case’s order; shares sum to 1 and amounts to `amount`.'),
});
export type CostSharesView = z.infer<typeof costSharesViewSchema>;

export const createCaseSchema = z.strictObject({
  title: personText('Ange en rubrik.').regex(NOT_BLANK, 'Ange en rubrik.').trim().min(1, 'Ange en rubrik.').max(300, 'Högst 300 tecken.'),
  reference: personText().trim().max(100, 'Högst 100 tecken.').optional().describe('Registry number (diarienummer), e.g. HSN 2024/1905.'),
  parties: partyList.optional()
    .describe("The parties concerned, from the register; every active party when neither this nor `group` is given."),
  group: groupId.optional().describe("A group from the register whose parties the case concerns, instead of `parties`."),
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
  process: z
    .enum(PROCESS_IDS, { error: 'Okänd sorts ärende.' })
    .optional()
    .describe(
      'The kind of round: regional-agreement (default: council, then political decisions), network-decision ' +
        '(the network decides alone), consultation (remiss: answer or decline by the deadline, the closing date), ' +
        'signing (each party signs).',
    ),
  reminders: reminderPolicy.optional().describe('When parties that have not answered are reminded; default 14 days before, on the day and weekly after.'),
  validity: validityTerms.optional().describe("The agreement's period once in force, and its renewal clause."),
  followUp: z
    .strictObject({
      owner: personText('Ange vem som ansvarar.').trim().min(1, 'Ange vem som ansvarar.').max(200, 'Högst 200 tecken.'),
      months: z.number({ error: 'Ange antal månader.' }).int('Ange ett heltal.').min(1, 'Minst 1 månad.').max(120, 'Högst 120 månader.'),
    })
    .optional()
    .describe('The follow-up assignment created when the case enters force: owner, and months until it is due. Default Styrgruppen, 12 months.'),
  extendsCase: z.uuid({ error: 'Ange ärendets id.' }).optional().describe('The case whose agreement this case extends (förlängning).'),
  financing: financingSchema.optional().describe('What the agreement costs and how it is split among the parties still in (GET /api/cases/{id}/cost-shares).'),
  owner: personText('Ange vem som äger ärendet.')
    .trim()
    .min(1, 'Ange vem som äger ärendet.')
    .max(200, 'Högst 200 tecken.')
    .optional()
    .describe('Who owns the case: the development lead who presents it, by name.'),
  escalationDays: z
    .number({ error: 'Ange antal dagar.' })
    .int('Ange ett heltal.')
    .min(1, 'Minst 1 dag.')
    .max(365, 'Högst 365 dagar.')
    .optional()
    .describe('Days past its deadline after which a party still undecided is escalated; default 14 (regional agreement from version 4).'),
  proposal: proposalSchema.optional().describe('What the parties are sent with the recommendation: a cover letter, and the decision to adopt word for word.'),
})
  .refine((input) => input.process !== 'consultation' || input.deadline !== undefined, {
    message: 'En remiss behöver ett sista svarsdatum.',
    path: ['deadline'],
  })
  // The same rule for the OpenAPI text, where a refinement does not show.
  .meta({ if: { properties: { process: { const: 'consultation' } }, required: ['process'] }, then: { required: ['deadline'] } });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

export const deadlineSchema = z.strictObject({
  deadline: isoDate.describe('The new last day to answer.'),
  party: partyId.optional().describe('Move only this party’s deadline; every party’s when left out.'),
  note: note.optional(),
});
export type DeadlineBody = z.infer<typeof deadlineSchema>;

export const reminderSchema = z.strictObject({
  party: partyId.optional().describe('Remind only this party; every party that has not answered when left out.'),
});
export type ReminderBody = z.infer<typeof reminderSchema>;

export const postingSchema = z.strictObject({
  postedOn: isoDate.describe('The day the minutes with the decision were posted (anslagna); the appeal period is three weeks from it.'),
});
export type PostingBody = z.infer<typeof postingSchema>;

export const appealSchema = z.strictObject({
  date: isoDate.describe('The day the appeal came in.'),
  note: note.optional(),
});
export type AppealBody = z.infer<typeof appealSchema>;

export const rulingSchema = z.strictObject({
  outcome: z
    .enum(RULING_OUTCOMES, { error: 'Utfallet ska vara annulled eller dismissed.' })
    .describe("annulled (upphävt): the party's answer is open again; dismissed (avslaget): the decision is final from the ruling's date."),
  date: isoDate.describe("The day of the court's ruling."),
  note: note.optional(),
});
export type RulingBody = z.infer<typeof rulingSchema>;

export const attachmentStepSchema = z.strictObject({
  title: attachmentTitle.describe('What the attachment is called, e.g. Bilaga 10 Underlag.'),
  file: fileId.describe('The uploaded file (POST /api/files).'),
  date: isoDate.describe('The day the document is dated, or was added.'),
  replaces: z
    .number({ error: 'Ange bilagans nummer.' })
    .int('Ange ett heltal.')
    .min(1, 'Bilagorna numreras från 1.')
    .max(100)
    .optional()
    .describe('The number (from 1) of the attachment this file replaces as a new version; a new attachment when left out.'),
  note: note.optional().describe('What the new version changes, e.g. nytt underlag.'),
});
export type AttachmentStepBody = z.infer<typeof attachmentStepSchema>;

export const judgementSchema = z.strictObject({
  outcome: z
    .enum(JUDGEMENT_OUTCOMES, { error: 'Utfallet ska vara identical eller rejection.' })
    .describe('identical: the decision adopted with changes counts as the same decision (adopted); rejection: it counts as a rejection of the agreement.'),
  date: isoDate.describe('The day of the judgement.'),
  note: note.optional().describe('Why: what differs, and why it does or does not matter.'),
});

export const terminationSchema = z.strictObject({
  date: isoDate.describe('The day the party terminated (sade upp) the agreement.'),
  note: note.optional(),
});
export type TerminationBody = z.infer<typeof terminationSchema>;

export const followUpSchema = z.strictObject({
  outcome: z.enum(['done', 'reassign'], { error: 'Utfallet ska vara done eller reassign.' }),
  date: isoDate.describe('The day of the change.'),
  owner: personText().trim().min(1, 'Ange vem som ansvarar.').max(200, 'Högst 200 tecken.').optional(),
  due: isoDate.optional().describe('A new due date.'),
  note: note.optional(),
});
export type FollowUpBody = z.infer<typeof followUpSchema>;

export const councilOutcomeSchema = z.strictObject({
  outcome: z
    .enum(COUNCIL_OUTCOMES, { error: 'Utfallet ska vara recommend, refer-back, reject eller table.' })
    .describe('recommend, refer-back (to the network), reject; from version 4 also table (bordlägga: to a later council meeting, `untilMeeting`).'),
  date: isoDate.describe('The date of the council meeting.'),
  note: note.optional().describe('Why: for a send-back, what the network is to work on.'),
  untilMeeting: isoDate.optional().describe('For refer-back: the network meeting the case is to come back to.'),
});
export type CouncilOutcomeBody = z.infer<typeof councilOutcomeSchema>;

export const networkOutcomeSchema = z.strictObject({
  outcome: z
    .enum(NETWORK_OUTCOMES, { error: 'Utfallet ska vara forward, table, withdraw, reject, adopt, recall eller reopen.' })
    .describe(
      'forward, table, withdraw, reject, adopt (a network decision); from version 4 also recall (take the case back from the council\'s agenda) ' +
        'and reopen (take a withdrawn case up again, within six months of its withdrawal).',
    ),
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
  outcome: z
    .enum(DECISION_OUTCOMES, { error: 'Utfallet ska vara scheduled, adopted, rejected, opted-out, answered, declined, signed eller adopted-with-changes.' })
    .describe(
      'scheduled, adopted, rejected, opted-out for an agreement (and, from version 4, adopted-with-changes: adopted with a reservation or other wording, ' +
        'which needs a note saying what differs and which the coordinator then judges); answered or declined for a consultation; signed for a signing round.',
    ),
  date: isoDate.describe('The date of the decision; for `scheduled`, the date of the committee meeting.'),
  body: personText().regex(NOT_BLANK, 'Ange beslutande organ.').trim().min(1, 'Ange beslutande organ.').max(200, 'Högst 200 tecken.').optional().describe('The deciding body, e.g. Socialnämnden.'),
  paragraph: personText().regex(NOT_BLANK, 'Ange paragrafen.').trim().min(1).max(50, 'Högst 50 tecken.').optional().describe('The paragraph of the minutes, e.g. § 45.'),
  minutesUrl: httpUrl.optional().describe('A link to the minutes excerpt (protokollsutdrag).'),
  minutesFile: fileId.optional().describe('The minutes excerpt as an uploaded file (POST /api/files with the same link).'),
  partyReference: personText().regex(NOT_BLANK, 'Ange diarienumret.').trim().min(1).max(100, 'Högst 100 tecken.').optional().describe("The party's own registry number."),
  postedOn: isoDate.optional().describe('The day the minutes were posted (anslagna), if known.'),
  note: note.optional(),
});
export type DecisionBody = z.infer<typeof decisionSchema>;

export const listCasesQuerySchema = z.strictObject({
  stage: stage.optional(),
  waitingOn: bodyId.optional().describe('A party or body the case waits on.'),
  overdue: z.enum(['true', 'false'], { error: 'overdue ska vara true eller false.' }).optional(),
  q: personText().trim().max(200, 'Högst 200 tecken.').optional().describe('Words the title or the registry number contains (each of them, in any case of letters).'),
  owner: personText().trim().min(1).max(200, 'Högst 200 tecken.').optional().describe('Only the cases this person owns (by name, exactly).'),
  limit: z.coerce.number({ error: 'Ange ett heltal.' }).int('Ange ett heltal.').min(1).max(200).default(50),
  offset: z.coerce.number({ error: 'Ange ett heltal.' }).int('Ange ett heltal.').min(0).default(0),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const dashboardQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: 'Ange ett heltal.' }).int('Ange ett heltal.').min(1).max(200).default(50).describe('How many of the waiting cases `blocked` holds.'),
  offset: z.coerce.number({ error: 'Ange ett heltal.' }).int('Ange ett heltal.').min(0).default(0).describe('How many waiting cases, in `blocked` order, come before the page.'),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const fileView = z.object({
  id: z.string(),
  name: z.string().describe('The file name as uploaded.'),
  mediaType: z.string(),
  size: z.number().int().describe('Bytes.'),
  sha256: z.string().describe('SHA-256 of the content, hex.'),
  uploadedAt: z.string().nullable().describe('ISO 8601 instant; null when the stored file is missing.'),
});
export type FileView = z.infer<typeof fileView>;

export const attachmentView = z.object({
  title: z.string(),
  url: z.string().nullable().describe('A link; null for an uploaded file.'),
  file: fileView.nullable().describe('The latest version of an uploaded file (GET /api/files/{id}).'),
  version: z.number().int().nullable(),
  date: z.string().nullable(),
  note: z.string().nullable().describe('What the latest version changed.'),
  earlier: z.array(z.object({ version: z.number().int(), file: fileView, date: z.string(), note: z.string().nullable() })).describe('The versions it replaced, oldest first.'),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const historyEntryView = z.object({
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
  reopened: z.array(z.string()).optional().describe('For a revision, the parties asked again; for a reminder, those reminded; for a closing or termination, the parties named.'),
  unreachable: z.array(z.string()).optional().describe('Parties a reminder could not reach: no contact address.'),
  by: z.string().optional().describe('The person who took the step, by name, where it is known (a coordinator signed in on the pages).'),
  attachment: z.number().int().optional().describe('For an attachment added or replaced: its number, from 1.'),
});

export const partyAnswerView = z.object({
  party: z.string(),
  name: z.string().describe("The party's name as the case knows it (kept from when the case started)."),
  status: z.enum(PARTY_STATUSES),
  date: z.string().nullable(),
  body: z.string().nullable(),
  paragraph: z.string().nullable(),
  minutesUrl: z.string().nullable(),
  minutesFile: fileView.nullable().describe('The minutes excerpt uploaded as a file.'),
  partyReference: z.string().nullable(),
  note: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int().nullable().optional().describe('The version of the case the answer was given to.'),
  deadline: z.string().nullable().describe("This party's deadline: its own where moved, else the case's."),
  postedOn: z.string().nullable().describe('The day the minutes were posted.'),
  final: z.boolean().describe('Adopted and past the appeal period (laga kraft).'),
  finalFrom: z
    .string()
    .nullable()
    .describe('The first day the decision is final, once the posting date is known (null while an appeal awaits the court).'),
  appealedOn: z.string().nullable().describe('The day an appeal came in that awaits the court: the decision stands but is not final.'),
  askedSince: z.string().nullable().describe('Since when the party has been asked for its answer: the recommendation, or a revision or appeal that asked it again.'),
});

export const caseViewSchema = z.object({
  id: z.string(),
  process: z.object({ id: z.string(), version: z.number().int() }),
  title: z.string(),
  reference: z.string().nullable(),
  stage,
  waitingOn: z.array(z.string()),
  waitingSince: z
    .string()
    .nullable()
    .describe('While the case waits: the date (YYYY-MM-DD) of the step that brought it into its stage, e.g. the council meeting that recommended it.'),
  daysWaiting: z.number().int().nullable().describe('Whole days from waitingSince until today.'),
  stageRecordedAt: z.string().describe('When that step was recorded (ISO 8601 instant).'),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  openedAt: z.string(),
  version: z.number().int().describe('1, raised by each revision.'),
  attachments: z.array(attachmentView).describe('Numbered from 1 in this order: a link, or an uploaded file with its versions.'),
  parties: z.array(partyAnswerView),
  history: z.array(historyEntryView),
  processName: z.string().describe('The kind of round, in Swedish.'),
  availableSteps: z
    .array(z.object({ step: z.string(), parties: z.array(z.string()).optional() }))
    .describe('What can happen to the case now (`council.recommend`, `decision`, `posting`, …), with the parties a party step can be taken for; any other step is refused.'),
  reminders: z.object({ daysBefore: z.array(z.number().int()), onDeadline: z.boolean(), weeklyAfter: z.boolean() }).nullable(),
  owner: z.string().nullable().describe('Who owns the case, by name; null when nobody was named.'),
  escalationDays: z
    .number()
    .int()
    .nullable()
    .describe('Days past its deadline after which a party still undecided is escalated (to the coordinators and its escalation contact); null where the case does not escalate.'),
  validity: z
    .object({
      from: z.string(),
      to: z.string(),
      renewal: z.object({ months: z.number().int(), noticeMonths: z.number().int() }).nullable(),
      warnDays: z.number().int(),
      noticeDate: z.string().nullable().describe('The last day a party can terminate before the next renewal.'),
      terminations: z.array(z.object({ party: z.string(), date: z.string() })),
    })
    .nullable(),
  followUp: z
    .object({ owner: z.string(), due: z.string(), status: z.enum(['open', 'done']), doneOn: z.string().nullable(), overdue: z.boolean() })
    .nullable(),
  extendsCase: z.string().nullable(),
  inForceSince: z.string().nullable(),
  financing: financingSchema.nullable().describe('What the agreement costs, when the case carries it.'),
  proposal: z
    .object({ coverLetter: z.string().nullable(), decisionWording: z.string().nullable() })
    .describe('The cover letter and the decision wording sent with the recommendation; null where the case carries none.'),
  forecast: z
    .object({
      inForceBy: z.string().nullable().describe('When the case is expected to be in force: the last expected decision.'),
      parties: z.array(z.object({ party: z.string(), expected: z.string(), basis: z.enum(['scheduled', 'history', 'deadline']) })),
    })
    .nullable()
    .optional()
    .describe("GET /api/cases/{id} only, and only while the case waits on parties: each one's expected decision (its scheduled meeting, its own usual time from its decided cases, or its deadline)."),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const caseListViewSchema = z.object({ items: z.array(caseViewSchema), total: z.number().int() });

export const blockedCaseViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  stage,
  waitingOn: z.array(z.string()),
  waitingSince: z.string().describe('The date of the step that brought the case into its stage.'),
  daysWaiting: z.number().int().describe('Whole days from waitingSince until today.'),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  scheduled: z
    .array(z.object({ party: z.string(), body: z.string().nullable(), date: z.string(), passed: z.boolean() }))
    .describe('Parties that have put the matter on a committee meeting; `passed` when that date is gone with no decision.'),
});

export const dashboardViewSchema = z.object({
  byStage: z.record(z.string(), z.number().int()),
  blocked: z.array(blockedCaseViewSchema).describe('One page of the cases that wait (`limit`, `offset`): overdue first, then the longest waiting.'),
  blockedTotal: z.number().int().describe('How many cases wait, on every page together.'),
  overdueTotal: z.number().int().describe('How many of them are overdue.'),
  byParty: z
    .array(z.object({ party: z.string(), name: z.string(), waiting: z.number().int(), overdue: z.number().int() }))
    .describe("Every active party of the register (and any retired one a case still waits on), in the register's order."),
  followUps: z
    .array(z.object({ id: z.string(), title: z.string(), owner: z.string(), due: z.string(), overdue: z.boolean() }))
    .describe('Open follow-up assignments of cases in force, soonest due first.'),
  periods: z
    .array(z.object({ id: z.string(), title: z.string(), to: z.string(), renews: z.boolean(), terminatedBy: z.array(z.string()) }))
    .describe('Agreements in force with an end date, soonest first: whether they renew, and who terminated.'),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;


export const errorViewSchema = z.object({
  error: z.enum(['validation', 'unauthorized', 'forbidden', 'not-found', 'method-not-allowed', 'conflict', 'payload-too-large', 'unsupported-media-type', 'rejected-file', 'unavailable', 'internal']),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
