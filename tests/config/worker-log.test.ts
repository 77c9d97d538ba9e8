import { jsonLine, jsonLogger } from '../../apps/worker/worker-log';

describe("the worker's log", () => {
  it('is one JSON line per entry: time, level, message and the SDK’s ids, an error as its name and message', () => {
    const line = jsonLine({
      level: 'WARN',
      message: 'Activity failed',
      timestampNanos: 1_764_000_000_123_000_000n,
      meta: { workflowId: 'case-1', activityType: 'projectCase', error: new TypeError('connection refused') },
    });
    expect(JSON.parse(line)).toEqual({
      time: '2025-11-24T16:00:00.123Z',
      level: 'warn',
      msg: 'Activity failed',
      context: 'worker',
      workflowId: 'case-1',
      activityType: 'projectCase',
      error: 'TypeError: connection refused',
    });
    expect(line).not.toContain('\n');
  });

  it('writes what the SDK logs at or above its level, and nothing below', () => {
    const lines: string[] = [];
    const logger = jsonLogger('INFO', (line) => lines.push(line));
    logger.debug('not written');
    logger.info('Worker state changed', { state: 'RUNNING' });
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ level: 'info', msg: 'Worker state changed', state: 'RUNNING' })]);
  });
});
