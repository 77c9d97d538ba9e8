import { WorkflowNotFoundError } from '@temporalio/client';
import type { CaseState } from '../../libs/domain';
import type { PartyNoticeOutboxRepository, UnconfirmedNotice } from '../../libs/persistence';
import type { PartyNotice } from '../../libs/workflow-contract/case.activity-types';
import { workerLogLine } from './worker-log';

/** How often the outbox is looked at: a receipt goes out at most this long after its answer is committed. */
const POLL_MS = 250;
/** Sent side by side from one look at the outbox, which looks up the parties' addresses once for them all. */
const BATCH = 20;
/**
 * A notice nobody confirmed in this time — its caller gone before it could, and no later
 * step built on it — is settled by asking its workflow. Longer than a workflow task's
 * timeout, so that a lost task has been retried by then.
 */
export const SETTLE_MS = 30_000;
const SWEEP_EVERY_MS = 2_000;
/** Waits between attempts at a notice that failed, as the activities' retries do. */
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 60_000;

export interface PartyNoticeDispatcherOptions {
  readonly outbox: PartyNoticeOutboxRepository;
  readonly taskQueue: string;
  /** E-mails notices side by side, each outcome in their order; idempotent by each notice's id (the e-mail ledger). */
  readonly send: (notices: readonly PartyNotice[]) => Promise<PromiseSettledResult<unknown>[]>;
  /** The case as its workflow has committed it; undefined when the workflow is gone. */
  readonly committedState: (caseId: string) => Promise<CaseState | undefined>;
  readonly log?: (line: string) => void;
}

/**
 * Sends the party notices of one task queue's cases from the outbox, while its worker
 * runs: those whose step is committed, each once (the e-mail ledger keeps a notice from
 * going twice, also when several workers find it at once), a failed one again after a
 * back-off. Notices left unconfirmed are settled against the workflow that holds the truth.
 */
export class PartyNoticeDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = true;
  private nextSweep = 0;
  private outboxAway = false;
  private readonly log: (line: string) => void;

  constructor(private readonly options: PartyNoticeDispatcherOptions) {
    this.log = options.log ?? ((line) => console.log(line));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops looking, after the round under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.lookOnce().finally(() => {
        this.round = undefined;
        this.schedule(POLL_MS);
      });
    }, delayMs);
  }

  private async lookOnce(): Promise<void> {
    try {
      await this.sendDue();
      if (Date.now() >= this.nextSweep) {
        this.nextSweep = Date.now() + SWEEP_EVERY_MS;
        await this.settleUnconfirmed();
      }
      if (this.outboxAway) this.log(workerLogLine('info', 'party notices: the outbox can be read again'));
      this.outboxAway = false;
    } catch (error) {
      // The database away: the notices wait in it, and the next look tries again. Said once, not four times a second.
      if (!this.outboxAway) this.log(workerLogLine('warn', 'party notices: could not read the outbox; trying again', { error: describe(error) }));
      this.outboxAway = true;
    }
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const due = await this.options.outbox.due(this.options.taskQueue, BATCH);
      if (due.length === 0) return;
      const outcomes = await this.options.send(due.map(({ notice }) => notice as PartyNotice));
      // One statement for the batch's sent notices: a receipt per answer makes this the outbox's busiest write.
      await this.options.outbox.markSent(due.filter((_, index) => outcomes[index].status === 'fulfilled').map(({ id }) => id));
      for (const [index, { id, attempts }] of due.entries()) {
        const outcome = outcomes[index];
        if (outcome.status === 'fulfilled') continue;
        const delayMs = Math.min(FIRST_RETRY_MS * 2 ** attempts, LONGEST_RETRY_MS);
        this.log(workerLogLine('warn', 'party notice not sent; tried again later', { notice: id, attempts: attempts + 1, delayMs, error: describe(outcome.reason) }));
        await this.options.outbox.postpone(id, delayMs);
      }
      if (due.length < BATCH || this.stopped) return;
    }
  }

  /** Confirms the notices whose step the workflow holds at their sequence; drops those it never committed. */
  private async settleUnconfirmed(): Promise<void> {
    const unconfirmed = await this.options.outbox.unconfirmed(this.options.taskQueue, SETTLE_MS, 50);
    const byCase = new Map<string, UnconfirmedNotice[]>();
    for (const notice of unconfirmed) byCase.set(notice.caseId, [...(byCase.get(notice.caseId) ?? []), notice]);
    for (const [caseId, notices] of byCase) {
      let state: CaseState | undefined;
      try {
        state = await this.options.committedState(caseId);
      } catch (error) {
        this.log(workerLogLine('warn', 'party notices: could not ask the case workflow', { caseId, error: describe(error) }));
        continue;
      }
      const committed = (notice: UnconfirmedNotice) =>
        state?.history.some((entry) => entry.sequence === notice.sequence && entry.requestId === notice.requestId) === true;
      const kept = notices.filter(committed);
      const dropped = notices.filter((notice) => !committed(notice));
      await this.options.outbox.confirm(kept.map((notice) => notice.id));
      await this.options.outbox.discard(dropped.map((notice) => notice.id));
      if (dropped.length > 0) {
        this.log(workerLogLine('warn', 'party notices of a step the workflow never committed were dropped', { caseId, notices: dropped.map((notice) => notice.id) }));
      }
    }
  }
}

/** The committed state of a case through a query, answered on the workflow's last completed task. */
export function committedStateBy(query: (caseId: string) => Promise<CaseState>): (caseId: string) => Promise<CaseState | undefined> {
  return async (caseId) => {
    try {
      return await query(caseId);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
