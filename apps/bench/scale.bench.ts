import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PARTY_IDS, REGIONAL_AGREEMENT, type CaseOpening } from '../../libs/domain';
import { caseWorkflow } from '../../workflows/case.workflow';
import { caseWorkflowId } from '../../libs/workflow-contract/case.messages';
import { CASE_WORKFLOW_CACHE_SIZE } from '../worker/case-worker';
import { apiCall, expectStatus, sendDecision, type BenchContext } from './bench-context';
import { answerAsParty, manyPartiesWorkflow } from './bench.workflows';
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

/** A real case of the 16 parties, through the API, waiting on their decisions. */
async function recommendedCase(context: BenchContext, title: string): Promise<string> {
  const created = await expectStatus(
    apiCall(context, 'POST', '/api/cases', { title, deadline: '2027-06-30', networkDecision: { date: '2026-11-02' } }, randomUUID()),
    201,
    'create a case',
  );
  const caseId = created.id as string;
  await expectStatus(apiCall(context, 'POST', `/api/cases/${caseId}/council`, { outcome: 'recommend', date: '2026-11-10' }, randomUUID()), 200, 'recommend');
  return caseId;
}

async function historyEvents(context: BenchContext, workflowId: string): Promise<number> {
  const history = await context.temporal.workflow.getHandle(workflowId).fetchHistory();
  return history.events?.length ?? 0;
}

/** All 16 parties of a real case adopt at the same moment, through the API. */
export async function sixteenAtOnce(context: BenchContext): Promise<SimultaneousAnswers> {
  const caseId = await recommendedCase(context, 'Bänk: sexton på en gång');
  const started = performance.now();
  let lastReplyMs = 0;
  const sent = await Promise.all(
    PARTY_IDS.map(async (party) => {
      const answer = await sendDecision(context, caseId, { party, outcome: 'adopted', date: '2026-11-20', body: 'Kommunfullmäktige' }, randomUUID());
      lastReplyMs = Math.max(lastReplyMs, performance.now() - started);
      return answer;
    }),
  );
  await waitUntil('16 adopted answers', async () => (await adoptedCount(context, caseId)) === PARTY_IDS.length, 120_000);
  const lastVisibleMs = performance.now() - started;
  return {
    parties: PARTY_IDS.length,
    through: 'the API, a real case (Dalarna: 15 municipalities + the region)',
    refusedForLoad: sent.reduce((sum, answer) => sum + answer.refused, 0),
    notTaken: 0,
    lost: PARTY_IDS.length - (await adoptedCount(context, caseId)),
    lastReplyMs,
    lastVisibleMs,
    slowestAnswer: summarize(sent.map((answer) => answer.ms)),
    historyEvents: await historyEvents(context, caseWorkflowId(caseId)),
  };
}

/** Sweden's 290 municipalities and 21 regions, as synthetic party ids. */
export function nationalParties(): string[] {
  return [
    ...Array.from({ length: 290 }, (_, index) => `kommun-${String(index + 1).padStart(3, '0')}`),
    ...Array.from({ length: 21 }, (_, index) => `region-${String(index + 1).padStart(2, '0')}`),
  ];
}

/**
 * 311 parties answering at once. The domain knows only Dalarna's 16 parties, so this runs
 * the case workflow's analogue (`manyPartiesWorkflow`: same update → projection → reply,
 * the real projection activity, the real read model) from a Temporal client set up as
 * the API's: the same default retries and the same 30-second deadline per attempt,
 * after which the API would answer 503 and the client retries with the same key.
 */
export async function nationalCase(context: BenchContext): Promise<SimultaneousAnswers> {
  const parties = nationalParties();
  const caseId = randomUUID();
  const workflowId = `bench-national-${caseId}`;
  const handle = await context.temporal.workflow.start(manyPartiesWorkflow, {
    taskQueue: context.stack.floorTaskQueue,
    workflowId,
    args: [{ caseId, title: 'Bänk: nationell överenskommelse, 311 parter', reference: 'BÄNK 311', parties }],
  });
  await waitUntil('the national case in the read model', async () => (await context.pool.query('SELECT 1 FROM cases WHERE id = $1', [caseId])).rowCount === 1, 60_000);
  const started = performance.now();
  // Past this an answer counts as not taken; every client stops, so nothing is left running.
  const giveUpAt = Date.now() + NATIONAL_DEADLINE_MS;
  let lastReplyMs = 0;
  let refusedForLoad = 0;
  const times = await Promise.all(
    parties.map(async (party) => {
      const updateId = randomUUID();
      while (Date.now() < giveUpAt) {
        try {
          await context.temporal.connection.withDeadline(Math.min(giveUpAt, Date.now() + 30_000), () =>
            handle.executeUpdate(answerAsParty, { args: [{ party, date: '2026-11-20' }], updateId }),
          );
          const ms = performance.now() - started;
          lastReplyMs = Math.max(lastReplyMs, ms);
          return ms;
        } catch {
          refusedForLoad += 1;
          await sleep(250);
        }
      }
      return undefined;
    }),
  );
  const taken = times.filter((ms): ms is number => ms !== undefined);
  await waitUntil('the accepted answers in the read model', async () => (await adoptedCount(context, caseId)) >= taken.length, 60_000).catch(() => undefined);
  const lastVisibleMs = performance.now() - started;
  if (taken.length === parties.length) await handle.result();
  else await handle.terminate('bench: not every answer was taken in time');
  return {
    parties: parties.length,
    through: 'the case workflow’s analogue with 311 synthetic parties, client as the API’s',
    refusedForLoad,
    notTaken: parties.length - taken.length,
    lost: taken.length - (await adoptedCount(context, caseId)),
    lastReplyMs,
    lastVisibleMs,
    slowestAnswer: summarize(taken),
    historyEvents: await historyEvents(context, workflowId),
  };
}

export interface FinishedCaseEvents {
  readonly eventsAfterRecommendation: number;
  readonly eventsFinished: number;
  readonly eventsPerAnswer: number;
  readonly answersUntilWarning: number;
}

/** Row 6: a real case from start to its end: 16 answers one after another, final, the follow-up done. */
export async function eventsPerFinishedCase(context: BenchContext): Promise<FinishedCaseEvents> {
  const caseId = await recommendedCase(context, 'Bänk: ett helt ärende');
  const eventsAfterRecommendation = await historyEvents(context, caseWorkflowId(caseId));
  // Minutes posted long ago: every decision is final at once, so the case settles when
  // its follow-up is done (a case in force otherwise lives on for appeals and follow-up).
  for (const party of PARTY_IDS) {
    await sendDecision(context, caseId, { party, outcome: 'adopted', date: '2026-09-20', body: 'Kommunfullmäktige', postedOn: '2026-09-21' }, randomUUID());
  }
  await expectStatus(apiCall(context, 'POST', `/api/cases/${caseId}/follow-up`, { outcome: 'done', date: '2026-11-20' }, randomUUID()), 200, 'follow-up done');
  await context.temporal.workflow.getHandle(caseWorkflowId(caseId)).result();
  const eventsFinished = await historyEvents(context, caseWorkflowId(caseId));
  const eventsPerAnswer = (eventsFinished - eventsAfterRecommendation) / PARTY_IDS.length;
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
      parties: PARTY_IDS,
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
    cacheSize: `${CASE_WORKFLOW_CACHE_SIZE} workflows (maxCachedWorkflows)`,
    answerOne: summarize(answerTimes),
  };
}
