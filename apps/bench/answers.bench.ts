import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { caseStateQuery, caseWorkflowId, recordDecision, type DecisionInput } from '../../libs/workflow-contract/case.messages';
import { apiCall, expectStatus, processGroups, sendDecision, type BenchContext } from './bench-context';
import { noopWorkflow, touch, touchThroughActivity, touchThroughLocalActivity } from './bench.workflows';
import { CpuSampler } from './process-sampler';
import { summarize, timed, type Summary } from './statistics';

export interface Comparison {
  readonly ours: Summary;
  readonly floors: Record<string, Summary>;
}

function newCaseBody(index: number): Record<string, unknown> {
  return {
    title: `Bänk: regional överenskommelse ${index}`,
    reference: `BÄNK ${index}`,
    deadline: '2027-06-30',
    networkDecision: { date: '2026-11-02' },
  };
}

/** The label of the rows measured against the case workflow before its patches. */
export const BEFORE_PATCHES = 'the same through the case workflow before its patches (projection as a remote activity)';

/**
 * Row 2: POST /api/cases against a bare workflow start and a bare update-with-start, in
 * turns; returns the cases opened (and some through the API of the workflow before its
 * patches, for row 1), brought to the parties' decisions. The start is the API's own on
 * either workflow, so the old workflow gives it no row of its own.
 */
export async function compareStarts(
  context: BenchContext,
  before: BenchContext,
  count: number,
): Promise<{ comparison: Comparison; caseIds: string[]; noopIds: string[]; beforeCaseIds: string[] }> {
  const samples = { ours: [] as number[], bare: [] as number[], bareWithUpdate: [] as number[] };
  const caseIds: string[] = [];
  const noopIds: string[] = [];
  const beforeCaseIds: string[] = [];
  const createCase = async (on: BenchContext, ids: string[], index: number) => {
    const created = await expectStatus(apiCall(on, 'POST', '/api/cases', newCaseBody(index), randomUUID()), 201, 'create a case');
    ids.push(created.id as string);
  };
  for (let index = 0; index < count; index += 1) {
    const steps: [keyof typeof samples, () => Promise<unknown>][] = [
      ['ours', () => createCase(context, caseIds, index)],
      [
        'bare',
        async () => {
          const workflowId = `bench-noop-${randomUUID()}`;
          await context.temporal.workflow.start(noopWorkflow, { taskQueue: context.stack.floorTaskQueue, workflowId });
          noopIds.push(workflowId);
        },
      ],
      [
        'bareWithUpdate',
        async () => {
          const workflowId = `bench-noop-${randomUUID()}`;
          const startWorkflowOperation = new WithStartWorkflowOperation(noopWorkflow, {
            taskQueue: context.stack.floorTaskQueue,
            workflowId,
            workflowIdConflictPolicy: 'FAIL',
          });
          await context.temporal.workflow.executeUpdateWithStart(touch, { startWorkflowOperation });
          noopIds.push(workflowId);
        },
      ],
    ];
    // The order turns every round so that none always follows another.
    for (let turn = 0; turn < steps.length; turn += 1) {
      const [name, call] = steps[(turn + index) % steps.length];
      const ms = await timed(call);
      // The first rounds warm up.
      if (index >= 2) samples[name].push(ms);
    }
  }
  // The old workflow's cases, for row 1: opened through its API, untimed (the start is the same API's).
  for (let index = 0; index < count; index += 1) await createCase(before, beforeCaseIds, index);
  for (const [on, ids] of [[context, caseIds], [before, beforeCaseIds]] as const) {
    for (const caseId of ids) {
      await expectStatus(apiCall(on, 'POST', `/api/cases/${caseId}/council`, { outcome: 'recommend', date: '2026-11-10' }, randomUUID()), 200, 'recommend');
    }
  }
  return {
    comparison: {
      ours: summarize(samples.ours),
      floors: {
        'bare workflow start': summarize(samples.bare),
        // Not the goal's floor: the least a start that waited for its workflow, as the API's did before, could take.
        'bare update-with-start (no-op workflow, one update): what a start that waits for its workflow cannot go below': summarize(samples.bareWithUpdate),
      },
    },
    caseIds,
    noopIds,
    beforeCaseIds,
  };
}

