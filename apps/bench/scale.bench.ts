import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { REGIONAL_AGREEMENT, type CaseOpening } from '../../libs/domain';
import { caseWorkflow } from '../../workflows/case.workflow';
import { caseWorkflowId } from '../../libs/workflow-contract/case.messages';
import { CASE_WORKFLOW_CACHE_SIZE, CASE_WORKFLOW_THREADS } from '../worker/case-worker';
import { apiCall, expectStatus, sendDecision, type BenchContext } from './bench-context';
import { residentMiB } from './process-sampler';
import { summarize, timed, type Summary } from './statistics';

/** How long the 311 parties keep trying before an answer counts as not taken. */
const NATIONAL_DEADLINE_MS = 180_000;

/** Temporal warns when a workflow's history passes this many events. */
export const HISTORY_EVENT_WARNING = 10_240;

export interface SimultaneousAnswers {
  readonly parties: number;
  readonly through: string;
  /** Answers that a client saw refused (503, or the client's deadline passed) before they were taken. */
  readonly refusedForLoad: number;
  /** Answers not taken before the run gave up on them. */
  readonly notTaken: number;
  /** Answers taken (replied to) but missing from the read model. */
  readonly lost: number;
  readonly lastReplyMs: number;
  readonly lastVisibleMs: number;
  readonly slowestAnswer: Summary;
  readonly historyEvents: number;
  /** The history's size in bytes when the run ended. */
  readonly historyBytes?: number;
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function adoptedCount(context: BenchContext, caseId: string): Promise<number> {
  const result = await context.pool.query<{ count: string }>(`SELECT count(*) FROM case_parties WHERE case_id = $1 AND status = 'adopted'`, [caseId]);
  return Number(result.rows[0].count);
}

/** A real case through the API, waiting on its parties' decisions: every active party of the register, or a group's. */
async function recommendedCase(context: BenchContext, title: string, group?: string): Promise<string> {
  const created = await expectStatus(
    apiCall(
      context,
      'POST',
      '/api/cases',
      // The seed register's parties unless a group is named: the national register is added to the same database.
      { title, deadline: '2027-06-30', networkDecision: { date: '2026-11-02' }, ...(group ? { group } : { parties: context.parties.map((party) => party.id) }) },
      randomUUID(),
    ),
    201,
    'create a case',
  );
  const caseId = created.id as string;
  await expectStatus(apiCall(context, 'POST', `/api/cases/${caseId}/council`, { outcome: 'recommend', date: '2026-11-10' }, randomUUID()), 200, 'recommend');
  return caseId;
}

/** A history's length, from the server's description: a large case's history passes the 4 MiB a gRPC answer may carry. */
async function historyEvents(context: BenchContext, workflowId: string): Promise<number> {
  return (await context.temporal.workflow.getHandle(workflowId).describe()).historyLength;
}

/** A history's size in bytes, as the server counts it against its limits (warning at 10 MiB, failure at 50 MiB). */
async function historyBytes(context: BenchContext, workflowId: string): Promise<number> {
  const described = await context.temporal.workflow.getHandle(workflowId).describe();
  return Number(String(described.raw.workflowExecutionInfo?.historySizeBytes ?? 0));
}

/** All parties of the seed register (Dalarna's 16) adopt a real case at the same moment, through the API. */
export async function sixteenAtOnce(context: BenchContext): Promise<SimultaneousAnswers> {
  const partyIds = context.parties.map((party) => party.id);
  const caseId = await recommendedCase(context, 'Bänk: alla på en gång');
  const started = performance.now();
  let lastReplyMs = 0;
  const sent = await Promise.all(
    partyIds.map(async (party) => {
      const answer = await sendDecision(context, caseId, { party, outcome: 'adopted', date: '2026-11-20', body: 'Kommunfullmäktige' }, randomUUID());
      lastReplyMs = Math.max(lastReplyMs, performance.now() - started);
      return answer;
    }),
  );
  await waitUntil('every adopted answer', async () => (await adoptedCount(context, caseId)) === partyIds.length, 120_000);
  const lastVisibleMs = performance.now() - started;
  return {
    parties: partyIds.length,
    through: 'the API, a real case of the seed register (Dalarna: 15 municipalities + the region)',
    refusedForLoad: sent.reduce((sum, answer) => sum + answer.refused, 0),
    notTaken: 0,
    lost: partyIds.length - (await adoptedCount(context, caseId)),
    lastReplyMs,
    lastVisibleMs,
    slowestAnswer: summarize(sent.map((answer) => answer.ms)),
    historyEvents: await historyEvents(context, caseWorkflowId(caseId)),
  };
}

/** Sweden's 290 municipalities and 21 regions, as a synthetic register. */
export function nationalParties(): { id: string; name: string; kind: 'municipality' | 'region' }[] {
  return [
    ...Array.from({ length: 290 }, (_, index) => ({ id: `kommun-${String(index + 1).padStart(3, '0')}`, name: `Kommun ${index + 1}`, kind: 'municipality' as const })),
    ...Array.from({ length: 21 }, (_, index) => ({ id: `region-${String(index + 1).padStart(2, '0')}`, name: `Region ${index + 1}`, kind: 'region' as const })),
  ];
}

/**
 * 311 parties answering a real case at once: the synthetic register is put in through the
 * API, a case is started with it as a group and recommended, and then every party answers
 * through the API, retrying a 503 with the same key as the contract says, until 3 minutes
 * have passed.
 */
export async function nationalCase(context: BenchContext): Promise<SimultaneousAnswers> {
  const parties = nationalParties();
  const put = async (path: string, body: unknown) => {
    const answer = await apiCall(context, 'PUT', path, body);
    // 201 the first time, 200 when a bench database is used again.
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`PUT ${path}: HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
  };
  for (let next = 0; next < parties.length; next += 16) {
    await Promise.all(parties.slice(next, next + 16).map(({ id, name, kind }) => put(`/api/parties/${id}`, { name, kind, population: { count: 10_000, year: 2024 } })));
  }
  await put('/api/groups/bank-nationell', { name: 'Bänk: hela landet', parties: parties.map((party) => party.id) });
  const caseId = await recommendedCase(context, 'Bänk: nationell överenskommelse, 311 parter', 'bank-nationell');
  const started = performance.now();
  // Past this an answer counts as not taken; every client stops, so nothing is left running.
  const giveUpAt = Date.now() + NATIONAL_DEADLINE_MS;
  let lastReplyMs = 0;
  let refusedForLoad = 0;
  const times = await Promise.all(
    parties.map(async ({ id }) => {
      const key = randomUUID();
      while (Date.now() < giveUpAt) {
        const answer = await apiCall(context, 'POST', `/api/cases/${caseId}/decisions`, { party: id, outcome: 'adopted', date: '2026-11-20' }, key).catch(() => undefined);
        if (answer?.status === 200) {
          context.accepted.push({ caseId, key });
          const ms = performance.now() - started;
          lastReplyMs = Math.max(lastReplyMs, ms);
          return ms;
        }
        if (answer && answer.status !== 503) throw new Error(`national answer for ${id}: HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
        refusedForLoad += 1;
        await sleep(250);
      }
      return undefined;
    }),
  );
  const taken = times.filter((ms): ms is number => ms !== undefined);
  const takenParties = parties.filter((_, index) => times[index] !== undefined).map((party) => party.id);
  await waitUntil('the accepted answers in the read model', async () => (await adoptedCount(context, caseId)) >= taken.length, 60_000).catch(() => undefined);
  const lastVisibleMs = performance.now() - started;
  const adopted = new Set(
    (await context.pool.query<{ party: string }>(`SELECT party FROM case_parties WHERE case_id = $1 AND status = 'adopted'`, [caseId])).rows.map((row) => row.party),
  );
  return {
    parties: parties.length,
    through: 'the API, a real case of a register of 311 synthetic parties (290 municipalities, 21 regions)',
    refusedForLoad,
    notTaken: parties.length - taken.length,
    // Lost: an answer that got its 200 and is not in the read model. One applied after its request had answered 503 is not lost.
    lost: takenParties.filter((party) => !adopted.has(party)).length,
    lastReplyMs,
    lastVisibleMs,
    slowestAnswer: summarize(taken),
    historyEvents: await historyEvents(context, caseWorkflowId(caseId)),
    historyBytes: await historyBytes(context, caseWorkflowId(caseId)),
  };
}

