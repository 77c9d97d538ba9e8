/** Latencies of one measurement, in milliseconds. */
export interface Summary {
  readonly count: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Median and 95th percentile by nearest rank: no interpolation between samples. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { count: 0, median: Number.NaN, p95: Number.NaN, min: Number.NaN, max: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { count: sorted.length, median: rank(0.5), p95: rank(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

export function ratio(ours: number, floor: number): number {
  return floor > 0 ? ours / floor : Number.NaN;
}

/** Runs `call` and returns how long it took in milliseconds. */
export async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
