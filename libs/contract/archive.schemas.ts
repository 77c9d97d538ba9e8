import { z } from 'zod';
import { caseViewSchema, historyEntryView, partyAnswerView } from './case.schemas';

/**
 * The data files of a case's archive package. Each is checked against its schema as the
 * package is made, and the schemas go into the package (`schemas/`, as JSON Schema), so
 * what an archive receives says what it holds.
 */
export const caseRecordSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    reference: z.string().nullable().describe('The registry number (diarienummer) of the coordinating organisation.'),
    organisation: z.string().describe('The coordinating organisation, which hands the package over.'),
    process: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
    stage: caseViewSchema.shape.stage,
    stageName: z.string().describe('The stage in Swedish.'),
    openedAt: z.string().describe('ISO 8601 instant the case was opened.'),
    closedOn: z.string().nullable().describe('YYYY-MM-DD of the step that closed the decision round.'),
    deadline: z.string().nullable(),
    version: z.number().int().describe('1, raised by each revision.'),
    attachments: caseViewSchema.shape.attachments,
    parties: z.array(z.object({ party: z.string(), name: z.string() })).describe('The parties as the case knew them.'),
    validity: caseViewSchema.shape.validity,
    followUp: caseViewSchema.shape.followUp,
    financing: caseViewSchema.shape.financing,
    extendsCase: z.string().nullable(),
    inForceSince: z.string().nullable(),
    packagedAt: z.string().describe('ISO 8601 instant the package was made.'),
  })
  .describe('The case: what it was about, who took part and how it ended.');

export const answersRecordSchema = z.array(partyAnswerView).describe("Each party's answer with its evidence: the deciding body, paragraph, the party's registry number, the minutes, when they were posted and when the decision became final.");

export const historyRecordSchema = z
  .array(historyEntryView.extend({ text: z.string().describe('What happened, in Swedish.') }))
  .describe('Every step of the case in order: when it was recorded (at), the date it carries (date), who took it (actor).');

export type CaseRecord = z.infer<typeof caseRecordSchema>;
