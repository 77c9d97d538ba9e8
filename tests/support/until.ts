import { setTimeout as sleep } from 'node:timers/promises';

/** Reads until `done` holds, for about ten seconds; then the last reading, for the test's assertion to show. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(100);
  }
  return read();
}
