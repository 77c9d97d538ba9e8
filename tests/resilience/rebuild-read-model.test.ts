import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { freePort } from '../../libs/embedded/free-port';
import { resolveTemporalCli } from '../../libs/embedded/temporal-cli';
import { createDataSource, migrate } from '../../libs/persistence';
import { caseWorkflowId } from '../../libs/workflow-contract/case.messages';
import { createCase, decision, recommendedCase } from '../support/case-requests';
import { spawnPostgres } from '../support/postgres-process';
import { startTestApi, type TestApi } from '../support/test-stack';
import { testServers } from '../support/test-servers';

/**
 * The rebuild writes the cases whose workflows Temporal holds and never deletes: a case
 * closed and forgotten by Temporal keeps every row, a narrowed rebuild touches only what
 * it matched, a read model ahead of its workflows is refused, and a database that does
 * not answer fails the rebuild with nothing changed.
 */
const CLI = resolve(__dirname, '..', '..', 'dist', 'apps', 'cli', 'rebuild-read-model.js');

let api: TestApi;
let deleted: Promise<{ closed: string; running: string; before: unknown }>;

beforeAll(async () => {
  api = await startTestApi();
  deleted = closedAndDeleted();
  await deleted;
});

afterAll(async () => {
  await api?.close();
});

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The rebuild program, as an operator runs it, on this suite's cases only (the other suites' workers are gone). */
async function rebuild(databaseUrl: string, args: string[] = [], where = ''): Promise<CliRun> {
  const narrowed = `TaskQueue = '${api.taskQueue}'${where ? ` AND ${where}` : ''}`;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, '--where', narrowed, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: testServers().temporalAddress },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * The read model's rows for some cases, without the history's surrogate ids and without
 * which workflow task wrote them (a rebuild writes what is committed, unfenced).
 */
