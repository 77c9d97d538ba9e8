import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { freePort } from '../../libs/embedded/free-port';
import { EmailDelivery, type KeyedEmail } from '../../libs/mail/email-delivery';
import { Mailer } from '../../libs/mail/mailer';
import { OutgoingEmailRepository } from '../../libs/persistence';
import { messagesTo } from '../support/outbox';
import { testServers } from '../support/test-servers';
import { connectDataSource } from '../support/test-stack';

/** Each key sent once, against the run's real PostgreSQL and its catching SMTP server. */
let dataSource: DataSource;
let ledger: OutgoingEmailRepository;
let mailer: Mailer;

beforeAll(async () => {
  dataSource = await connectDataSource();
  ledger = new OutgoingEmailRepository(dataSource);
  mailer = new Mailer(testServers().outboxSmtpUrl, 'RSS Dalarna <noreply@example.se>');
});

afterAll(async () => {
  mailer?.close();
  await dataSource?.destroy();
});

function emails(count: number): KeyedEmail[] {
  const run = randomUUID();
  return Array.from({ length: count }, (_, index) => ({
    key: `${run}:${index}`,
    to: `kontakt-${index}-${run}@example.se`,
    subject: `Påminnelse ${index}`,
    text: 'Hej!',
    html: '<p>Hej!</p>',
    caseId: run,
    partyId: 'falun',
  }));
}

it('sends each key once when the same e-mails are delivered twice', async () => {
  const batch = emails(3);
  const delivery = new EmailDelivery(ledger, mailer);
  expect(await delivery.deliver(batch)).toEqual({ delivered: batch.map((email) => email.key), refused: [] });
  expect(await delivery.deliver(batch)).toEqual({ delivered: batch.map((email) => email.key), refused: [] });

  expect((await messagesTo(batch.map((email) => email.to))).map((message) => message.subject).sort()).toEqual([
    'Påminnelse 0',
    'Påminnelse 1',
    'Påminnelse 2',
  ]);
  for (const email of batch) expect(await ledger.statusOf(email.key)).toBe('sent');
});

it('sends each key once when five deliveries of the same e-mails run at the same time', async () => {
  const batch = emails(4);
  // Separate connections and mailers, as separate worker processes would have.
  const others = await Promise.all(Array.from({ length: 4 }, () => connectDataSource()));
  try {
    const deliveries = [ledger, ...others.map((other) => new OutgoingEmailRepository(other))].map(
      (repository) => new EmailDelivery(repository, mailer),
    );
    const reports = await Promise.all(deliveries.map((delivery) => delivery.deliver(batch)));
    for (const report of reports) expect(report.delivered).toEqual(batch.map((email) => email.key));
  } finally {
    await Promise.all(others.map((other) => other.destroy()));
  }
  const caught = await messagesTo(batch.map((email) => email.to));
  expect(caught).toHaveLength(4);
});

it('leaves an e-mail pending when the SMTP server cannot be reached, and sends it on the retry', async () => {
  const [email] = emails(1);
  const unreachable = new Mailer(`smtp://127.0.0.1:${await freePort()}`, 'noreply@example.se');
  await expect(new EmailDelivery(ledger, unreachable).deliver([email])).rejects.toThrow();
  unreachable.close();
  expect(await ledger.statusOf(email.key)).toBe('pending');

  await new EmailDelivery(ledger, mailer).deliver([email]);
  expect(await ledger.statusOf(email.key)).toBe('sent');
  expect(await messagesTo([email.to])).toHaveLength(1);
});

it('may send once more when it dies after the SMTP server took the message but before marking it sent', async () => {
  const [email] = emails(1);
  // Sends for real, then fails as a process killed before the commit would.
  const dying = {
    async send(message: Parameters<Mailer['send']>[0]): Promise<string> {
      await mailer.send(message);
      throw new Error('the worker died');
    },
  };
  await expect(new EmailDelivery(ledger, dying).deliver([email])).rejects.toThrow('the worker died');
  expect(await ledger.statusOf(email.key)).toBe('pending');

  await new EmailDelivery(ledger, mailer).deliver([email]);
  await new EmailDelivery(ledger, mailer).deliver([email]);
  // The documented at-least-once window: twice, never more.
  expect(await messagesTo([email.to])).toHaveLength(2);
});
