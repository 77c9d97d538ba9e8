import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * One JSON line per request and per log message, each with the request's id: accepted
 * from `X-Request-Id` when it is a plain token, made anew otherwise, echoed in the answer
 * and sent on to Temporal with the request's workflow calls. Route patterns and ids only:
 * no addresses, names or bodies.
 */
const requestIds = new AsyncLocalStorage<string>();
const ACCEPTED_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type LogSink = (line: string) => void;

const stdout: LogSink = (line) => process.stdout.write(`${line}\n`);

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}

export function requestLog(sink: LogSink = stdout) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const sent = request.header('x-request-id');
    const id = sent && ACCEPTED_ID.test(sent) ? sent : randomUUID();
    response.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      sink(
        JSON.stringify({
          time: new Date().toISOString(),
          level: response.statusCode >= 500 ? 'error' : 'info',
          msg: 'request',
          requestId: id,
          method: request.method,
          route: typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched',
          status: response.statusCode,
          durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
        }),
      );
    });
    requestIds.run(id, next);
  };
}

/** Nest's own messages as JSON lines with the request id, so that one collector reads everything. */
export class JsonLogger implements LoggerService {
  constructor(private readonly sink: LogSink = stdout) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }

  private write(level: string, message: unknown, context?: string, trace?: string): void {
    const text = message instanceof Error ? `${message.name}: ${message.message}${causeOf(message)}` : String(message);
    this.sink(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        msg: text,
        ...(context ? { context } : {}),
        ...(currentRequestId() ? { requestId: currentRequestId() } : {}),
        ...(trace ? { trace } : {}),
      }),
    );
  }
}

/**
 * What an error wraps, by kind only (a Temporal failure's type, say): enough to tell one
 * server fault from another, without a message that might carry a name.
 */
function causeOf(error: Error): string {
  const cause = error.cause;
  if (!(cause instanceof Error)) return '';
  const type = (cause as { type?: unknown }).type;
  return ` (cause: ${cause.name}${typeof type === 'string' ? ` ${type}` : ''})`;
}
