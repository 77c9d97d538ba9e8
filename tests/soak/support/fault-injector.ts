import { setTimeout as sleep } from 'node:timers/promises';
import type { SeededRandom } from './seeded-random';
import type { SoakStack } from './soak-stack';

export const FAULT_KINDS = ['worker-kill', 'api-kill', 'temporal-restart', 'postgres-outage'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface InjectedFault {
  readonly kind: FaultKind;
  /** Seconds since the soak started. */
  readonly at: number;
  /** How long the part was away: the pause, or the outage. */
  readonly awayMs: number;
  /** From the fault until the part was back and ready. */
  readonly tookMs: number;
}

/**
 * Injects one fault at a time. Faults come in rounds of all four kinds in a random order;
 * a round lasts half the period, each fault at a random moment of its quarter of the
 * round, so no kind waits longer than a period for its next turn (unless the faults
 * themselves run late, which the measured gaps show).
 */
export class FaultInjector {
  readonly injected: InjectedFault[] = [];
  private stopped = false;

  constructor(
    private readonly stack: SoakStack,
    private readonly random: SeededRandom,
    private readonly periodMs: number,
    private readonly startedAt: number,
  ) {}

  async run(): Promise<void> {
    const roundMs = this.periodMs / 2;
    let roundStart = Date.now();
    while (!this.stopped) {
      const order = this.random.shuffle(FAULT_KINDS);
      for (const [slot, kind] of order.entries()) {
        const at = roundStart + (roundMs * (slot + this.random.between(0.1, 0.9))) / order.length;
        await this.sleepUntil(at);
        if (this.stopped) return;
        await this.inject(kind);
      }
      roundStart = Math.max(roundStart + roundMs, Date.now());
    }
  }

  stop(): void {
    this.stopped = true;
  }

  count(kind: FaultKind): number {
    return this.injected.filter((fault) => fault.kind === kind).length;
  }

  /** The longest time without a fault of this kind, from the start to `endedAt`, in seconds. */
  longestGapSeconds(kind: FaultKind, endedAt: number): number {
    const times = [0, ...this.injected.filter((fault) => fault.kind === kind).map((fault) => fault.at), (endedAt - this.startedAt) / 1000];
    let longest = 0;
    for (let index = 1; index < times.length; index++) longest = Math.max(longest, times[index] - times[index - 1]);
    return longest;
  }

  private async inject(kind: FaultKind): Promise<void> {
    const started = Date.now();
    let awayMs: number;
    switch (kind) {
      case 'worker-kill':
        awayMs = this.random.between(0, 3000);
        await this.stack.killWorker(awayMs);
        break;
      case 'api-kill':
        awayMs = this.random.between(0, 2000);
        await this.stack.killApi(awayMs);
        break;
      case 'temporal-restart':
        awayMs = this.random.between(0, 3000);
        await this.stack.restartTemporal(awayMs);
        break;
      case 'postgres-outage':
        awayMs = this.random.between(2000, 10_000);
        await this.stack.postgresOutage(awayMs);
        break;
    }
    const fault = { kind, at: Math.round((started - this.startedAt) / 100) / 10, awayMs: Math.round(awayMs), tookMs: Date.now() - started };
    this.injected.push(fault);
    process.stdout.write(`soak: ${fault.at} s ${kind} (away ${fault.awayMs} ms, back after ${fault.tookMs} ms)\n`);
  }

  private async sleepUntil(time: number): Promise<void> {
    while (!this.stopped && Date.now() < time) await sleep(Math.min(500, time - Date.now()));
  }
}
