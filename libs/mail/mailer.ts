import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';

/** One e-mail as composed: the same words as plain text and as simple HTML. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The server refused this message for good (a 5xx reply): sending it again would be refused again. */
export class PermanentEmailRefusal extends Error {
  override name = 'PermanentEmailRefusal';
}

/** Sends e-mail through one SMTP server, named by a smtp:// or smtps:// URL. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, from: string) {
    // Short waits: a delivery holds its ledger row while it sends, and Temporal retries anyway.
    this.transport = createTransport(
      { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from },
    );
  }

  /** The message's Message-ID once the server has accepted it. */
  async send(message: EmailMessage): Promise<string> {
    try {
      const info = await this.transport.sendMail({ ...message });
      return info.messageId as string;
    } catch (error) {
      if ((error as NodemailerError).permanent) throw new PermanentEmailRefusal((error as Error).message, { cause: error });
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}
