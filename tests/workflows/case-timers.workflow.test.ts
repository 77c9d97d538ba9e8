import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createCaseActivities } from '../../apps/worker/case.activities';
import {
  CONSULTATION,
  REGIONAL_AGREEMENT,
  REGIONAL_AGREEMENT_V3,
  addDays,
  addMonths,
  type CaseOpening,
  type CaseState,
  type ProcessDefinition,
} from '../../libs/domain';
import { CaseRepository, CoordinatorRepository, PartyContactRepository } from '../../libs/persistence';
import { caseWorkflow } from '../../workflows/case.workflow';
import { caseStateQuery, caseWorkflowId, moveDeadline, recordCouncilOutcome, recordDecision, type DecisionInput } from '../../libs/workflow-contract/case.messages';
import { messagesTo, remindersTo } from '../support/outbox';
import { connectFreshDatabase } from '../support/fresh-database';
import { quietRuntime, testMailSettings, uniqueTaskQueue } from '../support/test-stack';
import { testServers } from '../support/test-servers';
import { startTimeSkipping } from '../support/time-skipping';

/**
 * The months-long timers on Temporal's time-skipping test server: reminders on the
 * right days and each once, a renewal a year on, a consultation closing on its date.
 * The activities are the real ones: the read model in PostgreSQL, e-mail to the run's
 * SMTP outbox.
 */
let env: TestWorkflowEnvironment;
let dataSource: DataSource;
let contacts: PartyContactRepository;

beforeAll(async () => {
  quietRuntime();
  env = await startTimeSkipping();
  // A database of its own: the parties' contacts are global, and other files set them too.
  dataSource = await connectFreshDatabase('timers');
  contacts = new PartyContactRepository(dataSource);
});

afterAll(async () => {
  await env?.teardown();
  await dataSource?.destroy();
});

/** Cases started by the current test: ended after it, since the test server does not skip time past a timer nobody polls for. */
let started: { terminate(reason?: string): Promise<unknown>; describe(): Promise<{ status: { name: string } }> }[] = [];

/** A worker on the test server with the real activities; its mailer is the caller's to close. */
async function timeSkippingWorker(taskQueue: string, options: { maxCachedWorkflows?: number } = {}) {
  const settings = testMailSettings();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...options,
    workflowBundle: { codePath: testServers().workflowBundlePath },
    activities: createCaseActivities(dataSource, settings),
  });
  return { worker, settings };
}

async function withWorker(test: (taskQueue: string) => Promise<void>): Promise<void> {
  const taskQueue = uniqueTaskQueue('timers');
  started = [];
  const { worker, settings } = await timeSkippingWorker(taskQueue);
  try {
    await worker.runUntil(async () => {
      try {
        await test(taskQueue);
      } finally {
        for (const handle of started) {
          if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test over');
        }
      }
    });
  } finally {
    settings.close();
  }
}

/** The test server's today; refreshed at the start of each test. */
let day = '';
beforeEach(async () => {
  day = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
});

function today(): string {
  return day;
}

function opening(overrides: Partial<CaseOpening>): CaseOpening {
  return {
    id: randomUUID(),
    title: 'Regional överenskommelse om samverkan för Kvinnofrid',
    reference: 'HSN 2024/1905',
    parties: ['falun', 'hedemora', 'sater', 'vansbro'],
    deadline: null,
    attachments: [],
    networkDecision: { date: today() },
    actor: 'coordinator',
    requestId: null,
    ...overrides,
  };
}

async function start(taskQueue: string, caseOpening: CaseOpening, definition: ProcessDefinition = REGIONAL_AGREEMENT) {
  const handle = await env.client.workflow.start(caseWorkflow, {
    workflowId: caseWorkflowId(caseOpening.id),
    taskQueue,
    args: [{ opening: caseOpening, process: { id: definition.id, version: definition.version } }],
  });
  started.push(handle);
  return handle;
}

const decide = (party: string, outcome: 'adopted' | 'answered' | 'declined'): { args: [DecisionInput] } => ({
  args: [{ party, outcome, date: today(), actor: 'coordinator' }],
});

function entries(state: CaseState, type: string) {
  return state.history.filter((entry) => entry.type === type);
}

