import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDataSource } from '../../libs/persistence';
import { connectClient } from '../../libs/temporal/temporal-connection';
import { FAULT_KINDS, FaultInjector } from './support/fault-injector';
import { checkInvariant, knownCaseIds, readBothSides, settled, type CaseSides } from './support/invariant';
import { Ledger } from './support/ledger';
import { SoakClient, type ClientControl } from './support/soak-client';
import { readSoakSettings } from './support/soak-settings';
import { SoakStack } from './support/soak-stack';
import { SeededRandom } from './support/seeded-random';

/**
 * The soak, run by hand (tests/soak/README.md): the real API and worker programs, the
 * Temporal dev server and PostgreSQL, clients answering all the while, and faults on a
 * seeded schedule. After the run settles, every case must hold exactly the answers its
 * clients were told succeeded, in the workflow and in the read model alike.
 */
const settings = readSoakSettings();
const STARTUP_ALLOWANCE_MS = 5 * 60_000;

it(
  `keeps every answer exactly once through ${settings.minutes} min of faults`,
  async () => {
    // Times are told from the moment the clients start (the stack's start-up before it).
    let origin = Date.now();
    const elapsedSeconds = () => ((Date.now() - origin) / 1000).toFixed(1);
    const root = resolve(__dirname, '..', '..');
    mkdirSync(join(root, '.test-data'), { recursive: true });
    const runDir = mkdtempSync(join(root, '.test-data', 'soak-'));
    // PostgreSQL runs as its own system user when we are root: it must reach its folder.
    chmodSync(runDir, 0o755);
    const [dataDir, logDir] = [join(runDir, 'data'), join(runDir, 'logs')];
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    say(
      `seed ${settings.seed} (repeat with OVERENS_SOAK_SEED=${settings.seed}); ${settings.minutes} min, ${settings.clients} clients, ` +
        `every fault at least once in ${settings.faultPeriodSeconds} s; logs in ${logDir}`,
    );

    const random = new SeededRandom(settings.seed);
    const stack = await SoakStack.start({
      dataDir,
      logDir,
      taskQueue: `soak-${randomUUID()}`,
      token: `soak-token-${randomUUID()}`,
      linkSecret: `soak-link-secret-${randomUUID()}`,
      updateTimeoutSeconds: settings.updateTimeoutSeconds,
      elapsedSeconds,
    });
    let clean = false;
    try {
      say(`stack up after ${elapsedSeconds()} s: API ${stack.apiUrl}, Temporal ${stack.temporalAddress}`);
      const ledger = new Ledger();
      const runStarted = Date.now();
      origin = runStarted;
      const control: ClientControl = { stopping: false, giveUpAt: Number.POSITIVE_INFINITY };
      const faults = new FaultInjector(stack, random.fork(-1), settings.faultPeriodSeconds * 1000, runStarted);
      const clients = Array.from({ length: settings.clients }, (_, index) =>
        new SoakClient(`soak-${settings.seed}-client${index}`, { url: stack.apiUrl, token: stack.token }, ledger, random.fork(index), control).run(),
      );
      const faulting = faults.run();

      const runEnds = runStarted + settings.minutes * 60_000;
      while (Date.now() < runEnds) {
        await sleep(Math.min(30_000, runEnds - Date.now()));
        say(`${elapsedSeconds()} s: ${ledger.counters.requests} requests, ${ledger.count('decision', 'acknowledged')} decisions acknowledged, ${faults.injected.length} faults`);
      }

      // Settle: no new faults, every part up, clients finish what they have under way.
      say(`${elapsedSeconds()} s: run over, settling`);
      faults.stop();
      await faulting;
      const faultsEnded = Date.now();
      control.stopping = true;
      control.giveUpAt = Date.now() + settings.settleMinutes * 60_000;
      await Promise.all(clients);

      const dataSource = await createDataSource(stack.databaseUrl, { poolSize: 2 }).initialize();
      const temporal = await connectClient(stack.temporalAddress, 'default');
      const cases = new Map<string, CaseSides>();
      const later = new Map<string, CaseSides>();
      const rebuilt = new Map<string, CaseSides>();
      try {
        const ids = await knownCaseIds(ledger, dataSource, temporal);
        for (const id of ids) {
          let sides = await readBothSides(id, dataSource, temporal);
          while (!settled(sides) && Date.now() < control.giveUpAt) {
            await sleep(1000);
            sides = await readBothSides(id, dataSource, temporal);
          }
          cases.set(id, sides);
        }
        // Settled means it stays so: a while later both sides must still say the same.
        await sleep(10_000);
        for (const id of await knownCaseIds(ledger, dataSource, temporal)) later.set(id, await readBothSides(id, dataSource, temporal));
        // A rebuild of the read model from the workflows must leave every case as it found it.
        say(`${elapsedSeconds()} s: ${await rebuildReadModel(stack)}`);
        for (const id of later.keys()) rebuilt.set(id, await readBothSides(id, dataSource, temporal));
      } finally {
        await temporal.connection.close();
        await dataSource.destroy();
      }
      say(`${elapsedSeconds()} s: settled, ${cases.size} cases read from both sides`);

      const violations = [...ledger.anomalies, ...checkInvariant(cases, ledger)];
      for (const [id, sides] of later) {
        const before = cases.get(id);
        if (!before) violations.push(`case ${id}: appeared after the run had settled`);
        else if (sides.truth?.sequence !== before.truth?.sequence || sides.readModel?.sequence !== before.readModel?.sequence) {
          violations.push(`case ${id}: changed after the run had settled (workflow ${before.truth?.sequence} → ${sides.truth?.sequence}, read model ${before.readModel?.sequence} → ${sides.readModel?.sequence})`);
        }
      }
      violations.push(...checkInvariant(later, ledger).map((violation) => `10 s after settling: ${violation}`));
      violations.push(...checkInvariant(rebuilt, ledger).map((violation) => `after the rebuild: ${violation}`));
      for (const [id, sides] of rebuilt) {
        if (sides.readModel?.sequence !== later.get(id)?.readModel?.sequence) violations.push(`case ${id}: the rebuild moved its read model`);
      }
      const unresolved = [...ledger.submissions.values()].filter((submission) => submission.verdict === 'unresolved');
      for (const submission of unresolved) violations.push(`${submission.key}: never got a final answer (${submission.sends} sends)`);

      const stackFigures = stack.figures();
      const closed = [...cases.values()].filter((sides) => sides.truth && ['in-force', 'rejected', 'withdrawn', 'closed', 'expired'].includes(sides.truth.stage)).length;
      const figures = {
        seed: settings.seed,
        minutes: settings.minutes,
        clients: settings.clients,
        cases: cases.size,
        casesClosed: closed,
        opensAcknowledged: ledger.count('open', 'acknowledged'),
        recommendationsAcknowledged: ledger.count('council', 'acknowledged'),
        decisionsAcknowledged: ledger.count('decision', 'acknowledged'),
        misfitsSent: ledger.counters.misfitsSent,
        misfitsRefused: ledger.count('council', 'refused', true) + ledger.count('decision', 'refused', true),
        requests: ledger.counters.requests,
        duplicatesSent: ledger.counters.duplicatesSent,
        retriesAfter503: ledger.counters.retriesAfter503,
        retriesAfterLostConnection: ledger.counters.retriesAfterLostConnection,
        unresolved: unresolved.length,
        faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, faults.count(kind)])),
        longestGapSeconds: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, Math.round(faults.longestGapSeconds(kind, faultsEnded))])),
        restarts: {
          worker: stackFigures.workerStarts - 1,
          api: stackFigures.apiStarts - 1,
          temporal: stackFigures.temporalStarts - 1,
          postgres: stackFigures.postgresStarts - 1,
        },
        unexpectedExits: stackFigures.unexpectedExits,
        acknowledgementLatencyMs: spread(ledger.acknowledgementLatencies),
        requestLatencyMs: spread(ledger.requestLatencies),
        violations,
      };
      writeFileSync(join(logDir, 'figures.json'), `${JSON.stringify({ ...figures, faultLog: faults.injected }, null, 2)}\n`);
      say(`figures (also in ${join(logDir, 'figures.json')}):\n${JSON.stringify(figures, null, 2)}`);

      expect(violations).toEqual([]);
      expect(stackFigures.unexpectedExits).toEqual([]);
      for (const kind of FAULT_KINDS) expect(faults.count(kind)).toBeGreaterThan(0);
      clean = true;
    } finally {
      await stack.stop();
      // A clean run leaves its logs only; a failed one keeps the servers' data to look into.
      if (clean) rmSync(dataDir, { recursive: true, force: true });
      say(`done after ${elapsedSeconds()} s; ${clean ? 'logs' : 'logs and data'} in ${runDir}`);
    }
  },
  settings.minutes * 60_000 + 2 * settings.settleMinutes * 60_000 + STARTUP_ALLOWANCE_MS,
);

/** The operator's rebuild program against the soak's servers; its summary line. */
async function rebuildReadModel(stack: SoakStack): Promise<string> {
  const cli = resolve(__dirname, '..', '..', 'dist', 'apps', 'cli', 'rebuild-read-model.js');
  const { stdout } = await promisify(execFile)(process.execPath, [cli], {
    env: { ...process.env, DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress },
  });
  return stdout.trim();
}

function say(line: string): void {
  process.stdout.write(`soak: ${line}\n`);
}

function spread(values: readonly number[]): { count: number; median: number; p95: number; max: number } {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  return { count: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}
