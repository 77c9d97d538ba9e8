import { ApplicationFailure } from '@temporalio/common';
import { JsonLogger } from '../../apps/api/request-log';

/** The API's own log lines: an error names what it wraps by kind, never by its words. */
it("names an error's cause by its kind and type, leaving the cause's message out", () => {
  const lines: string[] = [];
  const logger = new JsonLogger((line) => lines.push(line));
  const cause = ApplicationFailure.create({ type: 'UnprocessedUpdate', message: 'Mora har inte svarat', nonRetryable: true });
  logger.error(new Error('Workflow Update failed', { cause }));
  logger.error(new Error('Something plain'));

  const [wrapped, plain] = lines.map((line) => JSON.parse(line) as { level: string; msg: string });
  expect(wrapped).toMatchObject({ level: 'error', msg: 'Error: Workflow Update failed (cause: ApplicationFailure UnprocessedUpdate)' });
  expect(wrapped.msg).not.toContain('Mora');
  expect(plain.msg).toBe('Error: Something plain');
});
