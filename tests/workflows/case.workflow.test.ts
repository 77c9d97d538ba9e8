import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { REGIONAL_AGREEMENT, REGIONAL_AGREEMENT_V1, applyStep, openCase, type CaseOpening, type ProcessDefinition } from '../../libs/domain';
import { CaseRepository } from '../../libs/persistence';
import { caseWorkflow } from '../../workflows/case.workflow';
import {
  awaitProjection,
  caseStateQuery,
  caseWorkflowId,
  recordCouncilOutcome,
  recordDecision,
} from '../../libs/workflow-contract/case.messages';
import { STAGE_ATTRIBUTE, WAITING_ON_ATTRIBUTE } from '../../libs/workflow-contract/search-attributes';
import { connectDataSource, connectTemporalClient, createTestWorker, uniqueTaskQueue } from '../support/test-stack';

let client: Client;
let dataSource: DataSource;
let repository: CaseRepository;

beforeAll(async () => {
  client = await connectTemporalClient();
  dataSource = await connectDataSource();
  repository = new CaseRepository(dataSource);
});

afterAll(async () => {
  await client.connection.close();
  await dataSource.destroy();
});

function opening(parties: readonly string[] = PARTY_IDS): CaseOpening {
  return {
    id: randomUUID(),
    title: 'Regional överenskommelse om MiniMaria',
    reference: 'LCHNV 2024/7',
    parties,
    deadline: '2025-06-30',
    attachments: [],
    networkDecision: { date: '2024-05-16' },
    actor: 'coordinator',
    requestId: null,
  };
}

/** Runs `test` with a fresh worker on its own task queue, as the SDK's own tests do. */
async function withWorker(test: (taskQueue: string) => Promise<void>): Promise<void> {
  const taskQueue = uniqueTaskQueue('workflow');
  const { worker, close } = await createTestWorker(taskQueue, dataSource);
  try {
    await worker.runUntil(test(taskQueue));
  } finally {
    await close();
  }
}

async function startCase(taskQueue: string, caseOpening: CaseOpening, definition: ProcessDefinition = REGIONAL_AGREEMENT) {
  return client.workflow.start(caseWorkflow, {
    workflowId: caseWorkflowId(caseOpening.id),
    taskQueue,
    args: [{ opening: caseOpening, process: { id: definition.id, version: definition.version } }],
    workflowIdConflictPolicy: 'FAIL',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

it('opens a case and projects it before answering', () =>
  withWorker(async (taskQueue) => {
    const caseOpening = opening();
    const handle = await startCase(taskQueue, caseOpening);
    const receipt = await handle.executeUpdate(awaitProjection);
    const state = await handle.query(caseStateQuery);
    expect(receipt).toEqual({ caseId: caseOpening.id, sequence: state.sequence });
    expect(state.stage).toBe('council');
    expect(await repository.findById(caseOpening.id)).toEqual(state);
  }));

it('refuses a second start of the same case', () =>
  withWorker(async (taskQueue) => {
    const caseOpening = opening();
    await startCase(taskQueue, caseOpening);
    await expect(startCase(taskQueue, caseOpening)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
  }));

it('refuses a step that does not fit before it is written', () =>
  withWorker(async (taskQueue) => {
    const handle = await startCase(taskQueue, opening());
    const failure = await failureOf(
      handle.executeUpdate(recordDecision, {
        args: [{ party: 'avesta', outcome: 'adopted', date: '2024-09-12', actor: 'coordinator' }],
      }),
    );
    expect(failure.type).toBe('conflict');
    expect(failure.message).toContain('efter rådets rekommendation');
    const state = await handle.query(caseStateQuery);
    expect(state.sequence).toBe(1);
    const history = await handle.fetchHistory();
    const accepted = history.events?.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
    expect(accepted).toHaveLength(0);
  }));

it('applies an update id once, however often it is sent', () =>
  withWorker(async (taskQueue) => {
    const handle = await startCase(taskQueue, opening());
    const send = () =>
      handle.executeUpdate(recordCouncilOutcome, {
        args: [{ outcome: 'recommend', date: '2024-06-01', actor: 'coordinator' }],
        updateId: 'council-key-1',
      });
    const answers = await Promise.all([send(), send(), send()]);
    const again = await send();
    for (const answer of [...answers, again]) expect(answer.sequence).toBe(2);
    expect((await handle.query(caseStateQuery)).history.map((entry) => entry.type)).toEqual(['network.approve', 'council.recommend']);
  }));

it('keeps stage and waiting-on visible as search attributes', () =>
  withWorker(async (taskQueue) => {
    const handle = await startCase(taskQueue, opening(['falun', 'mora']));
    await handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome: 'recommend', date: '2024-06-01', actor: 'coordinator' }] });
    await handle.executeUpdate(recordDecision, {
      args: [{ party: 'falun', outcome: 'adopted', date: '2024-09-12', actor: 'coordinator' }],
    });
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(STAGE_ATTRIBUTE)).toBe('decisions');
    expect(attributes.get(WAITING_ON_ATTRIBUTE)).toEqual(['mora']);
  }));

