import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { freePort } from '../../libs/embedded/free-port';
import { startTemporalDevServer, type RunningTemporalDevServer } from '../../libs/embedded/temporal-dev-server';
import { decision, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * The Temporal server (a dev server of this test's own, on its SQLite file) stopped and
 * started again while parties answer: nothing is lost or doubled, the case completes.
 */
let folder: string;
let port: number;
let temporal: RunningTemporalDevServer;
let api: TestApi;

const start = () => startTemporalDevServer({ port, uiPort: 0, namespace: 'default', databaseFile: join(folder, 'temporal.db'), log: () => undefined });

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'overens-temporal-'));
  chmodSync(folder, 0o755);
  port = await freePort();
  temporal = await start();
  api = await startTestApi({ temporalAddress: temporal.address, updateTimeoutSeconds: 3 });
});

afterAll(async () => {
  await api?.close();
  await temporal?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** A client that retries with its key until the answer lands. */
async function answer(caseId: string, party: string): Promise<number> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await api.request('POST', `/api/cases/${caseId}/decisions`, decision(party), { 'idempotency-key': `restart-${caseId}-${party}` });
    if (response.status !== 503) return response.status;
    await sleep(500);
  }
  return 503;
}

it('loses and doubles nothing when the Temporal server restarts mid-load', async () => {
  const recommended = await recommendedCase(api);
  const first = PARTY_IDS.slice(0, 8);
  expect(await Promise.all(first.map((party) => answer(recommended.id, party)))).toEqual(first.map(() => 200));

  await temporal.stop();
  const during = await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('region-dalarna'));
  expect(during).toEqual({ status: 503, body: { error: 'unavailable', message: expect.any(String) } });
  temporal = await start();

  const rest = PARTY_IDS.slice(8);
  expect(await Promise.all(rest.map((party) => answer(recommended.id, party)))).toEqual(rest.map(() => 200));
  const final = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
  expect(final.stage).toBe('in-force');
  const answered = final.history.filter((entry: { type: string }) => entry.type === 'decision.adopted').map((entry: { party: string }) => entry.party);
  expect(answered.sort()).toEqual([...PARTY_IDS].sort());
  const rows: { count: string }[] = await api.dataSource.query('SELECT count(*) FROM case_history WHERE case_id = $1', [recommended.id]);
  expect(Number(rows[0].count)).toBe(2 + PARTY_IDS.length);
});
