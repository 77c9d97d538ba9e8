import { DefaultLogger, type LogEntry, type LogLevel } from '@temporalio/worker';

export type LogSink = (line: string) => void;

const stdout: LogSink = (line) => process.stdout.write(`${line}\n`);

/**
 * The worker's log as JSON lines, like the API's: Temporal's SDK and its native core
 * (forwarded) write through it. The SDK's fields are ids (workflow, run, activity, task
 * queue), never the cases' contents.
 */
export function jsonLogger(level: LogLevel = 'INFO', sink: LogSink = stdout): DefaultLogger {
  return new DefaultLogger(level, (entry: LogEntry) => sink(jsonLine(entry)));
}

export function jsonLine(entry: LogEntry): string {
  const { message, level, meta, timestampNanos } = entry;
  const fields = Object.fromEntries(Object.entries(meta ?? {}).map(([key, value]) => [key, value instanceof Error ? `${value.name}: ${value.message}` : value]));
  return JSON.stringify({
    time: new Date(Number(timestampNanos / 1_000_000n)).toISOString(),
    level: level.toLowerCase(),
    msg: message,
    context: 'worker',
    ...fields,
  });
}

/** A line of the worker's own, in the same shape. */
export function workerLogLine(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ time: new Date().toISOString(), level, msg, context: 'worker', ...fields });
}
