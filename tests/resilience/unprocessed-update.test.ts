import { temporal } from '@temporalio/proto';
import { caseStateQuery, caseWorkflowId } from '../../libs/workflow-contract/case.messages';
import { createCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * Temporal's server refuses an update that a workflow task was completed without taking
 * ("UnprocessedUpdate"; the soak met it when the server restarted under a worker). Nothing
 * is recorded, so the API answers 503 with "try again with the same key", never a 500.
 * The test's own worker, on the real server's gRPC API, takes the workflow task that
 * carries the step and completes it without a word about it.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api.close());

it('answers 503 when the server refuses an update a workflow task did not take, and the same key then records the step once', async () => {
  const created = await createCase(api, { deadline: '2099-12-31' });
  // Answered only once the workflow's first task is done: the test's worker must take no other task.
  await api.temporal.workflow.getHandle(caseWorkflowId(created.id)).query(caseStateQuery);
  await api.stopWorker();

  const path = `/api/cases/${created.id}/council`;
  const key = { 'idempotency-key': `unprocessed-${created.id}` };
  const answer = api.request('POST', path, { outcome: 'recommend', date: '2025-02-13' }, key);
  const service = api.temporal.workflowService;
  const identity = 'a worker that ignores updates';
  let carriedTheStep = false;
  for (let poll = 0; poll < 10 && !carriedTheStep; poll++) {
    // A long poll: the server wants its deadline.
    const task = await api.temporal.connection.withDeadline(Date.now() + 30_000, () =>
      service.pollWorkflowTaskQueue({
        namespace: 'default',
        taskQueue: { name: api.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        identity,
      }),
    );
    if (!task.taskToken || task.taskToken.length === 0) continue;
    carriedTheStep = (task.messages ?? []).length > 0;
    await service.respondWorkflowTaskCompleted({ namespace: 'default', taskToken: task.taskToken, identity, commands: [] });
  }
  expect(carriedTheStep).toBe(true);

  const refused = await answer;
  expect(refused.status).toBe(503);
  expect(refused.body).toEqual({ error: 'unavailable', message: expect.stringMatching(/samma Idempotency-Key/) });
  expect((await api.request('GET', `/api/cases/${created.id}`)).body.stage).toBe('council');

  await api.startWorker();
  const retried = await api.request('POST', path, { outcome: 'recommend', date: '2025-02-13' }, key);
  expect(retried.status).toBe(200);
  expect(retried.body.stage).toBe('decisions');
  expect(retried.body.history.filter((entry: { type: string }) => entry.type.startsWith('council'))).toHaveLength(1);
});
