import type { DataSource, EntityManager } from 'typeorm';

/** What is recorded about an e-mail before it is sent; never its body. */
export interface OutgoingEmailRecord {
  readonly caseId: string | null;
  readonly partyId: string | null;
  readonly recipient: string;
  readonly subject: string;
}

/**
 * The ledger of e-mails by idempotency key: a key is sent at most once, except in the
 * window between the SMTP server's acceptance and the commit that marks it sent.
 */
export class OutgoingEmailRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the e-mail as pending unless its key is known; true while it still needs sending. */
  async claim(key: string, record: OutgoingEmailRecord): Promise<boolean> {
    await this.dataSource.query(
      `INSERT INTO outgoing_emails (id, case_id, party_id, recipient, subject) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [key, record.caseId, record.partyId, record.recipient, record.subject],
    );
    // A statement of its own: its snapshot sees a row that a concurrent claim committed meanwhile.
    const rows: { status: string }[] = await this.dataSource.query(`SELECT status FROM outgoing_emails WHERE id = $1`, [key]);
    return rows.some((row) => row.status === 'pending');
  }

  /**
   * Runs `send` while holding the key's row, then marks it sent in the same transaction.
   * A second caller for the key waits, then finds it sent and does nothing. False when
   * it was already sent (or never claimed).
   */
  async sendOnce(key: string, send: () => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { status: string }[] = await manager.query(`SELECT status FROM outgoing_emails WHERE id = $1 FOR UPDATE`, [key]);
      if (rows[0]?.status !== 'pending') return false;
      await send();
      await this.markSent(manager, key);
      return true;
    });
  }

  async statusOf(key: string): Promise<'pending' | 'sent' | undefined> {
    const rows: { status: 'pending' | 'sent' }[] = await this.dataSource.query(`SELECT status FROM outgoing_emails WHERE id = $1`, [key]);
    return rows[0]?.status;
  }

  private async markSent(manager: EntityManager, key: string): Promise<void> {
    await manager.query(`UPDATE outgoing_emails SET status = 'sent', sent_at = now() WHERE id = $1`, [key]);
  }
}