/** A party's `scheduled` answer: keeps the case open, so that a case can be answered again and again. */
function scheduledDecision(party: string, counter: number): Record<string, unknown> {
  const day = String(1 + (counter % 28)).padStart(2, '0');
  return { party, outcome: 'scheduled', date: `2027-01-${day}`, body: 'Socialnämnden' };
}

/** Round-robin over the cases first, then the parties: concurrent answers mostly land on different cases. */
export function answerTarget(caseIds: readonly string[], parties: readonly string[], counter: number): { caseId: string; party: string } {
  return { caseId: caseIds[counter % caseIds.length], party: parties[Math.floor(counter / caseIds.length) % parties.length] };
}

/**
 * Row 1: the answer path against a bare update on a no-op workflow and a single-row upsert,
 * and against the same answer on the workflow before its patches, in turns.
 */
export async function compareAnswers(
  context: BenchContext,
  cases: { readonly ours: readonly string[]; readonly before: readonly string[]; readonly noop: readonly string[] },
  before: BenchContext,
  rounds: number,
): Promise<Comparison> {
  const { ours: caseIds, noop: noopIds } = cases;
  await context.pool.query('CREATE TABLE IF NOT EXISTS bench_upsert_floor (id integer PRIMARY KEY, value text NOT NULL, at timestamptz NOT NULL)');
  const samples = {
    ours: [] as number[],
    update: [] as number[],
    upsert: [] as number[],
    activity: [] as number[],
    localActivity: [] as number[],
    direct: [] as number[],
    before: [] as number[],
  };
  const noop = () => context.temporal.workflow.getHandle(noopIds[counter % noopIds.length]);
  const warmUp = 10;
  let counter = 0;
  const steps: [keyof typeof samples, () => Promise<unknown>][] = [
    [
      'ours',
      () => {
        const { caseId, party } = answerTarget(caseIds, context.parties.map((party) => party.id), counter);
        return sendDecision(context, caseId, scheduledDecision(party, counter), randomUUID());
      },
    ],
    [
      'before',
      () => {
        const { caseId, party } = answerTarget(cases.before, context.parties.map((party) => party.id), counter);
        return sendDecision(before, caseId, scheduledDecision(party, counter), randomUUID());
      },
    ],
    [
      'direct',
      async () => {
        const { caseId, party } = answerTarget(caseIds, context.parties.map((party) => party.id), counter);
        const input = { ...scheduledDecision(party, counter), actor: 'coordinator' } as DecisionInput;
        const updateId = randomUUID();
        await context.temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(recordDecision, { args: [input], updateId });
        // As the API does, beside the reply: its receipt may go (else the workers would ask the workflow after 30 s).
        void context.pool.query('UPDATE party_notice_outbox SET confirmed = true WHERE case_id = $1 AND request_id = $2', [caseId, updateId]).catch(() => undefined);
      },
    ],
    ['update', () => noop().executeUpdate(touch)],
    ['activity', () => noop().executeUpdate(touchThroughActivity)],
    ['localActivity', () => noop().executeUpdate(touchThroughLocalActivity)],
    [
      'upsert',
      () =>
        context.pool.query(
          `INSERT INTO bench_upsert_floor (id, value, at) VALUES ($1, $2, now())
           ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value, at = EXCLUDED.at`,
          [counter % 100, randomUUID()],
        ),
    ],
  ];
  for (let round = 0; round < rounds + warmUp; round += 1, counter += 1) {
    for (let index = 0; index < steps.length; index += 1) {
      const [name, call] = steps[(index + round) % steps.length];
      const ms = await timed(call);
      if (round >= warmUp) samples[name].push(ms);
    }
  }
  await context.pool.query('DROP TABLE bench_upsert_floor');
  return {
    ours: summarize(samples.ours),
    floors: {
      'bare Temporal update (no-op workflow)': summarize(samples.update),
      'single-row INSERT … ON CONFLICT': summarize(samples.upsert),
      // Not floors of the goal: where the time between the two goes.
      'update awaiting one no-op activity': summarize(samples.activity),
      'update awaiting one no-op local activity': summarize(samples.localActivity),
      // The answer without the API: the update straight to the case workflow and its projection, no HTTP and no read of the case.
      'the same answer straight to the case workflow (no HTTP, no API, no read of the case)': summarize(samples.direct),
      [BEFORE_PATCHES]: summarize(samples.before),
    },
  };
}

