import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { REGIONAL_AGREEMENT, type Actor } from '../../libs/domain';
import { caseWorkflow } from '../../workflows/case.workflow';
import { caseWorkflowId, recordCouncilOutcome, recordDecision, recordNetworkOutcome, reviseCase } from '../../workflows/case.messages';
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
const council = (outcome: 'recommend' | 'refer-back' | 'reject', extra = {}): Step => (handle) =>
  handle.executeUpdate(recordCouncilOutcome, { args: [{ outcome, date: '2024-06-13', actor, ...extra }] });
const network = (outcome: 'forward' | 'table' | 'withdraw' | 'reject', extra = {}): Step => (handle) =>
  handle.executeUpdate(recordNetworkOutcome, { args: [{ outcome, date: '2024-09-19', actor, ...extra }] });
const decide = (party: string, outcome: 'scheduled' | 'adopted' | 'rejected' | 'opted-out'): Step => (handle) =>
  handle.executeUpdate(recordDecision, { args: [{ party, outcome, date: '2024-10-10', actor }] });
const revise = (reopen: string[]): Step => (handle) =>
  handle.executeUpdate(reviseCase, { args: [{ date: '2024-11-14', note: 'Ny kostnadsfördelning', reopen, actor }] });

/** Every path a case can take today; each becomes one recorded history. */
const PATHS: Record<string, { parties: string[]; steps: Step[] }> = {
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

(recording ? it : it.skip)('records the histories of every path', async () => {
  const taskQueue = uniqueTaskQueue('record');
  const { worker, close } = await createTestWorker(taskQueue, dataSource);
  await worker.runUntil(async () => {
    for (const [name, path] of Object.entries(PATHS)) {
      const id = randomUUID();
      const handle = await client.workflow
        .start(caseWorkflow, {
          workflowId: caseWorkflowId(id),
          taskQueue,
          args: [{
            opening: { id, title: name, reference: null, parties: path.parties, deadline: '2024-12-31', attachments: [], networkDecision: { date: '2024-05-16' }, actor, requestId: null },
            process: { id: REGIONAL_AGREEMENT.id, version: REGIONAL_AGREEMENT.version },
          }],
        })
        .catch((error: unknown) => {
          throw error instanceof WorkflowExecutionAlreadyStartedError ? new Error('duplicate id') : error;
        });
      for (const step of path.steps) await step(handle);
      await handle.result();
      // Exported the way Temporal's own tools do, in the JSON that historyFromJSON reads.
      const json = execFileSync(resolveTemporalCli(), ['workflow', 'show', '--workflow-id', handle.workflowId, '--address', testServers().temporalAddress, '--output', 'json']);
      writeFileSync(join(HISTORIES, `${name}.json`), json);
    }
  });
  await close();
});

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