it('reminds the parties that have not answered 14 days before, on the deadline and weekly after: each once, on its day', () =>
  withWorker(async (taskQueue) => {
    const run = randomUUID().slice(0, 8);
    const hedemora = `registrator-hedemora-${run}@example.se`;
    const sater = [`kansli-sater-${run}@example.se`, `socialchef-sater-${run}@example.se`];
    await contacts.replaceFor('hedemora', [hedemora]);
    await contacts.replaceFor('sater', sater);
    await contacts.replaceFor('vansbro', []);

    const deadline = addDays(today(), 30);
    const handle = await start(taskQueue, opening({ deadline }));
    await handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome: 'recommend', date: today(), actor: 'coordinator' }] });
    await handle.executeUpdate(recordDecision, decide('falun', 'adopted'));

    await env.sleep('50 days');
    const state = await handle.query(caseStateQuery);
    const reminders = entries(state, 'reminder.sent');
    expect(reminders.map((entry) => [entry.date, entry.outcome])).toEqual([
      [addDays(deadline, -14), 'before'],
      [deadline, 'on'],
      [addDays(deadline, 7), 'after'],
      [addDays(deadline, 14), 'after'],
    ]);
    for (const entry of reminders) {
      expect(entry.at.slice(0, 16)).toBe(`${entry.date}T06:00`);
      expect(entry.reopened).toEqual(['hedemora', 'sater', 'vansbro']);
      expect(entry.unreachable).toEqual(['vansbro']);
      expect(entry.actor).toBe('system');
    }
    // One e-mail per reminder and address: none lost, none twice.
    expect(await remindersTo([hedemora])).toHaveLength(4);
    expect(await remindersTo([sater[0]])).toHaveLength(4);
    expect(await remindersTo([sater[1]])).toHaveLength(4);
    const [newest] = await remindersTo([hedemora]);
    expect(newest.subject).toBe('Sista svarsdagen har passerat – Regional överenskommelse om samverkan för Kvinnofrid');
    expect(newest.text).toContain(`/svar/${state.id}/hedemora/`);

    // The read model holds the same history.
    const stored = await new CaseRepository(dataSource).findById(state.id);
    expect(entries(stored as CaseState, 'reminder.sent')).toEqual(reminders);
  }));

it("reminds a party that reported its meeting a week before that meeting, not by the deadline, and by the deadline again once it has passed", () =>
  withWorker(async (taskQueue) => {
    const run = randomUUID().slice(0, 8);
    const sater = `kansli-sater-${run}@example.se`;
    await contacts.replaceFor('sater', [sater]);
    const deadline = addDays(today(), 30);
    const meeting = addDays(today(), 60);
    const handle = await start(taskQueue, opening({ deadline, parties: ['falun', 'sater'] }), REGIONAL_AGREEMENT_V3);
    await handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome: 'recommend', date: today(), actor: 'coordinator' }] });
    await handle.executeUpdate(recordDecision, { args: [{ party: 'sater', outcome: 'scheduled', date: meeting, body: 'Kommunfullmäktige', actor: 'coordinator' }] });

    await env.sleep('70 days');
    const state = await handle.query(caseStateQuery);
    const toSater = entries(state, 'reminder.sent').filter((entry) => entry.reopened?.includes('sater')).map((entry) => entry.date);
    // None by the deadline while the meeting is ahead; one a week before it; weekly by the deadline once it has passed.
    expect(toSater).toEqual([addDays(meeting, -7), addDays(deadline, 35)]);
    const [afterMeeting, beforeMeeting] = await remindersTo([sater]);
    expect(beforeMeeting.subject).toMatch(/^Påminnelse inför ert sammanträde/);
    expect(beforeMeeting.text).toContain('Fram till dess får ni inga påminnelser om sista svarsdagen.');
    expect(afterMeeting.subject).toBe('Sista svarsdagen har passerat – Regional överenskommelse om samverkan för Kvinnofrid');
  }));

it('renews an agreement by a year when nobody terminated, warning the coordinators first (the SUS agreement)', () =>
  withWorker(async (taskQueue) => {
    const run = randomUUID().slice(0, 8);
    const coordinator = `samordnare-${run}@example.se`;
    await new CoordinatorRepository(dataSource).upsert(coordinator, 'Samordnare', 'not-a-real-hash');
    const to = addDays(today(), 100);
    const handle = await start(
      taskQueue,
      opening({
        title: 'Samverkan kring SUS-verksamheten',
        parties: ['falun', 'mora'],
        validity: { from: addMonths(to, -24), to, renewal: { months: 12, noticeMonths: 6 }, warnDays: 90 },
        followUp: { owner: 'Arbetsgruppen', months: 60 },
      }),
    );
    await handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome: 'recommend', date: today(), actor: 'coordinator' }] });
    await handle.executeUpdate(recordDecision, decide('falun', 'adopted'));
    await handle.executeUpdate(recordDecision, decide('mora', 'adopted'));
    expect((await handle.query(caseStateQuery)).stage).toBe('in-force');

    await env.sleep('105 days');
    const state = await handle.query(caseStateQuery);
    expect(state.stage).toBe('in-force');
    expect(state.validity?.to).toBe(addMonths(to, 12));
    expect(entries(state, 'validity.expiring').map((entry) => entry.at.slice(0, 16))).toEqual([`${addDays(to, -90)}T06:00`]);
    expect(entries(state, 'validity.renewed').map((entry) => [entry.at.slice(0, 10), entry.date])).toEqual([[addDays(to, 1), addMonths(to, 12)]]);
    const notices = await messagesTo([coordinator]);
    expect(notices.map((message) => message.subject)).toEqual([expect.stringMatching(/förläng/i), expect.stringMatching(/går snart ut/)]);
  }));