it('a case of version 1 completes when every party has adopted, with the read model equal to its state', () =>
  withWorker(async (taskQueue) => {
    const caseOpening = opening(['falun', 'mora', 'smedjebacken']);
    const handle = await startCase(taskQueue, caseOpening, REGIONAL_AGREEMENT_V1);
    await handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome: 'recommend', date: '2024-06-01', actor: 'coordinator' }] });
    for (const [party, outcome] of [
      ['smedjebacken', 'opted-out'],
      ['falun', 'adopted'],
      ['mora', 'adopted'],
    ] as const) {
      await handle.executeUpdate(recordDecision, { args: [{ party, outcome, date: '2024-09-12', actor: 'coordinator' }] });
    }
    const result = await handle.result();
    expect(result.stage).toBe('in-force');
    expect(await repository.findById(caseOpening.id)).toEqual(result);
  }));

it('a case with timers enters force and lives on for its follow-up, the read model equal to its state', () =>
  withWorker(async (taskQueue) => {
    const caseOpening = opening(['falun', 'mora']);
    const handle = await startCase(taskQueue, caseOpening);
    await handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome: 'recommend', date: '2024-06-01', actor: 'coordinator' }] });
    await handle.executeUpdate(recordDecision, { args: [{ party: 'falun', outcome: 'adopted', date: '2024-09-12', actor: 'coordinator' }] });
    await handle.executeUpdate(recordDecision, {
      args: [{ party: 'mora', outcome: 'adopted', date: '2024-09-13', actor: 'coordinator' }],
    });
    const inForce = await handle.query(caseStateQuery);
    expect(inForce.stage).toBe('in-force');
    expect(inForce.followUp).toMatchObject({ owner: 'Styrgruppen', status: 'open' });
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(await repository.findById(caseOpening.id)).toEqual(inForce);
  }));

it('a case carried on by continue-as-new keeps its state, and a step retried with its key is not applied twice', () =>
  withWorker(async (taskQueue) => {
    // No deadline: no reminders fall due while the test runs.
    const caseOpening = { ...opening(['falun', 'mora']), deadline: null };
    const opened = openCase(caseOpening, REGIONAL_AGREEMENT, '2024-05-16T08:00:00.000Z');
    const carried = applyStep(opened, { kind: 'council', outcome: 'recommend', date: '2024-06-01' }, REGIONAL_AGREEMENT, {
      at: '2024-06-01T08:00:00.000Z',
      actor: 'coordinator',
      requestId: 'recommend-key',
    });
    const handle = await client.workflow.start(caseWorkflow, {
      workflowId: caseWorkflowId(caseOpening.id),
      taskQueue,
      args: [{ opening: caseOpening, process: { id: REGIONAL_AGREEMENT.id, version: REGIONAL_AGREEMENT.version }, resume: { state: carried } }],
    });
    const again = await handle.executeUpdate(recordCouncilOutcome, {
      args: [{ outcome: 'recommend', date: '2024-06-01', actor: 'coordinator' }],
      updateId: 'recommend-key',
    });
    expect(again).toEqual({ caseId: carried.id, sequence: carried.sequence });
    expect(await handle.query(caseStateQuery)).toEqual(carried);
    const decided = await handle.executeUpdate(recordDecision, { args: [{ party: 'falun', outcome: 'adopted', date: '2024-09-12', actor: 'coordinator' }] });
    expect(decided.sequence).toBe(carried.sequence + 1);
    await handle.terminate('test over');
  }));
