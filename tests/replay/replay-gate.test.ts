import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CONSULTATION, NETWORK_DECISION, REGIONAL_AGREEMENT, REGIONAL_AGREEMENT_V1, REGIONAL_AGREEMENT_V3, REGIONAL_AGREEMENT_V4, addDays, timerDay, type Actor, type Financing, type ProcessDefinition, type ValidityTerms } from '../../libs/domain';
import { caseWorkflow } from '../../workflows/case.workflow';
import {
  awaitProjection,
  caseStateQuery,
  caseWorkflowId,
  moveDeadline,
  recordAppeal,
  recordRuling,
  recordJudgement,
  recordCouncilOutcome,
  recordDecision,
  recordFollowUp,
  recordNetworkOutcome,
  recordPosting,
  recordTermination,
  remindParties,
  reviseCase,
  addAttachment,
} from '../../libs/workflow-contract/case.messages';
import { connectDataSource, connectTemporalClient, createTestWorker, quietRuntime, uniqueTaskQueue } from '../support/test-stack';
import { testServers } from '../support/test-servers';
import { resolveTemporalCli } from '../../libs/embedded/temporal-cli';

/**
 * The replay gate: histories of real cases, recorded once and kept here, are replayed
 * against the workflow code on every run, so a change that would break running cases
 * fails the tests. `OVERENS_RECORD_HISTORIES=1` records them anew (only on purpose:
 * for a new path, never to make a failing replay pass).
 */
const HISTORIES = join(__dirname, 'histories');
const actor: Actor = 'coordinator';

type Step = (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<unknown>;
const council = (outcome: 'recommend' | 'refer-back' | 'reject' | 'table', extra = {}): Step => (handle) =>
  handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome, date: '2024-06-13', actor, ...extra }] });
const network = (outcome: 'forward' | 'table' | 'withdraw' | 'reject' | 'adopt' | 'recall' | 'reopen', extra = {}): Step => (handle) =>
  handle.executeUpdate(recordNetworkOutcome, { args: [{ outcome, date: '2024-09-19', actor, ...extra }] });
type Outcome = 'scheduled' | 'adopted' | 'rejected' | 'opted-out' | 'answered' | 'declined';
const decide = (party: string, outcome: Outcome, extra = {}): Step => (handle) =>
  handle.executeUpdate(recordDecision, { args: [{ party, outcome, date: '2024-10-10', actor, ...extra }] });
const remind = (party?: string): Step => (handle) => handle.executeUpdate(remindParties, { args: [{ actor, ...(party ? { party } : {}) }] });
const move = (date: string, party?: string): Step => (handle) =>
  handle.executeUpdate(moveDeadline, { args: [{ date, actor, ...(party ? { party } : {}) }] });
const post = (party: string): Step => (handle) => handle.executeUpdate(recordPosting, { args: [{ party, date: '2024-10-20', actor }] });
const appeal = (party: string): Step => (handle) => handle.executeUpdate(recordAppeal, { args: [{ party, date: '2024-11-01', actor }] });
const rule = (party: string, outcome: 'annulled' | 'dismissed'): Step => (handle) =>
  handle.executeUpdate(recordRuling, { args: [{ party, outcome, date: '2025-03-01', actor }] });
const terminate = (party: string): Step => (handle) => handle.executeUpdate(recordTermination, { args: [{ party, date: '2025-01-15', actor }] });
const followUp = (outcome: 'done' | 'reassign', extra = {}): Step => (handle) =>
  handle.executeUpdate(recordFollowUp, { args: [{ outcome, date: '2025-02-01', actor, ...extra }] });
const decideWithChanges = (party: string): Step => (handle) =>
  handle.executeUpdate(recordDecision, { args: [{ party, outcome: 'adopted-with-changes', date: '2024-10-10', note: 'Med reservation.', actor }] });
const judge = (party: string, outcome: 'identical' | 'rejection'): Step => (handle) =>
  handle.executeUpdate(recordJudgement, { args: [{ party, outcome, date: '2024-10-24', actor }] });
const FILE = (n: number) => ({ id: `00000000-0000-4000-8000-00000000020${n}`, sha256: String(n).repeat(64) });
const attach = (n: number, extra = {}): Step => (handle) =>
  handle.executeUpdate(addAttachment, { args: [{ title: `Bilaga ${n}`, file: FILE(n), date: '2024-06-10', actor, ...extra }] });
