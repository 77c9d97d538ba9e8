import type { OutgoingEmailRepository } from '../persistence';
import { PermanentEmailRefusal, type EmailMessage } from './mailer';

/** An e-mail to send once: its key says what it is, so a retry of the same request sends nothing twice. */
export interface KeyedEmail extends EmailMessage {
  readonly key: string;
  readonly caseId?: string;
  readonly partyId?: string;
}

export interface DeliveryReport {
  /** Keys sent now or earlier. */
  readonly delivered: readonly string[];
  /** Keys the SMTP server refused for good (e.g. no such mailbox); they stay pending in the ledger. */
  readonly refused: readonly string[];
}

export interface MessageSender {
  send(message: EmailMessage): Promise<string>;
}

/**
 * Sends each keyed e-mail at most once: claim the key in the ledger, send while holding
 * it, mark it sent. Concurrent calls with the same key wait for each other. At-least-once
 * window: if the process dies after the SMTP server accepted a message but before the
 * commit that marks it sent, the key is still pending and the next attempt sends it again.
 * A transient failure is thrown, for the caller (a Temporal activity) to retry; what was
 * sent stays sent.
 */
export class EmailDelivery {
  constructor(
    private readonly ledger: OutgoingEmailRepository,
    private readonly mailer: MessageSender,
  ) {}

  async deliver(emails: readonly KeyedEmail[]): Promise<DeliveryReport> {
    const delivered: string[] = [];
    const refused: string[] = [];
    for (const email of emails) {
      const record = { caseId: email.caseId ?? null, partyId: email.partyId ?? null, recipient: email.to, subject: email.subject };
      if (await this.ledger.claim(email.key, record)) {
        try {
          await this.ledger.sendOnce(email.key, async () => {
            await this.mailer.send({ to: email.to, subject: email.subject, text: email.text, html: email.html });
          });
        } catch (error) {
          if (!(error instanceof PermanentEmailRefusal)) throw error;
          refused.push(email.key);
          continue;
        }
      }
      delivered.push(email.key);
    }
    return { delivered, refused };
  }
}