export interface FinishedCaseEvents {
  readonly eventsAfterRecommendation: number;
  readonly eventsFinished: number;
  readonly eventsPerAnswer: number;
  readonly answersUntilWarning: number;
}

/** Row 6: a real case from start to its end: the seed register's 16 answers one after another, final, the follow-up done. */
export async function eventsPerFinishedCase(context: BenchContext): Promise<FinishedCaseEvents> {
  const caseId = await recommendedCase(context, 'Bänk: ett helt ärende');
  // The recommendation's e-mails go out after the reply: counted with it, not with the answers.
  const handle = context.temporal.workflow.getHandle(caseWorkflowId(caseId));
  await waitUntil('the recommendation sent', async () => ((await handle.describe()).raw.pendingActivities ?? []).length === 0, 60_000);
  const eventsAfterRecommendation = await historyEvents(context, caseWorkflowId(caseId));
  // Minutes posted long ago: every decision is final at once, so the case settles when
  // its follow-up is done (a case in force otherwise lives on for appeals and follow-up).
  const partyIds = context.parties.map((party) => party.id);
  for (const party of partyIds) {
    await sendDecision(context, caseId, { party, outcome: 'adopted', date: '2026-09-20', body: 'Kommunfullmäktige', postedOn: '2026-09-21' }, randomUUID());
  }
  await expectStatus(apiCall(context, 'POST', `/api/cases/${caseId}/follow-up`, { outcome: 'done', date: '2026-11-20' }, randomUUID()), 200, 'follow-up done');
  await context.temporal.workflow.getHandle(caseWorkflowId(caseId)).result();
  const eventsFinished = await historyEvents(context, caseWorkflowId(caseId));
  const eventsPerAnswer = (eventsFinished - eventsAfterRecommendation) / partyIds.length;
  return {
    eventsAfterRecommendation,
    eventsFinished,
    eventsPerAnswer,
    answersUntilWarning: Math.floor((HISTORY_EVENT_WARNING - eventsAfterRecommendation) / eventsPerAnswer),
  };
}

