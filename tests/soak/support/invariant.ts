import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { CaseState } from '../../../libs/domain';
import { caseStateQuery, caseWorkflowId } from '../../../libs/workflow-contract/case.messages';
import type { Ledger, Submission } from './ledger';

/** One history entry as both sides can tell it. */
interface Step {
  readonly sequence: number;
  readonly type: string;
  readonly party: string | null;
  readonly outcome: string | null;
  readonly requestId: string | null;
}

/** A case as the read model's own rows hold it (not through the repository, which could hide a doubled row). */
export interface ReadModelCase {
  readonly stage: string;
  readonly sequence: number;
  readonly history: readonly Step[];
  readonly parties: ReadonlyMap<string, string>;
}

export interface CaseSides {
  readonly truth: CaseState | undefined;
  readonly readModel: ReadModelCase | undefined;
}

/** Every case the soak may have made: opened for a client, in the read model, or in Temporal. */
export async function knownCaseIds(ledger: Ledger, dataSource: DataSource, temporal: Client): Promise<string[]> {
  const ids = new Set<string>();
  for (const submission of ledger.submissions.values()) if (submission.caseId) ids.add(submission.caseId);
  const rows: { id: string }[] = await dataSource.query('SELECT id FROM cases');
  for (const row of rows) ids.add(row.id);
  for await (const workflow of temporal.workflow.list({ query: `WorkflowType = 'caseWorkflow'` })) {
    ids.add(workflow.workflowId.replace(/^case-/, ''));
  }
  return [...ids].sort();
}

/** The workflow's own state (its query) and the read model's rows, for one case. */
export async function readBothSides(caseId: string, dataSource: DataSource, temporal: Client): Promise<CaseSides> {
  let truth: CaseState | undefined;
  try {
    truth = await temporal.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
  } catch {
    truth = undefined;
  }
  const cases: { stage: string; sequence: number }[] = await dataSource.query('SELECT stage, sequence FROM cases WHERE id = $1', [caseId]);
  if (cases.length === 0) return { truth, readModel: undefined };
  const history: { sequence: number; type: string; party: string | null; outcome: string | null; request_id: string | null }[] = await dataSource.query(
    'SELECT sequence, type, party, outcome, request_id FROM case_history WHERE case_id = $1 ORDER BY sequence, id',
    [caseId],
  );
  const parties: { party: string; status: string }[] = await dataSource.query('SELECT party, status FROM case_parties WHERE case_id = $1', [caseId]);
  return {
    truth,
    readModel: {
      stage: cases[0].stage,
      sequence: cases[0].sequence,
      history: history.map((row) => ({ sequence: row.sequence, type: row.type, party: row.party, outcome: row.outcome, requestId: row.request_id })),
      parties: new Map(parties.map((row) => [row.party, row.status])),
    },
  };
}

/** The read model has caught up with the workflow: what "settled" means for one case. */
export function settled(sides: CaseSides): boolean {
  return sides.truth !== undefined && sides.readModel !== undefined && sides.readModel.sequence === sides.truth.sequence;
}

/**
 * The invariant, for every case: the answers in the workflow's state = the read model's
 * rows = the distinct keys the clients were told succeeded. Nothing missing, nothing
 * doubled, nothing accepted that a client was told failed. Returns each violation found.
 */
export function checkInvariant(cases: ReadonlyMap<string, CaseSides>, ledger: Ledger): string[] {
  const violations: string[] = [];
  const byCase = new Map<string, Submission[]>();
  for (const submission of ledger.submissions.values()) {
    if (submission.verdict === 'acknowledged' && submission.caseId) {
      byCase.set(submission.caseId, [...(byCase.get(submission.caseId) ?? []), submission]);
    }
  }
  for (const [caseId, acknowledged] of byCase) {
    if (!cases.has(caseId)) violations.push(`case ${caseId}: ${acknowledged.length} acknowledged answers, but the case was not found at all`);
  }
  for (const [caseId, sides] of cases) {
    violations.push(...checkCase(caseId, sides, byCase.get(caseId) ?? [], ledger).map((violation) => `case ${caseId}: ${violation}`));
  }
  return violations;
}

