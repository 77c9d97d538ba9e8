import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { createFreshDatabase } from '../support/fresh-database';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * A connection to PostgreSQL lost in a query's middle — the server gone between the
 * query's send and its answer, as when it stops — is a 503 to try again, never a 500
 * (the soak found one). The API reaches PostgreSQL through a TCP relay of the test's
 * own that can cut a connection the moment the API sends the read of one case.
 */
const CASE_READ = 'overens-case-by-id';

let relay: Server;
let api: TestApi;
let cutOnCaseRead = false;
const cuts: string[] = [];

beforeAll(async () => {
  const target = new URL(await createFreshDatabase('connection_cut'));
  relay = createServer((client: Socket) => {
    const server = connect(Number(target.port), target.hostname);
    server.on('error', () => client.destroy());
    client.on('error', () => server.destroy());
    server.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (cutOnCaseRead && chunk.includes(CASE_READ)) {
        cuts.push(CASE_READ);
        client.destroy();
        server.destroy();
        return;
      }
      server.write(chunk);
    });
  });
  await new Promise<void>((listening) => relay.listen(0, '127.0.0.1', listening));
  const address = relay.address();
  if (address === null || typeof address === 'string') throw new Error('the relay has no port');
  const relayed = new URL(target.toString());
  relayed.hostname = '127.0.0.1';
  relayed.port = String(address.port);
  api = await startTestApi({ databaseUrl: relayed.toString(), withWorker: false });
});

afterAll(async () => {
  await api?.close();
  await new Promise((closed) => relay?.close(closed));
});

it('answers 503, not 500, when the connection is lost in the middle of a query, and serves again after', async () => {
  const caseId = randomUUID();
  cutOnCaseRead = true;
  const cut = await api.request('GET', `/api/cases/${caseId}`);
  cutOnCaseRead = false;
  expect(cuts).toEqual([CASE_READ]);
  expect(cut.status).toBe(503);
  expect(cut.body).toEqual({ error: 'unavailable', message: 'Databasen svarar inte just nu. Försök igen om en stund.' });

  // A new connection, and the same read answers as the contract says.
  const again = await api.request('GET', `/api/cases/${caseId}`);
  expect(again.status).toBe(404);
});