async function rows(dataSource: DataSource, ids: string[]): Promise<unknown> {
  return {
    cases: (await dataSource.query(`SELECT * FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])).map(
      ({ projected_run: _run, projected_task: _task, ...row }: Record<string, unknown>) => row,
    ),
    parties: await dataSource.query(`SELECT * FROM case_parties WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, party`, [ids]),
    history: await dataSource.query(
      `SELECT case_id, sequence, at, type, actor, request_id, stage, party, outcome, date, note, version, until_meeting, reopened
         FROM case_history WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, sequence`,
      [ids],
    ),
  };
}

async function freshDatabase(): Promise<{ url: string; dataSource: DataSource }> {
  const name = `rebuild_${randomUUID().replace(/-/g, '')}`;
  await api.dataSource.query(`CREATE DATABASE ${name}`);
  const url = testServers().databaseUrl.replace(/\/[^/]+$/, `/${name}`);
  const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
  await migrate(dataSource);
  return { url, dataSource };
}

/** Deletes a case's workflow as retention would, with the Temporal CLI; Temporal does it a while later. */
function deleteWorkflow(caseId: string): void {
  const workflowId = caseWorkflowId(caseId);
  // The CLI asks to confirm a single deletion on its standard input.
  execFileSync(
    resolveTemporalCli(),
    ['workflow', 'delete', '--workflow-id', workflowId, '--address', testServers().temporalAddress, '--namespace', 'default'],
    { input: 'y\n', stdio: ['pipe', 'ignore', 'inherit'], timeout: 30_000 },
  );
}

/** Resolves once Temporal no longer holds the case's workflow (at once on the test run's server). */
async function workflowGone(caseId: string): Promise<void> {
  const workflowId = caseWorkflowId(caseId);
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      await api.temporal.workflow.getHandle(workflowId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw error;
    }
    await sleep(500);
  }
  throw new Error(`${workflowId} was not deleted in 150 s`);
}

/** A withdrawn case (its workflow completed) and one waiting on decisions, one of them taken. */
async function closedAndRunning(): Promise<{ closed: string; running: string }> {
  const withdrawn = await recommendedCase(api, { parties: ['falun', 'mora'] });
  const closedReply = await api.request('POST', `/api/cases/${withdrawn.id}/network`, { outcome: 'withdraw', date: '2024-09-19' });
  expect(closedReply.body.stage).toBe('withdrawn');
  await api.temporal.workflow.getHandle(caseWorkflowId(withdrawn.id)).result();
  const waiting = await recommendedCase(api, { parties: ['falun', 'mora', 'orsa'] });
  const answered = await api.request('POST', `/api/cases/${waiting.id}/decisions`, decision('falun'));
  expect(answered.status).toBe(200);
  return { closed: withdrawn.id, running: waiting.id };
}

/** A closed case whose workflow is being deleted, after a narrowed rebuild that left it be; and a running one. */
async function closedAndDeleted(): Promise<{ closed: string; running: string; before: unknown }> {
  const { closed, running } = await closedAndRunning();
  const before = await rows(api.dataSource, [closed, running]);
  // The defect this replaces: a rebuild narrowed to running workflows erased every closed case.
  const narrowed = await rebuild(testServers().databaseUrl, [], `ExecutionStatus = 'Running'`);
  expect(narrowed.code).toBe(0);
  expect(await rows(api.dataSource, [closed, running])).toEqual(before);
  deleteWorkflow(closed);
  return { closed, running, before };
}

it('rebuilds, from the workflows alone, a read model equal to the live one', async () => {
  const open = await createCase(api, { parties: ['falun', 'mora'] });
  const waiting = await recommendedCase(api, { parties: ['falun', 'mora', 'orsa'] });
  await api.request('POST', `/api/cases/${waiting.id}/decisions`, decision('falun'), { 'idempotency-key': `rebuild-${waiting.id}` });
  await api.request('POST', `/api/cases/${waiting.id}/revisions`, { date: '2024-11-14', parties: ['falun'] });
  const closed = await recommendedCase(api, { parties: ['mora'] });
  await api.request('POST', `/api/cases/${closed.id}/decisions`, decision('mora'));
  const ids = [open.id, waiting.id, closed.id];
  const fresh = await freshDatabase();
  try {
    const run = await rebuild(fresh.url);
    expect(run).toEqual(expect.objectContaining({ code: 0 }));
    expect(run.stdout).toMatch(/wrote \d+ new and 0 changed/);
    expect(await rows(fresh.dataSource, ids)).toEqual(await rows(api.dataSource, ids));
  } finally {
    await fresh.dataSource.destroy();
  }
});

it('says in a dry run what it would change, and changes nothing', async () => {
  const { running } = await closedAndRunning();
  const before = await rows(api.dataSource, [running]);
  await api.dataSource.query(`UPDATE cases SET title = 'skadad rad' WHERE id = $1`, [running]);
  const damaged = await rows(api.dataSource, [running]);

  const dry = await rebuild(testServers().databaseUrl, ['--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain(`changed  ${running}`);
  expect(dry.stdout).toContain('Dry run: nothing was changed.');
  expect(await rows(api.dataSource, [running])).toEqual(damaged);

  expect((await rebuild(testServers().databaseUrl)).code).toBe(0);
  expect(await rows(api.dataSource, [running])).toEqual(before);
});

it('refuses, and writes nothing, when the read model is ahead of a workflow', async () => {
  const { closed, running } = await closedAndRunning();
  await api.dataSource.query(`UPDATE cases SET title = 'skadad rad' WHERE id = $1`, [running]);
  await api.dataSource.query(`UPDATE cases SET sequence = sequence + 100 WHERE id = $1`, [closed]);
  const before = await rows(api.dataSource, [closed, running]);
  try {
    const refused = await rebuild(testServers().databaseUrl);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refused: the read model is ahead of the workflow');
    expect(refused.stderr).toContain(closed);
    expect(await rows(api.dataSource, [closed, running])).toEqual(before);
  } finally {
    await api.dataSource.query(`UPDATE cases SET sequence = sequence - 100 WHERE id = $1`, [closed]);
  }
});

it('fails clearly and changes nothing while PostgreSQL is away', async () => {
  const { closed, running } = await closedAndRunning();
  const folder = mkdtempSync(join(tmpdir(), 'overens-rebuild-'));
  chmodSync(folder, 0o755);
  const port = await freePort();
  const start = () => spawnPostgres({ dataDir: join(folder, 'postgres'), port, database: 'overens_rebuild' });
  let postgres = await start();
  try {
    const own = await createDataSource(postgres.url, { poolSize: 1 }).initialize();
    await migrate(own);
    expect((await rebuild(postgres.url)).code).toBe(0);
    const before = await rows(own, [closed, running]);
    await own.destroy();

    await postgres.stop();
    const failed = await rebuild(postgres.url);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`read-model:rebuild: the database (127.0.0.1:${port}/overens_rebuild) does not answer`);

    postgres = await start();
    const after = await createDataSource(postgres.url, { poolSize: 1 }).initialize();
    expect(await rows(after, [closed, running])).toEqual(before);
    await after.destroy();
  } finally {
    await postgres.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

// Last: the deletion, started first, has had the whole file's time to go through.
it('keeps a closed case whose workflow Temporal deleted, row for row, and rewrites a running one', async () => {
  const { closed, running, before } = await deleted;
  await workflowGone(closed);
  // A damaged row of the running case, for the rebuild to repair from its workflow.
  await api.dataSource.query(`UPDATE cases SET stage = 'council', waiting_on = '{}' WHERE id = $1`, [running]);
  const full = await rebuild(testServers().databaseUrl);
  expect(full.code).toBe(0);
  expect(full.stdout).toMatch(/wrote 0 new and [1-9]\d* changed/);
  expect(await rows(api.dataSource, [closed, running])).toEqual(before);

  const record = await api.request('GET', `/api/cases/${closed}`);
  expect(record.status).toBe(200);
  expect(record.body.stage).toBe('withdrawn');
  expect(record.body.history.map((entry: { type: string }) => entry.type)).toEqual(
    (before as { history: { case_id: string; type: string }[] }).history.filter((entry) => entry.case_id === closed).map((entry) => entry.type),
  );
});