const TODAY = timerDay(new Date().toISOString());
/** Waits until the case's own timers have done something (the history holds an entry of `type`). */
const untilHistory = (type: string): Step => async (handle) => {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await handle.query(caseStateQuery)).history.some((entry) => entry.type === type)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the case never recorded ${type}`);
};
/** Steps sent at once: the server may hand several to one workflow task. */
const together = (...steps: Step[]): Step => (handle) => Promise.all(steps.map((step) => step(handle)));
const revise = (reopen: string[]): Step => (handle) =>
  handle.executeUpdate(reviseCase, { args: [{ date: '2024-11-14', note: 'Ny kostnadsfördelning', reopen, actor }] });

interface CasePath {
  readonly parties: string[];
  readonly steps: Step[];
  /** Version 1 of the regional agreement when left out: the histories recorded before timers. */
  readonly definition?: ProcessDefinition;
  readonly deadline?: string;
  readonly validity?: ValidityTerms;
  /** The names a case keeps from the register (cases opened before the register carry none). */
  readonly partyNames?: Record<string, string>;
  readonly financing?: Financing;
  /** Started the way the API started a case with update-with-start: the start and the first wait in one call. */
  readonly startedWithUpdate?: boolean;
  /** Started as the API starts a case now: a plain start carrying the instant the API wrote the opening into the read model. */
  readonly openedAt?: string;
}

/** Falun, Mora and Orsa answer, Mora opting out, and the follow-up is done. */
const ANSWERED_WITH_AN_OPT_OUT: Step[] = [council('recommend'), decide('falun', 'adopted'), decide('mora', 'opted-out'), decide('orsa', 'adopted'), followUp('done')];

/** Every path a case can take; each becomes one recorded history, kept once recorded. */
const PATHS: Record<string, CasePath> = {
  'straight-to-force': { parties: ['falun', 'mora'], steps: [council('recommend'), decide('falun', 'scheduled'), decide('falun', 'adopted'), decide('mora', 'adopted')] },
  'sent-back-and-tabled': {
    parties: ['falun'],
    steps: [council('refer-back', { note: 'Mer dialog', untilMeeting: '2024-09-19' }), network('table', { untilMeeting: '2024-10-17' }), network('forward'), council('recommend'), decide('falun', 'adopted')],
  },
  'opt-out-and-revision': {
    parties: ['falun', 'borlange', 'smedjebacken', 'mora'],
    steps: [council('recommend'), decide('mora', 'adopted'), decide('falun', 'adopted'), decide('smedjebacken', 'opted-out'), revise(['falun', 'borlange']), decide('falun', 'adopted'), decide('borlange', 'adopted')],
  },
  'rejected-by-party-then-closed': { parties: ['falun', 'mora'], steps: [council('recommend'), decide('mora', 'rejected'), network('reject')] },
  'withdrawn': { parties: ['falun'], steps: [network('withdraw')] },
  // With timers (regional agreement version 2 and the other kinds of rounds).
  'timers-reminders-deadline-appeal-follow-up': {
    definition: REGIONAL_AGREEMENT,
    parties: ['falun', 'mora'],
    steps: [
      council('recommend'),
      remind(),
      move('2099-03-31', 'mora'),
      remind('mora'),
      decide('falun', 'adopted', { postedOn: '2024-10-12' }),
      decide('mora', 'adopted'),
      post('mora'),
      appeal('mora'),
      decide('mora', 'adopted'),
      followUp('reassign', { owner: 'Arbetsgruppen', due: '2099-06-30' }),
      followUp('done'),
    ],
  },
  'timers-validity-termination': {
    definition: REGIONAL_AGREEMENT,
    parties: ['falun', 'mora'],
    validity: { from: '2025-07-01', to: '2099-06-30', renewal: { months: 12, noticeMonths: 6 }, warnDays: 90 },
    steps: [council('recommend'), decide('falun', 'adopted'), decide('mora', 'adopted'), terminate('mora')],
  },
  'timers-consultation-closed-at-once': { definition: CONSULTATION, parties: ['falun', 'mora'], deadline: '2024-12-31', steps: [] },
  'timers-consultation-answered': {
    definition: CONSULTATION,
    parties: ['falun', 'mora'],
    deadline: '2099-12-31',
    steps: [decide('falun', 'answered'), decide('mora', 'declined')],
  },
  // Regional agreement version 3: an appeal leaves the decision in force until the court rules.
  'court-appeals-dismissed-and-annulled': {
    definition: REGIONAL_AGREEMENT_V3,
    parties: ['falun', 'mora'],
    steps: [
      council('recommend'),
      decide('falun', 'adopted', { postedOn: '2024-10-12' }),
      decide('mora', 'adopted'),
      post('mora'),
      appeal('falun'),
      rule('falun', 'dismissed'),
      appeal('mora'),
      rule('mora', 'annulled'),
      decide('mora', 'adopted'),
      followUp('done'),
    ],
  },
  'timers-network-decision': { definition: NETWORK_DECISION, parties: ['falun'], steps: [network('table', { untilMeeting: '2024-10-17' }), network('adopt')] },
  // A case started from the register: its parties in the register's order, with the names it keeps.
  'register-parties-with-names': {
    definition: REGIONAL_AGREEMENT_V3,
    parties: ['hamnstad', 'norrbyn', 'aby', 'region-nord'],
    partyNames: { hamnstad: 'Hamnstad', norrbyn: 'Norrbyn', aby: 'Åby', 'region-nord': 'Region Nord' },
    steps: [council('recommend'), decide('aby', 'opted-out'), decide('hamnstad', 'adopted'), revise(['hamnstad']), decide('hamnstad', 'adopted'), decide('norrbyn', 'adopted'), decide('region-nord', 'adopted'), followUp('done')],
  },
  // A case that carries its financing: the shares are worked out from its state, the workflow only keeps it.
  'financed-by-population': {
    definition: REGIONAL_AGREEMENT_V3,
    parties: ['falun', 'smedjebacken', 'mora'],
    partyNames: { falun: 'Falun', smedjebacken: 'Smedjebacken', mora: 'Mora' },
    financing: { amount: 2_400_000, period: 'year', key: 'population' },
    steps: [council('recommend'), decide('smedjebacken', 'opted-out'), decide('falun', 'adopted'), decide('mora', 'adopted'), followUp('done')],
  },
  // Projected as a local activity inside the workflow task that made each change, the case started with update-with-start.
  'projected-locally-straight-to-force': {
    startedWithUpdate: true,
    parties: ['falun', 'mora'],
    steps: [council('recommend'), decide('falun', 'scheduled'), decide('falun', 'adopted'), decide('mora', 'adopted')],
  },
  'projected-locally-reminders-appeal-follow-up': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V3,
    parties: ['falun', 'mora'],
    partyNames: { falun: 'Falun', mora: 'Mora' },
    steps: [
      council('recommend'),
      remind(),
      move('2099-03-31', 'mora'),
      decide('falun', 'adopted', { postedOn: '2024-10-12' }),
      decide('mora', 'adopted'),
      post('mora'),
      appeal('mora'),
      rule('mora', 'dismissed'),
      followUp('done'),
    ],
  },
  // Steps that leave the search attributes as they were (a meeting planned, minutes posted) write no upsert.
  'unchanged-search-attributes-kept': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V3,
    parties: ['falun', 'mora'],
    partyNames: { falun: 'Falun', mora: 'Mora' },
    steps: [
      council('recommend'),
      decide('falun', 'scheduled'),
      decide('mora', 'scheduled'),
      decide('falun', 'adopted', { postedOn: '2024-10-12' }),
      decide('mora', 'adopted'),
      post('mora'),
      followUp('done'),
    ],
  },
  // The recommendation and a revision sent by e-mail to the parties then to decide.
  'recommendation-sent': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V3,
    parties: ['falun', 'mora'],
    partyNames: { falun: 'Falun', mora: 'Mora' },
    steps: [council('recommend'), decide('falun', 'adopted'), revise(['falun']), decide('falun', 'adopted'), decide('mora', 'adopted'), followUp('done')],
  },
  // Receipts for each answer (an opt-out among them) and the notice that the agreement is in force.
  'receipts-and-in-force-notice': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V3,
    parties: ['falun', 'mora', 'orsa'],
    partyNames: { falun: 'Falun', mora: 'Mora', orsa: 'Orsa' },
    steps: ANSWERED_WITH_AN_OPT_OUT,
  },
  // The same receipts and in-force notice, queued in the outbox with their step's projection instead of sent by activities.
  'receipts-through-outbox': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V4,
    parties: ['falun', 'mora', 'orsa'],
    partyNames: { falun: 'Falun', mora: 'Mora', orsa: 'Orsa' },
    steps: ANSWERED_WITH_AN_OPT_OUT,
  },
  // Answers given by the projection, the loop woken by the steps themselves: answers at once, a reminder, a moved deadline.
  'answers-and-loop-woken-directly': {
    openedAt: '2024-05-16T09:30:00.000Z',
    definition: REGIONAL_AGREEMENT_V4,
    parties: ['falun', 'mora', 'orsa', 'leksand'],
    partyNames: { falun: 'Falun', mora: 'Mora', orsa: 'Orsa', leksand: 'Leksand' },
    deadline: '2099-12-31',
    steps: [
      council('recommend'),
      together(decide('falun', 'scheduled'), decide('mora', 'adopted'), decide('orsa', 'opted-out')),
      remind(),
      move('2099-06-30', 'leksand'),
      together(decide('falun', 'adopted'), decide('leksand', 'adopted')),
      followUp('done'),
    ],
  },
  // Opened at the API's instant (the API writes the opening, the workflow holds the same), then answered to its end.
  'opened-at-the-api-instant': {
    openedAt: '2024-05-16T09:30:00.000Z',
    definition: REGIONAL_AGREEMENT_V4,
    parties: ['falun', 'mora'],
    partyNames: { falun: 'Falun', mora: 'Mora' },
    steps: [council('recommend'), decide('falun', 'adopted'), decide('mora', 'adopted'), followUp('done')],
  },
  // Version 4: a decision adopted with changes, judged identical by the coordinator.
  'adopted-with-changes-judged': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V4,
    parties: ['falun', 'mora'],
    partyNames: { falun: 'Falun', mora: 'Mora' },
    steps: [council('recommend'), decide('falun', 'adopted'), decideWithChanges('mora'), judge('mora', 'identical'), followUp('done')],
  },
  // Uploaded files: attachments added and replaced (sent with the recommendation), an excerpt as a file with an answer.
  'attachments-and-minutes-files': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V4,
    parties: ['falun', 'mora'],
    partyNames: { falun: 'Falun', mora: 'Mora' },
    deadline: '2099-12-31',
    steps: [
      attach(1),
      attach(2, { replaces: 1, note: 'nytt underlag' }),
      council('recommend'),
      decide('falun', 'adopted', { minutesFile: FILE(3) }),
      attach(4, { note: 'ny bilaga' }),
      decide('mora', 'adopted'),
      attach(5, { replaces: 2 }),
    ],
  },
  // Version 4: a deadline long past when the council recommends: reminders, then the escalation.
  'escalated-long-overdue': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V4,
    parties: ['falun', 'mora'],
    partyNames: { falun: 'Falun', mora: 'Mora' },
    // Its deadline 14 days before the day it is recorded: escalated at once, as the rule is for cases entered on time.
    deadline: addDays(timerDay(new Date().toISOString()), -14),
    steps: [council('recommend'), untilHistory('escalation.sent'), decide('falun', 'adopted'), decide('mora', 'adopted')],
  },
  // Version 4: the council tables the item, the network takes it back and sends it on again.
  'council-tabled-network-recalled': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V4,
    parties: ['falun'],
    partyNames: { falun: 'Falun' },
    deadline: '2099-12-31',
    steps: [council('table', { untilMeeting: '2024-09-12' }), network('recall'), network('forward'), council('recommend'), decide('falun', 'adopted')],
  },
  // Version 4: a withdrawn case taken up again by the network, and on to the council.
  'withdrawn-and-reopened': {
    startedWithUpdate: true,
    definition: REGIONAL_AGREEMENT_V4,
    parties: ['falun'],
    partyNames: { falun: 'Falun' },
    deadline: '2099-12-31',
    // Withdrawn and reopened on the day it is recorded: within the six months, as a real case would be.
    steps: [network('withdraw', { date: TODAY }), network('reopen', { date: TODAY }), network('forward', { date: TODAY }), council('recommend', { date: TODAY })],
  },
  'projected-locally-consultation-answered': {
    startedWithUpdate: true,
    definition: CONSULTATION,
    parties: ['falun', 'mora'],
    deadline: '2099-12-31',
    steps: [decide('falun', 'answered'), decide('mora', 'declined')],
  },
};

let client: Client;
let dataSource: DataSource;

beforeAll(async () => {
  quietRuntime();
  client = await connectTemporalClient();
  dataSource = await connectDataSource();
});

afterAll(async () => {
  await client.connection.close();
  await dataSource.destroy();
});

const recording = process.env.OVERENS_RECORD_HISTORIES === '1';

(recording ? it : it.skip)('records the histories of the paths not yet recorded', async () => {
  const taskQueue = uniqueTaskQueue('record');
  const { worker, close } = await createTestWorker(taskQueue, dataSource);
  await worker.runUntil(async () => {
    for (const [name, path] of Object.entries(PATHS)) {
      // A recorded history is what running cases really did: never recorded again.
      if (existsSync(join(HISTORIES, `${name}.json`))) continue;
      const definition = path.definition ?? REGIONAL_AGREEMENT_V1;
      const id = randomUUID();
      const options = {
          workflowId: caseWorkflowId(id),
          taskQueue,
          args: [{
            opening: {
              id,
              title: name,
              reference: null,
              parties: path.parties,
              ...(path.partyNames ? { partyNames: path.partyNames } : {}),
              ...(path.financing ? { financing: path.financing } : {}),
              deadline: path.deadline ?? '2024-12-31',
              attachments: [],
              networkDecision: { date: '2024-05-16' },
              actor,
              requestId: null,
              ...(path.validity ? { validity: path.validity } : {}),
            },
            process: { id: definition.id, version: definition.version },
            ...(path.openedAt ? { openedAt: path.openedAt } : {}),
          }] as Parameters<typeof caseWorkflow>,
        };
      const handle = path.startedWithUpdate
        ? await startedWithUpdate(options)
        : await client.workflow.start(caseWorkflow, options).catch((error: unknown) => {
            throw error instanceof WorkflowExecutionAlreadyStartedError ? new Error('duplicate id') : error;
          });
      for (const step of path.steps) await step(handle);
      // Agreements with timers live on in force; the others end with their last step.
      if (!definition.timers || definition.completion === 'closing-date') await handle.result();
      // Exported the way Temporal's own tools do, in the JSON that historyFromJSON reads.
      const json = execFileSync(resolveTemporalCli(), ['workflow', 'show', '--workflow-id', handle.workflowId, '--address', testServers().temporalAddress, '--output', 'json']);
      writeFileSync(join(HISTORIES, `${name}.json`), json);
    }
  });
  await close();
});

/** Starts a case as the API does: the start and the wait for its first projection in one call. */
async function startedWithUpdate(options: { workflowId: string; taskQueue: string; args: Parameters<typeof caseWorkflow> }) {
  const startWorkflowOperation = new WithStartWorkflowOperation(caseWorkflow, { ...options, workflowIdConflictPolicy: 'FAIL' });
  await client.workflow.executeUpdateWithStart(awaitProjection, { startWorkflowOperation });
  return startWorkflowOperation.workflowHandle();
}

function recordedHistories(): { name: string; history: ReturnType<typeof historyFromJSON> }[] {
  return readdirSync(HISTORIES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ name: file, history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'))) }));
}

it('replays every recorded history against the workflow code', async () => {
  const histories = recordedHistories();
  expect(histories.map(({ name }) => name).sort()).toEqual(Object.keys(PATHS).map((name) => `${name}.json`).sort());
  for (const { name, history } of histories) {
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: testServers().workflowBundlePath } }, history, name),
    ).resolves.toBeUndefined();
  }
});

it('fails the replay of a change made without patched()', async () => {
  const changed = await bundleWorkflowCode({ workflowsPath: require.resolve('./changed-workflows'), logger: silent });
  const [{ name, history }] = recordedHistories();
  await expect(Worker.runReplayHistory({ workflowBundle: changed }, history, name)).rejects.toMatchObject({
    name: 'DeterminismViolationError',
    message: expect.stringContaining('Nondeterminism'),
  });
});

const silent = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
