import type { DataSource } from 'typeorm';

/** A notice whose step is committed, to send. */
export interface DueNotice {
  readonly id: string;
  readonly notice: unknown;
  readonly attempts: number;
}

/** A notice whose step's commit nobody has vouched for yet. */
export interface UnconfirmedNotice {
  readonly id: string;
  readonly caseId: string;
  readonly sequence: number;
  readonly requestId: string | null;
}

/**
 * The outbox of party notices. The projection that records a step queues its notices
 * (CaseProjectionRepository); they become sendable once the step is known to be
 * committed in its workflow — the caller of the update saw it answered, a later task
 * built on it, or the workflow, asked, holds it — and are marked sent once e-mailed.
 */
export class PartyNoticeOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The step with this update id is committed: its notices may go. */
  async confirmStep(caseId: string, requestId: string): Promise<void> {
    await this.dataSource.query(`UPDATE party_notice_outbox SET confirmed = true WHERE case_id = $1 AND request_id = $2 AND NOT confirmed`, [
      caseId,
      requestId,
    ]);
  }

  /** Confirmed notices of a task queue not yet sent, whose next attempt is due; oldest first. */
  async due(taskQueue: string, limit: number): Promise<DueNotice[]> {
    return this.dataSource.query(
      `SELECT id, notice, attempts FROM party_notice_outbox
        WHERE task_queue = $1 AND confirmed AND sent_at IS NULL AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT $2`,
      [taskQueue, limit],
    );
  }

  async markSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE party_notice_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::text[])`, [ids]);
  }

  /** A failed attempt: the next one waits `delayMs`. */
  async postpone(id: string, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE party_notice_outbox SET attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond' WHERE id = $1`,
      [id, delayMs],
    );
  }

  /** Notices of a task queue left unconfirmed for at least `ageMs`. */
  async unconfirmed(taskQueue: string, ageMs: number, limit: number): Promise<UnconfirmedNotice[]> {
    return this.dataSource.query(
      `SELECT id, case_id AS "caseId", sequence, request_id AS "requestId" FROM party_notice_outbox
        WHERE task_queue = $1 AND NOT confirmed AND created_at <= now() - $2 * interval '1 millisecond'
        ORDER BY created_at LIMIT $3`,
      [taskQueue, ageMs, limit],
    );
  }

  /** Confirms notices their workflow holds the step of. */
  async confirm(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE party_notice_outbox SET confirmed = true WHERE id = ANY($1::text[]) AND NOT confirmed`, [ids]);
  }

  /** Drops unconfirmed notices whose step their workflow never committed (written by a lost task). */
  async discard(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`DELETE FROM party_notice_outbox WHERE id = ANY($1::text[]) AND NOT confirmed`, [ids]);
  }
}