it('closes a consultation the day after its closing date, naming those who never answered', () =>
  withWorker(async (taskQueue) => {
    const closing = addDays(today(), 20);
    const caseOpening = opening({ title: 'Remiss: regional handlingsplan för suicidprevention', parties: ['falun', 'mora', 'orsa'], deadline: closing });
    const handle = await start(taskQueue, caseOpening, CONSULTATION);
    await handle.executeUpdate(recordDecision, decide('falun', 'answered'));
    await handle.executeUpdate(recordDecision, decide('mora', 'declined'));

    const result = await handle.result();
    expect(result.stage).toBe('closed');
    expect(result.parties.map((answer) => [answer.party, answer.status])).toEqual([
      ['falun', 'answered'],
      ['mora', 'declined'],
      ['orsa', 'unanswered'],
    ]);
    expect(entries(result, 'round.closed').map((entry) => [entry.at.slice(0, 16), entry.reopened])).toEqual([[`${addDays(closing, 1)}T06:00`, ['orsa']]]);
    expect(await new CaseRepository(dataSource).findById(caseOpening.id)).toEqual(result);
  }));

it('follows a deadline moved mid-case for one party, and sends nothing twice across a worker restart', async () => {
  const run = randomUUID().slice(0, 8);
  const [falun, mora] = [`falun-${run}@example.se`, `mora-${run}@example.se`];
  await contacts.replaceFor('falun', [falun]);
  await contacts.replaceFor('mora', [mora]);
  const deadline = addDays(today(), 20);
  const moved = addDays(today(), 40);
  const taskQueue = uniqueTaskQueue('timers');
  let handle: Awaited<ReturnType<typeof start>> | undefined;

  // First worker: open, recommend, move Mora's deadline, let the first reminders go.
  // No sticky cache: the test server, its clock stopped, would never hand a sticky task back to the queue.
  const { worker: before, settings: first } = await timeSkippingWorker(taskQueue, { maxCachedWorkflows: 0 });
  await before.runUntil(async () => {
    started = [];
    handle = await start(taskQueue, opening({ parties: ['falun', 'mora'], deadline }));
    await handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome: 'recommend', date: today(), actor: 'coordinator' }] });
    await handle.executeUpdate(moveDeadline, { args: [{ party: 'mora', date: moved, actor: 'coordinator' }] });
    await env.sleep('10 days');
  });
  first.close();

  // Second worker, on the same task queue: the case goes on where it was.
  await withWorkerOn(taskQueue, async () => {
    if (!handle) throw new Error('no case');
    await env.sleep('45 days');
    const state = await handle.query(caseStateQuery);
    const sent = entries(state, 'reminder.sent');
    const daysFor = (party: string) => sent.filter((entry) => entry.reopened?.includes(party)).map((entry) => entry.date);
    const through = addDays(today(), 55);
    const schedule = (due: string) => [-14, 0, 7, 14, 21, 28, 35].map((offset) => addDays(due, offset)).filter((date) => date <= through);
    // Falun keeps the case's deadline; Mora's own moved one.
    expect(daysFor('falun')).toEqual(schedule(deadline));
    expect(daysFor('mora')).toEqual(schedule(moved));
    expect(new Set(sent.map((entry) => entry.date)).size).toBe(sent.length);
    expect(await remindersTo([falun])).toHaveLength(schedule(deadline).length);
    expect(await remindersTo([mora])).toHaveLength(schedule(moved).length);
    await handle.terminate('test over');
  });
});

async function withWorkerOn(taskQueue: string, test: () => Promise<void>): Promise<void> {
  const { worker, settings } = await timeSkippingWorker(taskQueue);
  try {
    await worker.runUntil(test());
  } finally {
    settings.close();
  }
}
