import { cpus, platform, release, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { connectClient } from '../../libs/temporal/temporal-connection';
import { checkIntegrity, compareAnswers, compareStarts, runLoad, throughputLevels } from './answers.bench';
import { beforePatches, registerParties, type BenchContext } from './bench-context';
import { startBenchStack } from './bench-stack';
import { finish } from './bench.workflows';
import { compareReads } from './read-model.bench';
import { judgeGoals, renderMarkdown, type BenchResults } from './report';
import { eventsPerFinishedCase, nationalCase, openCases, sixteenAtOnce } from './scale.bench';

const ROOT = resolve(__dirname, '..', '..', '..');
const DOCS_START = '<!-- bench:results -->';
const DOCS_END = '<!-- /bench:results -->';

function numberSetting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * `npm run bench`: the embedded stack (or DATABASE_URL / TEMPORAL_ADDRESS), loaded side
 * by side with the floors of each path; writes benchmark.md and benchmark.json.
 */
async function main(): Promise<void> {
  const benchStarted = performance.now();
  const log = (line: string) => console.log(`bench: ${line}`);
  const openCaseTarget = numberSetting('BENCH_OPEN_CASES', 10_000);
  // The whole run is to stay under 15 minutes with the build: the open cases get what is left of 12.
  const openCaseSeconds = numberSetting('BENCH_OPEN_CASES_SECONDS', 420);
  const runSeconds = numberSetting('BENCH_RUN_SECONDS', 720);
  const levelMs = numberSetting('BENCH_LEVEL_SECONDS', 12) * 1000;

  log('starting the stack…');
  const stack = await startBenchStack(log);
  log(`logs of our processes in ${stack.logDir}`);
  const temporal = await connectClient(stack.temporalAddress, stack.namespace);
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 8 });
  const context: BenchContext = { stack, temporal, pool, accepted: [], parties: await registerParties({ stack }), log };
  try {
    log('3. dashboard and case list against hand-written SQL…');
    const reads = [];
    for (const cases of [1_000, 10_000, 100_000]) reads.push(await compareReads(context, cases, 30));

    const before = beforePatches(context);
    log('2. starting cases…');
    const { comparison: start, caseIds, noopIds, beforeCaseIds } = await compareStarts(context, before, 64);

    log('1. answering…');
    const answer = await compareAnswers(context, { ours: caseIds, before: beforeCaseIds, noop: noopIds }, before, 150);
    log(`  answer median ${answer.ours.median.toFixed(1)} ms`);

    log('4. throughput…');
    const throughput = await throughputLevels(context, caseIds, [1, 4, 16, 64], levelMs);
    const peak = throughput.reduce((best, level) => (level.answersPerSecond > best.answersPerSecond ? level : best));
    const oursAt64 = throughput.find((level) => level.clients === 64) ?? (await runLoad(context, caseIds, 64, levelMs));
    const beforeAt64 = await runLoad(before, beforeCaseIds, 64, levelMs);
    log(`  64 clients before the patches: ${beforeAt64.answersPerSecond.toFixed(1)} answers/s`);

    log(`two APIs and two workers at ${peak.clients} clients…`);
    const one = await runLoad(context, caseIds, peak.clients, levelMs);
    await stack.addInstance();
    await runLoad(context, caseIds, peak.clients, 3000);
    const two = await runLoad(context, caseIds, peak.clients, levelMs);
    log(`  ${one.answersPerSecond.toFixed(1)} → ${two.answersPerSecond.toFixed(1)} answers/s`);
    const integrity = await checkIntegrity(context, caseIds);
    await stack.removeInstance();

    log('5. simultaneous answers…');
    const simultaneous = [await sixteenAtOnce(context), await nationalCase(context)];

    log('6. events per finished case…');
    const events = await eventsPerFinishedCase(context);

    const budget = Math.max(30, Math.min(openCaseSeconds, runSeconds - 30 - (performance.now() - benchStarted) / 1000));
    log(`5. open cases (asked: ${openCaseTarget}, budget ${budget.toFixed(0)} s)…`);
    const open = await openCases(context, openCaseTarget, budget);

    await Promise.all(noopIds.map((id) => temporal.workflow.getHandle(id).signal(finish)));

    const cpu = cpus();
    const partial: Omit<BenchResults, 'goals'> = {
      date: new Date().toISOString(),
      machine: `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}`,
      servers: stack.embedded ? 'embedded PostgreSQL 17 and Temporal dev server (in memory)' : 'configured servers (DATABASE_URL / TEMPORAL_ADDRESS)',
      durationSeconds: (performance.now() - benchStarted) / 1000,
      start,
      answer,
      reads,
      throughput,
      beforePatches: { ours: oursAt64, before: beforeAt64 },
      scaleOut: { one, two, integrity },
      simultaneous,
      openCases: open,
      events,
    };
    const results: BenchResults = { ...partial, goals: judgeGoals(partial) };
    const markdown = renderMarkdown(results);
    const outDir = resolve(process.env.BENCH_OUT_DIR ?? join(ROOT, 'dist', 'bench'));
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'benchmark.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(outDir, 'benchmark.md'), markdown);
    if (process.argv.includes('--docs')) updateDocs(markdown);
    console.log(`\n${markdown}`);
    log(`written: ${join(outDir, 'benchmark.md')} and benchmark.json`);
  } catch (error) {
    // Said before the servers stop: clients still retrying may fail loudly once they are gone.
    console.error('bench: failed:', error);
    throw error;
  } finally {
    await pool.end();
    await temporal.connection.close();
    await stack.stop();
  }
}

/** Puts the table into docs/benchmark.md between its markers. */
function updateDocs(markdown: string): void {
  const path = join(ROOT, 'docs', 'benchmark.md');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(DOCS_START);
  const end = text.indexOf(DOCS_END);
  if (start < 0 || end < start) throw new Error(`${path} has no ${DOCS_START} … ${DOCS_END} markers`);
  writeFileSync(path, `${text.slice(0, start + DOCS_START.length)}\n${markdown}${text.slice(end)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench: stopped:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
