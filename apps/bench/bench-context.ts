import type { Client } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import type { BenchStack } from './bench-stack';
import { httpRequest, type HttpAnswer } from './http-client';
import type { ProcessGroups } from './process-sampler';

/** What every part of the bench works with. */
export interface BenchContext {
  readonly stack: BenchStack;
  readonly temporal: Client;
  readonly pool: Pool;
  /** Every answer the API accepted: checked at the end against the read model, none lost or doubled. */
  readonly accepted: { caseId: string; key: string }[];
  /** The register's active parties when the bench began (the seed's 16 on a fresh database). */
  readonly parties: readonly { readonly id: string; readonly name: string }[];
  log(line: string): void;
}

/** The same bench against the API and worker that run the case workflow as it was before its patches. */
export function beforePatches(context: BenchContext): BenchContext {
  const { api, worker } = context.stack.beforePatches;
  return { ...context, stack: { ...context.stack, apis: [api], workers: [worker] } };
}

export function apiCall(context: Pick<BenchContext, 'stack'>, method: string, path: string, body?: unknown, key?: string, apiIndex = 0): Promise<HttpAnswer> {
  const api = context.stack.apis[apiIndex % context.stack.apis.length];
  return httpRequest(method, `${api.url}${path}`, context.stack.adminToken, body, key ? { 'idempotency-key': key } : {});
}

export async function expectStatus(answer: Promise<HttpAnswer>, status: number, what: string): Promise<any> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`${what}: HTTP ${got}, expected ${status}: ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

export interface SentAnswer {
  readonly ms: number;
  /** 503s on the way: refused for load, retried with the same key as the contract says. */
  readonly refused: number;
}

/** The register's active parties, through the API. */
export async function registerParties(context: Pick<BenchContext, 'stack'>): Promise<{ id: string; name: string }[]> {
  const parties = (await expectStatus(apiCall(context, 'GET', '/api/parties'), 200, 'list the parties')) as { id: string; name: string }[];
  return parties.map(({ id, name }) => ({ id, name }));
}

/** A party's decision through the API, retried with the same Idempotency-Key on 503 like any client. */
export async function sendDecision(
  context: BenchContext,
  caseId: string,
  decision: Record<string, unknown>,
  key: string,
  apiIndex = 0,
): Promise<SentAnswer> {
  const started = performance.now();
  let refused = 0;
  for (;;) {
    const answer = await apiCall(context, 'POST', `/api/cases/${caseId}/decisions`, decision, key, apiIndex);
    if (answer.status === 200) {
      context.accepted.push({ caseId, key });
      return { ms: performance.now() - started, refused };
    }
    if (answer.status !== 503 || refused >= 40) throw new Error(`decision on ${caseId}: HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
    refused += 1;
    await sleep(250);
  }
}

/** The processes to sample, each a process tree; PostgreSQL and Temporal only when the bench started them. */
export function processGroups(context: BenchContext): ProcessGroups {
  const { stack } = context;
  const optional = (pid: number | undefined) => (pid === undefined ? [] : [pid]);
  return {
    api: { pids: () => stack.apis.map((api) => api.program.pid), tree: false },
    worker: { pids: () => stack.workers.map((worker) => worker.pid), tree: false },
    postgres: { pids: () => optional(stack.postgresPid()), tree: true },
    temporal: { pids: () => optional(stack.temporalPid), tree: true },
    // The load generator: this process alone, not its children.
    bench: { pids: () => [process.pid], tree: false },
  };
}
