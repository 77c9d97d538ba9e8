import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { REGIONAL_AGREEMENT, REGIONAL_AGREEMENT_V3, applyStep, openCase, waitingOn, type CaseState, type CaseStep } from '../../libs/domain';
import { CaseProjectionRepository, CaseRepository, PartyNoticeOutboxRepository, type ProjectionWithNotices } from '../../libs/persistence';
import type { CaseProjection } from '../../libs/workflow-contract/case.activity-types';
import { connectDataSource } from '../support/test-stack';

let dataSource: DataSource;
let projection: CaseProjectionRepository;
let repository: CaseRepository;

beforeAll(async () => {
  dataSource = await connectDataSource();
  projection = new CaseProjectionRepository(dataSource);
  repository = new CaseRepository(dataSource);
});

afterAll(() => dataSource.destroy());

function projectionOf(state: CaseState, after = 0): CaseProjection {
  const { history, ...rest } = state;
  return { state: rest, waitingOn: waitingOn(state, REGIONAL_AGREEMENT), newHistory: history.filter((entry) => entry.sequence > after) };
}

function twoStates(): [CaseState, CaseState] {
  const opened = openCase(
    {
      id: randomUUID(),
      title: 'Hemsjukvård',
      reference: null,
      parties: ['falun', 'mora'],
      deadline: null,
      attachments: [],
      networkDecision: { date: '2024-05-16' },
      actor: 'coordinator',
      requestId: 'open-1',
    },
    REGIONAL_AGREEMENT,
    '2024-05-16T08:00:00.000Z',
  );
  const recommended = applyStep(opened, { kind: 'council', outcome: 'recommend', date: '2024-06-01' }, REGIONAL_AGREEMENT, {
    at: '2024-06-01T08:00:00.000Z',
    actor: 'coordinator',
    requestId: null,
  });
  return [opened, recommended];
}

it('writes a case so that reading it back gives the same state', async () => {
  const [opened] = twoStates();
  await projection.project(projectionOf(opened));
  expect(await repository.findById(opened.id)).toEqual(opened);
});

it('is idempotent: the same projection twice writes each history entry once', async () => {
  const [opened, recommended] = twoStates();
  await projection.project(projectionOf(opened));
  await projection.project(projectionOf(recommended));
  await projection.project(projectionOf(recommended));
  await projection.project(projectionOf(recommended, 0));
  const rows: { count: string }[] = await dataSource.query('SELECT count(*) FROM case_history WHERE case_id = $1', [opened.id]);
  expect(Number(rows[0].count)).toBe(2);
  expect(await repository.findById(opened.id)).toEqual(recommended);
});

it('never goes backwards: an older projection after a newer one changes nothing', async () => {
  const [opened, recommended] = twoStates();
  await projection.project(projectionOf(recommended));
  await projection.project(projectionOf(opened));
  expect(await repository.findById(opened.id)).toEqual(recommended);
});

it('keeps the history append-only in the database itself', async () => {
  const [opened] = twoStates();
  await projection.project(projectionOf(opened));
  await expect(dataSource.query(`UPDATE case_history SET note = 'x' WHERE case_id = $1`, [opened.id])).rejects.toThrow(/append-only/);
  await expect(dataSource.query(`DELETE FROM case_history WHERE case_id = $1`, [opened.id])).rejects.toThrow(/append-only/);
});

