import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { Actor, FileRef } from '../domain';
import {
  remindParties,
  stepUpdate,
  type StepReceipt,
} from '../workflow-contract/case.messages';
import {
  appealSchema,
  attachmentStepSchema,
  councilOutcomeSchema,
  deadlineSchema,
  decisionSchema,
  followUpSchema,
  networkOutcomeSchema,
  postingSchema,
  reminderSchema,
  revisionSchema,
  rulingSchema,
  judgementSchema,
  terminationSchema,
} from './case.schemas';

/**
 * Every step a person can take on a case, once: its body's schema, its route, who may take
 * it, the update that carries it and how a body becomes that update's input. The API's
 * routes and OpenAPI text, the service, the workflow client and the coordinator's forms
 * are all read from here, so a new kind of step is one entry (and its domain rule).
 */

/** Sends one update to the case's workflow; answers once the change is in the read model. */
export type UpdateSender = <Input>(update: UpdateDefinition<StepReceipt, [Input]>, input: Input) => Promise<StepReceipt>;

/** Uploaded files a step names, by id, with their checksums: looked up before the step is sent. */
export type FileRefs = ReadonlyMap<string, FileRef>;

/** A body that passed its schema: the party it is about, and how to send it once the caller is known. */
export interface ReadStep {
  /** A party's own link may take a step about its own party only. */
  readonly party: string | undefined;
  /** The uploaded files the body names: each must be found (and the caller's to use) before `send`. */
  readonly fileIds: readonly string[];
  /** `by`: the person taking it, by name, where it is known; `files`: every one of `fileIds`. */
  send(sender: UpdateSender, actor: Actor, by?: string, files?: FileRefs): Promise<StepReceipt>;
}

export type StepReading = { readonly ok: true; readonly step: ReadStep } | { readonly ok: false; readonly issues: readonly z.core.$ZodIssue[] };

export interface StepRoute {
  /** The name of the step's form on the case page. */
  readonly name: string;
  /** After `/api/cases/{id}/`; `parties/{party}/…` when the party is in the path. */
  readonly path: string;
  readonly partyInPath: boolean;
  readonly takenBy: 'coordinator' | 'coordinator-or-party';
  readonly schema: z.ZodType;
  /** The OpenAPI component of the body. */
  readonly schemaName: string;
  readonly summary: string;
  /** A step whose every field is optional may be sent without a body. */
  readonly bodyOptional: boolean;
  /** Reads a body (and the path's party); changes nothing. */
  read(body: unknown, pathParty: string | undefined): StepReading;
}

interface StepSpec<Body, Input> {
  readonly name: string;
  readonly path: string;
  readonly takenBy?: StepRoute['takenBy'];
  readonly schema: z.ZodType<Body>;
  readonly schemaName: string;
  readonly summary: string;
  readonly bodyOptional?: boolean;
  readonly update: UpdateDefinition<StepReceipt, [Input]>;
  /** The body as the update's input; `party` is the path's, for steps that carry it there; `files` those the body names. */
  readonly input: (body: Body, actor: Actor, party: string, files: FileRefs) => Input;
  /** The uploaded files a body names, by id. */
  readonly filesOf?: (body: Body) => readonly (string | undefined)[];
  /** The party a body is about, for steps that carry it in the body. */
  readonly partyOf?: (body: Body) => string | undefined;
}

function stepRoute<Body, Input>(spec: StepSpec<Body, Input>): StepRoute {
  const partyInPath = spec.path.startsWith('parties/{party}/');
  return {
    name: spec.name,
    path: spec.path,
    partyInPath,
    takenBy: spec.takenBy ?? 'coordinator',
    schema: spec.schema,
    schemaName: spec.schemaName,
    summary: spec.summary,
    bodyOptional: spec.bodyOptional ?? false,
    read(body, pathParty) {
      const parsed = spec.schema.safeParse(body === undefined && spec.bodyOptional ? {} : body);
      if (!parsed.success) return { ok: false, issues: parsed.error.issues };
      const fields = parsed.data;
      const party = partyInPath ? pathParty : spec.partyOf?.(fields);
      return {
        ok: true,
        step: {
          party,
          fileIds: (spec.filesOf?.(fields) ?? []).filter((id): id is string => id !== undefined),
          send: (sender, actor, by, files = new Map()) =>
            sender(spec.update, { ...spec.input(fields, actor, pathParty ?? '', files), ...(by ? { by } : {}) }),
        },
      };
    },
  };
}