export interface OpenCases {
  readonly target: number;
  readonly opened: number;
  readonly startsPerSecond: number;
  readonly secondsToOpen: number;
  readonly workerRssBeforeMiB: number;
  readonly workerRssPeakMiB: number;
  readonly workerRssAfterMiB: number;
  readonly temporalRssAfterMiB: number;
  readonly cacheSize: string;
  readonly answerOne: Summary;
}

/**
 * Row 5b: many open cases in one worker. Started straight through Temporal (the API's
 * start also waits for the projection, one by one), each projected by the real worker;
 * then a coordinator's step on cases picked at random, most long out of the worker's cache.
 */
export async function openCases(context: BenchContext, target: number, budgetSeconds: number): Promise<OpenCases> {
  const worker = context.stack.workers[0];
  const reference = `BÄNK-ÖPPNA-${randomUUID().slice(0, 8)}`;
  const workerRssBeforeMiB = residentMiB(worker.pid);
  let workerRssPeakMiB = workerRssBeforeMiB;
  const ids: string[] = [];
  const startOne = async () => {
    const id = randomUUID();
    const opening: CaseOpening = {
      id,
      title: 'Bänk: öppet ärende',
      reference,
      parties: context.parties.map((party) => party.id),
      partyNames: Object.fromEntries(context.parties.map((party) => [party.id, party.name])),
      deadline: '2027-06-30',
      attachments: [],
      networkDecision: { date: '2026-11-02' },
      actor: 'coordinator',
      requestId: null,
    };
    await context.temporal.workflow.start(caseWorkflow, {
      taskQueue: context.stack.taskQueue,
      workflowId: caseWorkflowId(id),
      args: [{ opening, process: { id: REGIONAL_AGREEMENT.id, version: REGIONAL_AGREEMENT.version } }],
    });
    ids.push(id);
  };
  const projected = async () =>
    Number((await context.pool.query<{ count: string }>('SELECT count(*) FROM cases WHERE reference = $1', [reference])).rows[0].count);
  const openBatch = async (count: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < count) {
          next += 1;
          await startOne();
        }
      }),
    );
    const expected = ids.length;
    await waitUntil(`${expected} open cases projected`, async () => {
      workerRssPeakMiB = Math.max(workerRssPeakMiB, residentMiB(worker.pid));
      return (await projected()) >= expected;
    }, 600_000);
  };
  const started = performance.now();
  // A first batch tells how fast this machine opens cases; the rest is sized to the time budget.
  const calibration = Math.min(500, target);
  await openBatch(calibration);
  const perSecond = calibration / ((performance.now() - started) / 1000);
  const affordable = Math.floor((perSecond * budgetSeconds) / 100) * 100;
  const goal = Math.max(calibration, Math.min(target, affordable));
  context.log(`  ${perSecond.toFixed(0)} cases/s opened and projected: opening ${goal} of the ${target} asked for`);
  if (goal > calibration) await openBatch(goal - calibration);
  const secondsToOpen = (performance.now() - started) / 1000;
  await sleep(2000);
  const workerRssAfterMiB = residentMiB(worker.pid);

  const picks = Array.from({ length: 20 }, (_, index) => ids[Math.floor(((index + 0.5) * ids.length) / 20)]);
  const answerTimes: number[] = [];
  for (const id of picks) {
    answerTimes.push(
      await timed(() => expectStatus(apiCall(context, 'POST', `/api/cases/${id}/council`, { outcome: 'recommend', date: '2026-11-10' }, randomUUID()), 200, 'recommend')),
    );
  }
  return {
    target,
    opened: ids.length,
    startsPerSecond: ids.length / secondsToOpen,
    secondsToOpen,
    workerRssBeforeMiB,
    workerRssPeakMiB,
    workerRssAfterMiB,
    temporalRssAfterMiB: context.stack.temporalPid ? residentMiB(context.stack.temporalPid) : Number.NaN,
    cacheSize: `${CASE_WORKFLOW_CACHE_SIZE} workflows (maxCachedWorkflows) over ${CASE_WORKFLOW_THREADS} workflow threads`,
    answerOne: summarize(answerTimes),
  };
}
