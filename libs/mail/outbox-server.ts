import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { OUTBOX_STYLESHEET, outboxPage, type CaughtMessage } from './outbox.view';

export type { CaughtMessage };

export interface OutboxOptions {
  /** 0 for any free port. */
  readonly smtpPort: number;
  readonly httpPort: number;
  readonly host?: string;
  /** How many messages are kept; the oldest go first. */
  readonly limit?: number;
}

export interface RunningOutbox {
  readonly smtpUrl: string;
  readonly httpUrl: string;
  /** Newest first. */
  messages(): CaughtMessage[];
  clear(): void;
  stop(): Promise<void>;
}

const PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * A catching SMTP server for development and tests: it accepts every message (no
 * authentication, no TLS, on localhost), keeps the latest in memory and shows them on a
 * web page in Swedish, with JSON at /api/messages for tests.
 */
export async function startOutbox(options: OutboxOptions): Promise<RunningOutbox> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.limit ?? 500;
  let caught: CaughtMessage[] = [];
  let sequence = 0;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          sequence += 1;
          const envelope = session.envelope;
          caught = [
            {
              id: String(sequence),
              receivedAt: new Date().toISOString(),
              from: envelope.mailFrom ? envelope.mailFrom.address : (parsed.from?.text ?? ''),
              to: envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
            },
            ...caught,
          ].slice(0, limit);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  const web = createServer((request, response) => serve(request, response));

  function serve(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', 'http://outbox').pathname;
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // The messages hold the parties' links: they must not travel on as a referrer.
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-store');
    const reading = request.method === 'GET' || request.method === 'HEAD';
    if (path === '/' && reading) {
      response.setHeader('Content-Security-Policy', PAGE_POLICY);
      return send(response, 200, 'text/html; charset=utf-8', outboxPage(caught, limit));
    }
    if (path === '/utkorg.css' && reading) return send(response, 200, 'text/css; charset=utf-8', OUTBOX_STYLESHEET);
    if (path === '/api/messages' && reading) return send(response, 200, 'application/json', JSON.stringify(caught));
    if (path === '/api/messages' && request.method === 'DELETE') {
      caught = [];
      response.writeHead(204).end();
      return;
    }
    send(response, 404, 'text/plain; charset=utf-8', 'Sidan finns inte.');
  }

  await listen((done) => smtp.listen(options.smtpPort, host, done));
  try {
    await listen((done) => web.listen(options.httpPort, host, done));
  } catch (error) {
    await new Promise<void>((done) => smtp.close(done));
    throw error;
  }
  const address = (server: Server) => `${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;

  return {
    smtpUrl: `smtp://${address(smtp.server)}`,
    httpUrl: `http://${address(web)}`,
    messages: () => [...caught],
    clear: () => {
      caught = [];
    },
    async stop() {
      web.closeAllConnections();
      await Promise.all([new Promise<void>((done) => smtp.close(done)), new Promise<void>((done) => web.close(() => done()))]);
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type }).end(body);
}

/** Resolves once listening; rejects when the port cannot be had. */
function listen(start: (done: () => void) => Server): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = start(() => {
      server.off('error', reject);
      resolve();
    });
    server.once('error', reject);
  });
}
