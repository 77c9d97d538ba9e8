import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { REGIONAL_AGREEMENT, applyStep, openCase, waitingOn, type CaseState } from '../../libs/domain';
import { CaseProjectionRepository, CaseRepository } from '../../libs/persistence';
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