export interface LoadLevel {
  readonly clients: number;
  readonly instances: number;
  readonly seconds: number;
  readonly answers: number;
  readonly answersPerSecond: number;
  readonly latency: Summary;
  readonly refused: number;
  /** Percent of one core per process group over the level. */
  readonly cpu: Record<string, number>;
  /** CPU milliseconds the Temporal server spent per answer (NaN when its process is not ours to sample). */
  readonly temporalCpuMsPerAnswer: number;
}

let loadCounter = 0;

/** `clients` concurrent clients answering for `durationMs`, each waiting for its reply before the next. */
export async function runLoad(context: BenchContext, caseIds: readonly string[], clients: number, durationMs: number): Promise<LoadLevel> {
  const sampler = new CpuSampler(processGroups(context));
  const latencies: number[] = [];
  let refused = 0;
  const started = performance.now();
  sampler.start();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() - started < durationMs) {
        const counter = loadCounter++;
        const { caseId, party } = answerTarget(caseIds, context.parties.map((party) => party.id), counter);
        const sent = await sendDecision(context, caseId, scheduledDecision(party, counter), randomUUID(), client);
        latencies.push(sent.ms);
        refused += sent.refused;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = sampler.stop();
  return {
    clients,
    instances: context.stack.apis.length,
    seconds,
    answers: latencies.length,
    answersPerSecond: latencies.length / seconds,
    latency: summarize(latencies),
    refused,
    cpu,
    temporalCpuMsPerAnswer: ((cpu.temporal / 100) * seconds * 1000) / latencies.length,
  };
}

/** Row 4: 1, 4, 16, 64 clients, stopping after the first level whose p95 passes 500 ms. */
export async function throughputLevels(context: BenchContext, caseIds: readonly string[], levels: readonly number[], durationMs: number): Promise<LoadLevel[]> {
  const results: LoadLevel[] = [];
  for (const clients of levels) {
    const level = await runLoad(context, caseIds, clients, durationMs);
    context.log(`  ${clients} clients: ${level.answersPerSecond.toFixed(1)} answers/s, p95 ${level.latency.p95.toFixed(0)} ms, ${level.refused} refused`);
    results.push(level);
    if (level.latency.p95 > 500) break;
  }
  return results;
}

export interface IntegrityCheck {
  readonly accepted: number;
  readonly lost: number;
  readonly doubled: number;
  readonly casesChecked: number;
  /** Cases whose read model disagrees with their workflow (history length, sequence). */
  readonly casesDiffering: number;
}

/** Every accepted answer is in the read model exactly once, and each case's read model equals its workflow. */
export async function checkIntegrity(context: BenchContext, caseIds: readonly string[]): Promise<IntegrityCheck> {
  const keys = context.accepted.map((answer) => answer.key);
  const rows = await context.pool.query<{ request_id: string; count: string }>(
    'SELECT request_id, count(*) AS count FROM case_history WHERE request_id = ANY($1::text[]) GROUP BY request_id',
    [keys],
  );
  const found = new Map(rows.rows.map((row) => [row.request_id, Number(row.count)]));
  let casesDiffering = 0;
  for (const caseId of caseIds) {
    const state = await context.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
    const stored = await context.pool.query<{ sequence: number; rows: string; top: number }>(
      `SELECT c.sequence, (SELECT count(*) FROM case_history h WHERE h.case_id = c.id) AS rows,
              (SELECT max(sequence) FROM case_history h WHERE h.case_id = c.id) AS top
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    const row = stored.rows[0];
    if (!row || row.sequence !== state.sequence || Number(row.rows) !== state.history.length || row.top !== state.sequence) casesDiffering += 1;
  }
  return {
    accepted: keys.length,
    lost: keys.filter((key) => !found.has(key)).length,
    doubled: [...found.values()].filter((count) => count > 1).length,
    casesChecked: caseIds.length,
    casesDiffering,
  };
}