function checkCase(caseId: string, { truth, readModel }: CaseSides, acknowledged: readonly Submission[], ledger: Ledger): string[] {
  if (!truth) return ['the workflow could not be queried'];
  if (!readModel) return [`the workflow is at sequence ${truth.sequence}, the read model has no row for the case`];
  const violations: string[] = [];
  const truthSteps: Step[] = truth.history.map((entry) => ({
    sequence: entry.sequence,
    type: entry.type,
    party: entry.party ?? null,
    outcome: entry.outcome ?? null,
    requestId: entry.requestId,
  }));

  for (const [side, steps] of [['workflow', truthSteps], ['read model', readModel.history]] as const) {
    const seen = new Map<string, number>();
    for (const step of steps) {
      if (step.requestId === null) violations.push(`${side}: entry ${step.sequence} (${step.type}) has no key, though every client request had one`);
      else seen.set(step.requestId, (seen.get(step.requestId) ?? 0) + 1);
    }
    for (const [key, times] of seen) if (times > 1) violations.push(`${side}: the answer with key ${key} is there ${times} times`);
    const sequences = steps.map((step) => step.sequence);
    if (sequences.some((sequence, index) => sequence !== index + 1)) violations.push(`${side}: history sequences are ${sequences.join(',')}`);
  }

  const length = Math.max(truthSteps.length, readModel.history.length);
  for (let index = 0; index < length; index++) {
    const [left, right] = [JSON.stringify(truthSteps[index] ?? null), JSON.stringify(readModel.history[index] ?? null)];
    if (left !== right) violations.push(`history differs at position ${index + 1}: workflow ${left}, read model ${right}`);
  }
  if (readModel.stage !== truth.stage || readModel.sequence !== truth.sequence) {
    violations.push(`the workflow is ${truth.stage} at sequence ${truth.sequence}, the read model ${readModel.stage} at ${readModel.sequence}`);
  }

  // Every answer in the workflow was acknowledged to the client that sent it.
  for (const step of truthSteps) {
    if (step.requestId === null) continue;
    const submission = ledger.submissions.get(step.requestId);
    if (!submission) violations.push(`entry ${step.sequence} has key ${step.requestId}, which no client sent`);
    else if (submission.verdict === 'refused') violations.push(`entry ${step.sequence} (${step.requestId}) was accepted, though its client was told it failed (${submission.status})`);
    else if (submission.verdict !== 'acknowledged') violations.push(`entry ${step.sequence} (${step.requestId}) was accepted, but its client never got an answer (${submission.verdict})`);
    else if (submission.caseId !== undefined && submission.caseId !== caseId) violations.push(`entry ${step.sequence} (${step.requestId}) was sent to case ${submission.caseId}`);
  }
  // Every acknowledged answer is in the workflow and in the read model.
  const inTruth = new Set(truthSteps.map((step) => step.requestId));
  const inReadModel = new Set(readModel.history.map((step) => step.requestId));
  for (const submission of acknowledged) {
    if (!inTruth.has(submission.key)) violations.push(`${submission.key} was acknowledged (${submission.status}) but is not in the workflow`);
    if (!inReadModel.has(submission.key)) violations.push(`${submission.key} was acknowledged (${submission.status}) but is not in the read model`);
  }

  // Each party's status: the workflow's, the read model's, and the client's last acknowledged answer.
  const lastAnswer = new Map<string, Submission>();
  for (const submission of acknowledged) {
    if (submission.kind !== 'decision' || !submission.party) continue;
    const earlier = lastAnswer.get(submission.party);
    if (!earlier || (earlier.acknowledgedOrder ?? 0) < (submission.acknowledgedOrder ?? 0)) lastAnswer.set(submission.party, submission);
  }
  for (const answer of truth.parties) {
    const stored = readModel.parties.get(answer.party);
    if (stored !== answer.status) violations.push(`${answer.party}: the workflow says ${answer.status}, the read model ${stored ?? 'nothing'}`);
    const told = lastAnswer.get(answer.party)?.outcome ?? 'pending';
    if (told !== answer.status) violations.push(`${answer.party}: the workflow says ${answer.status}, the client's last acknowledged answer was ${told}`);
  }
  if (readModel.parties.size !== truth.parties.length) {
    violations.push(`the workflow has ${truth.parties.length} parties, the read model ${readModel.parties.size}`);
  }
  return violations;
}
