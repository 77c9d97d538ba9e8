/**
 * What the soak's clients sent and what they were told, one entry per idempotency key:
 * the client's side of the invariant.
 */
export type SubmissionKind = 'open' | 'council' | 'decision';

/**
 * `acknowledged`: a 2xx. `refused`: a 4xx, final. `unresolved`: only 503s or lost
 * connections until the soak gave up. `pending`: still being sent.
 */
export type Verdict = 'pending' | 'acknowledged' | 'refused' | 'unresolved';

export interface Submission {
  readonly key: string;
  readonly kind: SubmissionKind;
  /** Known from the start for steps; for an opening, once it is acknowledged. */
  caseId: string | undefined;
  readonly party?: string;
  readonly outcome?: string;
  /** Sent on purpose where the step does not fit: the answer must be a 409. */
  readonly expectRefusal: boolean;
  verdict: Verdict;
  status?: number;
  sends: number;
  readonly firstSentAt: number;
  /** Order of acknowledgement across the run: a party's last acknowledged answer is its status. */
  acknowledgedOrder?: number;
}

export interface LedgerCounters {
  requests: number;
  /** Sends after a 503, with the same key. */
  retriesAfter503: number;
  /** Sends after the connection was lost or timed out (the API killed), with the same key. */
  retriesAfterLostConnection: number;
  /** Extra sends of an acknowledged or in-flight key, on purpose. */
  duplicatesSent: number;
  /** Steps sent on purpose where they do not fit. */
  misfitsSent: number;
}

export class Ledger {
  readonly submissions = new Map<string, Submission>();
  /** What a client saw that breaks the contract on the spot (kept apart from the final check). */
  readonly anomalies: string[] = [];
  /** Milliseconds of every request answered 2xx. */
  readonly requestLatencies: number[] = [];
  /** Milliseconds from a key's first send until it was acknowledged, retries included. */
  readonly acknowledgementLatencies: number[] = [];
  readonly counters: LedgerCounters = { requests: 0, retriesAfter503: 0, retriesAfterLostConnection: 0, duplicatesSent: 0, misfitsSent: 0 };
  private acknowledgements = 0;

  begin(spec: { key: string; kind: SubmissionKind; caseId?: string; party?: string; outcome?: string; expectRefusal?: boolean }): Submission {
    if (this.submissions.has(spec.key)) throw new Error(`the soak reused the key ${spec.key}`);
    const submission: Submission = {
      key: spec.key,
      kind: spec.kind,
      caseId: spec.caseId,
      party: spec.party,
      outcome: spec.outcome,
      expectRefusal: spec.expectRefusal ?? false,
      verdict: 'pending',
      sends: 0,
      firstSentAt: Date.now(),
    };
    this.submissions.set(spec.key, submission);
    if (submission.expectRefusal) this.counters.misfitsSent += 1;
    return submission;
  }

  acknowledge(submission: Submission, status: number): void {
    submission.verdict = 'acknowledged';
    submission.status = status;
    this.acknowledgements += 1;
    submission.acknowledgedOrder = this.acknowledgements;
    this.acknowledgementLatencies.push(Date.now() - submission.firstSentAt);
  }

  refuse(submission: Submission, status: number): void {
    submission.verdict = 'refused';
    submission.status = status;
  }

  giveUp(submission: Submission): void {
    submission.verdict = 'unresolved';
  }

  anomaly(message: string): void {
    this.anomalies.push(message);
  }

  count(kind: SubmissionKind, verdict: Verdict, expectRefusal = false): number {
    let count = 0;
    for (const submission of this.submissions.values()) {
      if (submission.kind === kind && submission.verdict === verdict && submission.expectRefusal === expectRefusal) count += 1;
    }
    return count;
  }
}