export const STEP_ROUTES: readonly StepRoute[] = [
  stepRoute({
    name: 'council',
    path: 'council',
    schema: councilOutcomeSchema,
    schemaName: 'CouncilOutcome',
    summary: "Record the council's outcome (its recommendation, a referral back, or a rejection)",
    update: stepUpdate('council'),
    input: (body, actor) => ({ ...body, actor }),
  }),
  stepRoute({
    name: 'network',
    path: 'network',
    schema: networkOutcomeSchema,
    schemaName: 'NetworkOutcome',
    summary: "Record the network's (LCHNV) outcome",
    update: stepUpdate('network'),
    input: (body, actor) => ({ ...body, actor }),
  }),
  stepRoute({
    name: 'decision',
    path: 'decisions',
    takenBy: 'coordinator-or-party',
    schema: decisionSchema,
    schemaName: 'Decision',
    summary: "Record a party's political decision (the coordinator, or the party with its own link)",
    partyOf: (body) => body.party,
    update: stepUpdate('decision'),
    filesOf: (body) => [body.minutesFile],
    input: ({ minutesFile, ...body }, actor, _party, files) => ({ ...body, ...(minutesFile ? { minutesFile: fileRef(files, minutesFile) } : {}), actor }),
  }),
  stepRoute({
    name: 'revision',
    path: 'revisions',
    schema: revisionSchema,
    schemaName: 'Revision',
    summary: 'Revise the case and re-open decisions for all or some parties',
    update: stepUpdate('revision'),
    input: ({ parties, ...body }, actor) => ({ ...body, ...(parties ? { reopen: parties } : {}), actor }),
  }),
  stepRoute({
    name: 'deadline',
    path: 'deadline',
    schema: deadlineSchema,
    schemaName: 'Deadline',
    summary: 'Move the deadline, for every party or for one, without restarting the case',
    update: stepUpdate('deadline'),
    input: ({ deadline, ...body }, actor) => ({ ...body, date: deadline, actor }),
  }),
  stepRoute({
    name: 'reminder',
    path: 'reminders',
    schema: reminderSchema,
    schemaName: 'Reminder',
    summary: 'Remind one party, or every party that has not answered, now (e-mail)',
    bodyOptional: true,
    update: remindParties,
    input: (body, actor) => ({ ...body, actor }),
  }),
  stepRoute({
    name: 'posting',
    path: 'parties/{party}/posting',
    takenBy: 'coordinator-or-party',
    schema: postingSchema,
    schemaName: 'Posting',
    summary: 'Record the day the minutes with an adopted decision were posted (anslag)',
    update: stepUpdate('posting'),
    input: (body, actor, party) => ({ party, date: body.postedOn, actor }),
  }),
  stepRoute({
    name: 'appeal',
    path: 'parties/{party}/appeals',
    schema: appealSchema,
    schemaName: 'Appeal',
    summary: "Record an appeal against a party's adopted decision: it stands, not final until the court rules (cases before the court rules: its answer opened again)",
    update: stepUpdate('appeal'),
    input: (body, actor, party) => ({ party, ...body, actor }),
  }),
  stepRoute({
    name: 'ruling',
    path: 'parties/{party}/ruling',
    schema: rulingSchema,
    schemaName: 'Ruling',
    summary: "Record the administrative court's ruling on an appealed decision: annulled opens the party's answer again, dismissed makes it final",
    update: stepUpdate('ruling'),
    input: (body, actor, party) => ({ party, ...body, actor }),
  }),
  stepRoute({
    name: 'judgement',
    path: 'parties/{party}/judgement',
    schema: judgementSchema,
    schemaName: 'Judgement',
    summary: "Judge a party's decision adopted with changes under the rule of identical decisions: identical (counts as adopted) or rejection",
    update: stepUpdate('judgement'),
    input: (body, actor, party) => ({ party, ...body, actor }),
  }),
  stepRoute({
    name: 'termination',
    path: 'parties/{party}/termination',
    schema: terminationSchema,
    schemaName: 'Termination',
    summary: 'Record that a party terminates the agreement in force',
    update: stepUpdate('termination'),
    input: (body, actor, party) => ({ party, ...body, actor }),
  }),
  stepRoute({
    name: 'follow-up',
    path: 'follow-up',
    schema: followUpSchema,
    schemaName: 'FollowUp',
    summary: 'Mark the follow-up assignment done, or hand it on',
    update: stepUpdate('follow-up'),
    input: (body, actor) => ({ ...body, actor }),
  }),
  stepRoute({
    name: 'attachment',
    path: 'attachments',
    schema: attachmentStepSchema,
    schemaName: 'AttachmentStep',
    summary: 'Add an uploaded file as an attachment, or replace one with a new version (its number in `replaces`, and what changed in `note`)',
    update: stepUpdate('attachment'),
    filesOf: (body) => [body.file],
    input: ({ file, ...body }, actor, _party, files) => ({ ...body, file: fileRef(files, file), actor }),
  }),
];

/** A named file's reference; the caller looked every named file up before sending. */
function fileRef(files: FileRefs, id: string): FileRef {
  const ref = files.get(id);
  if (!ref) throw new Error(`File ${id} was not looked up before the step was sent.`);
  return ref;
}

/** The step at a path after `/api/cases/{id}/` (`parties/{party}/` already taken off for party steps). */
export function findStepRoute(path: string, partyInPath: boolean): StepRoute | undefined {
  const full = partyInPath ? `parties/{party}/${path}` : path;
  return STEP_ROUTES.find((route) => route.path === full);
}

export function findStepForm(name: string): StepRoute | undefined {
  return STEP_ROUTES.find((route) => route.name === name);
}