describe('projections written inside a workflow task (fenced)', () => {
  const RUN = 'run-1';

  function decided(state: CaseState, party: string): CaseState {
    return applyStep(state, { kind: 'decision', party, outcome: 'adopted', date: '2024-09-12' }, REGIONAL_AGREEMENT, {
      at: '2024-09-12T08:00:00.000Z',
      actor: `party:${party}`,
      requestId: `decision-${party}`,
    });
  }

  function fenced(state: CaseState, after: number, task: number, run = RUN): CaseProjection {
    return { ...projectionOf(state, after), fence: { run, task, after } };
  }

  async function historyRows(caseId: string): Promise<{ sequence: number; party: string | null; unconfirmed_task: string | null }[]> {
    return dataSource.query('SELECT sequence, party, unconfirmed_task FROM case_history WHERE case_id = $1 ORDER BY sequence', [caseId]);
  }

  it('lets a later task of the same run replace what a lost task wrote, at the same sequence', async () => {
    const [opened, recommended] = twoStates();
    await projection.project(fenced(recommended, 0, 5));
    // Task 11 answered for Falun and was lost with its worker; task 15 took Mora's answer first.
    await projection.project(fenced(decided(recommended, 'falun'), 2, 11));
    const mora = decided(recommended, 'mora');
    await projection.project(fenced(mora, 2, 15));
    expect(await repository.findById(opened.id)).toEqual(mora);
    expect((await historyRows(opened.id)).map((row) => row.party)).toEqual([null, null, 'mora']);
  });

  it('lets a later task go back to a lower sequence when the lost task had written further', async () => {
    const [opened, recommended] = twoStates();
    await projection.project(fenced(recommended, 0, 5));
    await projection.project(fenced(decided(decided(recommended, 'falun'), 'mora'), 2, 11));
    const mora = decided(recommended, 'mora');
    await projection.project(fenced(mora, 2, 15));
    expect(await repository.findById(opened.id)).toEqual(mora);
  });

  it('lets a task replace a lost speculative task of the same history length (never persisted, so no longer)', async () => {
    const [opened, recommended] = twoStates();
    await projection.project(fenced(recommended, 0, 5));
    await projection.project(fenced(decided(recommended, 'falun'), 2, 8));
    const mora = decided(recommended, 'mora');
    await projection.project(fenced(mora, 2, 8));
    const both = decided(mora, 'falun');
    await projection.project(fenced(both, 3, 8));
    expect(await repository.findById(opened.id)).toEqual(both);
    expect((await historyRows(opened.id)).map((row) => row.party)).toEqual([null, null, 'mora', 'falun']);
  });

  it('ignores a lost task that writes after a later one has', async () => {
    const [opened, recommended] = twoStates();
    const mora = decided(recommended, 'mora');
    await projection.project(fenced(mora, 0, 15));
    await projection.project(fenced(decided(recommended, 'falun'), 2, 11));
    expect(await repository.findById(opened.id)).toEqual(mora);
    expect(await historyRows(opened.id)).toHaveLength(3);
  });

  it('moves forwards within one task, and confirms a task once a later one builds on it', async () => {
    const [opened, recommended] = twoStates();
    await projection.project(fenced(opened, 0, 5));
    await projection.project(fenced(recommended, 1, 5));
    expect((await historyRows(opened.id)).map((row) => row.unconfirmed_task)).toEqual(['5', '5']);
    const falun = decided(recommended, 'falun');
    await projection.project(fenced(falun, 2, 9));
    expect((await historyRows(opened.id)).map((row) => row.unconfirmed_task)).toEqual([null, null, '9']);
    // Confirmed rows are records like any other.
    await expect(dataSource.query(`DELETE FROM case_history WHERE case_id = $1 AND sequence = 1`, [opened.id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`UPDATE case_history SET note = 'x' WHERE case_id = $1 AND sequence = 3`, [opened.id])).rejects.toThrow(/append-only/);
    expect(await repository.findById(opened.id)).toEqual(falun);
  });

  it('takes a new run (continue-as-new) forwards from where the old one ended, whatever its task numbers', async () => {
    const [opened, recommended] = twoStates();
    await projection.project(fenced(recommended, 0, 40));
    const falun = decided(recommended, 'falun');
    await projection.project(fenced(falun, 2, 3, 'run-2'));
    expect(await repository.findById(opened.id)).toEqual(falun);
    expect((await historyRows(opened.id)).map((row) => row.unconfirmed_task)).toEqual([null, null, '3']);
  });

  describe('the party notices it queues (the outbox)', () => {
    const QUEUE = 'notices-of-this-test';

    /** A receipt for the decision at the state's last sequence, queued with its projection. */
    function withReceipt(state: CaseState, after: number, task: number): ProjectionWithNotices {
      const last = state.history[state.history.length - 1];
      const notice = { noticeId: `${state.id}:receipt:${last.sequence}`, kind: 'receipt', party: last.party };
      return { ...fenced(state, after, task), notices: [{ id: notice.noticeId, sequence: last.sequence, requestId: last.requestId, notice }] };
    }

    async function outboxRows(caseId: string): Promise<{ sequence: number; request_id: string; confirmed: boolean; party: string }[]> {
      return dataSource.query(
        `SELECT sequence, request_id, confirmed, notice->>'party' AS party FROM party_notice_outbox WHERE case_id = $1 ORDER BY sequence`,
        [caseId],
      );
    }

    it('keeps what a lost task queued from ever being sent: a later task replaces it, then builds on it and confirms it', async () => {
      const [opened, recommended] = twoStates();
      await projection.project(fenced(recommended, 0, 5), QUEUE);
      // Task 11 queued Falun's receipt and was lost; task 15 took Mora's answer first, then Falun's.
      await projection.project(withReceipt(decided(recommended, 'falun'), 2, 11), QUEUE);
      expect(await outboxRows(opened.id)).toEqual([{ sequence: 3, request_id: 'decision-falun', confirmed: false, party: 'falun' }]);
      const mora = decided(recommended, 'mora');
      await projection.project(withReceipt(mora, 2, 15), QUEUE);
      expect(await outboxRows(opened.id)).toEqual([{ sequence: 3, request_id: 'decision-mora', confirmed: false, party: 'mora' }]);
      const both = decided(mora, 'falun');
      // Task 15 going on vouches for nothing: it is not committed yet either.
      await projection.project(withReceipt(both, 3, 15), QUEUE);
      expect((await outboxRows(opened.id)).map((row) => row.confirmed)).toEqual([false, false]);
      // Task 19 builds on what task 15 projected: that is committed.
      await projection.project(fenced(both, 4, 19), QUEUE);
      expect(await outboxRows(opened.id)).toEqual([
        { sequence: 3, request_id: 'decision-mora', confirmed: true, party: 'mora' },
        { sequence: 4, request_id: 'decision-falun', confirmed: true, party: 'falun' },
      ]);
    });

    it('confirms the notices of a step at once when its update has answered', async () => {
      const [opened, recommended] = twoStates();
      await projection.project(fenced(recommended, 0, 5), QUEUE);
      await projection.project(withReceipt(decided(recommended, 'falun'), 2, 11), QUEUE);
      await new PartyNoticeOutboxRepository(dataSource).confirmStep(opened.id, 'decision-falun');
      expect((await outboxRows(opened.id)).map((row) => row.confirmed)).toEqual([true]);
    });

    it('drops what a lost task queued when the task that replaced it queues nothing there', async () => {
      const [opened, recommended] = twoStates();
      await projection.project(fenced(recommended, 0, 5), QUEUE);
      await projection.project(withReceipt(decided(recommended, 'falun'), 2, 11), QUEUE);
      // The retried task had another step to take (a reminder, a deadline moved): no receipt.
      const moved = applyStep(recommended, { kind: 'deadline', date: '2099-12-31' }, REGIONAL_AGREEMENT, { at: '2024-09-12T08:00:00.000Z', actor: 'coordinator', requestId: 'move' });
      await projection.project(fenced(moved, 2, 15), QUEUE);
      expect(await outboxRows(opened.id)).toEqual([]);
    });

    it('queues nothing for a write that lost to a later task', async () => {
      const [opened, recommended] = twoStates();
      await projection.project(fenced(decided(recommended, 'mora'), 0, 15), QUEUE);
      await projection.project(withReceipt(decided(recommended, 'falun'), 2, 11), QUEUE);
      expect(await outboxRows(opened.id)).toEqual([]);
    });

    it('takes notices only from a fenced projection on a task queue', async () => {
      const [, recommended] = twoStates();
      const notices = withReceipt(decided(recommended, 'falun'), 2, 11).notices;
      await expect(projection.project({ ...projectionOf(decided(recommended, 'falun')), notices }, QUEUE)).rejects.toThrow(/fenced projection/);
    });
  });

  it('takes an unfenced (committed) projection only forwards, as before', async () => {
    const [opened, recommended] = twoStates();
    await projection.project(fenced(recommended, 0, 5));
    await projection.project(projectionOf(opened));
    expect(await repository.findById(opened.id)).toEqual(recommended);
  });
});

it('keeps the court rules’ dates: an appeal that came in, and the day the court dismissed it', async () => {
  const opened = openCase(
    { id: randomUUID(), title: 'Hemsjukvård', reference: null, parties: ['falun', 'mora'], deadline: null, attachments: [], networkDecision: { date: '2024-05-16' }, actor: 'coordinator', requestId: null },
    REGIONAL_AGREEMENT_V3,
    '2024-05-16T08:00:00.000Z',
  );
  const context = (day: string) => ({ at: `${day}T08:00:00.000Z`, actor: 'coordinator' as const, requestId: null });
  const steps: [CaseStep, string][] = [
    [{ kind: 'council', outcome: 'recommend', date: '2024-06-01' }, '2024-06-01'],
    [{ kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-09-12' }, '2024-09-12'],
    [{ kind: 'appeal', party: 'falun', date: '2024-10-01' }, '2024-10-01'],
  ];
  let state = opened;
  for (const [step, day] of steps) state = applyStep(state, step, REGIONAL_AGREEMENT_V3, context(day));
  await projection.project(projectionOf(state));
  expect(await repository.findById(state.id)).toEqual(state);
  const dismissed = applyStep(state, { kind: 'ruling', party: 'falun', outcome: 'dismissed', date: '2025-03-01' }, REGIONAL_AGREEMENT_V3, context('2025-03-01'));
  await projection.project(projectionOf(dismissed, state.sequence));
  expect(await repository.findById(state.id)).toEqual(dismissed);
});
