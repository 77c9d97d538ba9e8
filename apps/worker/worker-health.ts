import { createServer, type Server } from 'node:http';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';

const CHECK_TIMEOUT_MS = 2000;

/**
 * The worker's health for an orchestrator, on a port of its own: `/health/live` while the
 * process runs, `/health/ready` while it polls its task queue and its database answers,
 * 503 naming the check that fails. No personal data.
 */
export async function serveWorkerHealth(port: number, worker: Worker, dataSource: DataSource): Promise<Server> {
  const server = createServer((request, response) => {
    const answer = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET') return answer(405, { status: 'method-not-allowed' });
    if (request.url === '/health/live') return answer(200, { status: 'ok' });
    if (request.url !== '/health/ready') return answer(404, { status: 'not-found' });
    void (async () => {
      const polling = worker.getState() === 'RUNNING' ? 'ok' : 'unavailable';
      const database = await withTimeout(dataSource.query('SELECT 1')).then(
        () => 'ok',
        () => 'unavailable',
      );
      const ready = polling === 'ok' && database === 'ok';
      answer(ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', checks: { worker: polling, database } });
    })();
  });
  // Listening before the worker says it polls: whoever watches for that line finds its health up.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}
