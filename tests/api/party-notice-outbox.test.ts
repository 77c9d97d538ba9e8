import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { caseWorkflowId, recordDecision } from '../../libs/workflow-contract/case.messages';
import { createCase, decision } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { mailTo, messagesTo } from '../support/outbox';
import { startTestApi, type TestApi } from '../support/test-stack';
import { until } from '../support/until';

/**
 * Receipts and in-force notices go through an outbox written with the projection of
 * their step, and the workers send them once the step is committed: no activity in the
 * case's history for them. A database of its own: the parties' contacts are global.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('notice_outbox') });
});

afterAll(() => api.close());

interface OutboxRow {
  readonly request_id: string | null;
  readonly confirmed: boolean;
  readonly sent: boolean;
}

async function outboxOf(caseId: string): Promise<OutboxRow[]> {
  return api.dataSource.query(
    `SELECT request_id, confirmed, sent_at IS NOT NULL AS sent FROM party_notice_outbox WHERE case_id = $1 ORDER BY sequence`,
    [caseId],
  );
}

async function recommendedCase(parties: Record<string, string>): Promise<string> {
  for (const [party, email] of Object.entries(parties)) {
    expect((await api.request('PUT', `/api/contacts/${party}`, { emails: [email] })).status).toBe(200);
  }
  const created = await createCase(api, { title: 'Överenskommelse om ungdomsmottagning', parties: Object.keys(parties), deadline: '2099-03-31' });
  expect((await api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: '2025-02-13' })).status).toBe(200);
  return created.id;
}

it("sends an answer's receipt from the outbox, with no activity for it in the case's history", async () => {
  const run = randomUUID().slice(0, 8);
  const falun = `registrator.falun.${run}@example.se`;
  const caseId = await recommendedCase({ falun, mora: `registrator.mora.${run}@example.se` });

  const key = `answer-${run}`;
  expect((await api.request('POST', `/api/cases/${caseId}/decisions`, decision('falun', 'adopted'), { 'idempotency-key': key })).status).toBe(200);
  const receipts = (await mailTo([falun], 2)).filter((message) => message.subject.startsWith('Kvitto'));
  expect(receipts).toHaveLength(1);
  expect(await until(() => outboxOf(caseId), (rows) => rows.every((row) => row.sent))).toEqual([{ request_id: key, confirmed: true, sent: true }]);

  const history = await api.temporal.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
  const activities = (history.events ?? []).flatMap((event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
  // The recommendation is an activity still; the receipt is not.
  expect(activities).toEqual(['sendRecommendation']);
});

it('settles a notice nobody confirmed against the workflow: sent when the workflow holds its step', async () => {
  const run = randomUUID().slice(0, 8);
  const mora = `registrator.mora.${run}@example.se`;
  const caseId = await recommendedCase({ falun: `registrator.falun.${run}@example.se`, mora });

  // An update past the API: its caller never confirms the step.
  const updateId = `direct-${run}`;
  await api.temporal.workflow
    .getHandle(caseWorkflowId(caseId))
    .executeUpdate(recordDecision, { args: [{ party: 'mora', outcome: 'adopted', date: '2025-03-01', actor: 'party:mora' }], updateId });
  expect(await outboxOf(caseId)).toEqual([{ request_id: updateId, confirmed: false, sent: false }]);
  await sleep(500);
  expect((await messagesTo([mora])).filter((message) => message.subject.startsWith('Kvitto'))).toEqual([]);

  // Older than a lost task could be: the workers ask the workflow, which holds the step.
  await api.dataSource.query(`UPDATE party_notice_outbox SET created_at = now() - interval '1 minute' WHERE case_id = $1`, [caseId]);
  expect(await until(() => outboxOf(caseId), (rows) => rows.every((row) => row.sent))).toEqual([{ request_id: updateId, confirmed: true, sent: true }]);
  expect((await messagesTo([mora])).filter((message) => message.subject.startsWith('Kvitto'))).toHaveLength(1);
});

it('drops a notice queued by a task that was lost, without sending it', async () => {
  const run = randomUUID().slice(0, 8);
  const orsa = `registrator.orsa.${run}@example.se`;
  const caseId = await recommendedCase({ orsa });

  // What a lost task would have left: a receipt for a step the workflow never committed.
  const noticeId = `${caseId}:receipt:99`;
  const notice = {
    noticeId,
    caseId,
    title: 'Överenskommelse om ungdomsmottagning',
    reference: null,
    kind: 'receipt',
    party: 'orsa',
    outcome: 'adopted',
    date: '2025-03-01',
    body: null,
    paragraph: null,
    partyReference: null,
    recordedAt: new Date().toISOString(),
  };
  await api.dataSource.query(
    `INSERT INTO party_notice_outbox (id, case_id, task_queue, sequence, request_id, notice, written_run, written_task, created_at)
     VALUES ($1, $2, $3, 99, $4, $5, 'lost-run', 7, now() - interval '1 minute')`,
    [noticeId, caseId, api.taskQueue, `lost-${run}`, JSON.stringify(notice)],
  );
  expect(await until(() => outboxOf(caseId), (rows) => rows.length === 0)).toEqual([]);
  expect(api.logLines.some((line) => line.includes('never committed') && line.includes(noticeId))).toBe(true);
  expect((await messagesTo([orsa])).filter((message) => message.subject.startsWith('Kvitto'))).toEqual([]);
});
