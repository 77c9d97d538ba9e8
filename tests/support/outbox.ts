import type { CaughtMessage } from '../../libs/mail/outbox-server';
import { testServers } from './test-servers';

/** The run's outbox as JSON: every message caught so far, newest first. */
export async function caughtMessages(httpUrl = testServers().outboxHttpUrl): Promise<CaughtMessage[]> {
  const response = await fetch(`${httpUrl}/api/messages`);
  if (!response.ok) throw new Error(`the outbox answered ${response.status}`);
  return (await response.json()) as CaughtMessage[];
}

/** Messages to any of `recipients`: tests share the outbox, so each test writes to addresses of its own. */
export async function messagesTo(recipients: readonly string[], httpUrl?: string): Promise<CaughtMessage[]> {
  const wanted = new Set(recipients.map((address) => address.toLowerCase()));
  return (await caughtMessages(httpUrl)).filter((message) => message.to.some((address) => wanted.has(address.toLowerCase())));
}

/** At least `count` messages to any of `recipients`, waiting up to ten seconds for them; what there is then. */
export async function mailTo(recipients: readonly string[], count: number, httpUrl?: string): Promise<CaughtMessage[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const mail = await messagesTo(recipients, httpUrl);
    if (mail.length >= count) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return messagesTo(recipients, httpUrl);
}

/** What every case that reaches the parties sends besides reminders: the recommendation, receipts for answers, the in-force notice. */
const NOT_REMINDERS = ['Rekommendation att besluta', 'Kvitto:', 'Överenskommelsen gäller'];

/** Messages to any of `recipients` that are reminders: the recommendation, receipts and the in-force notice left out. */
export async function remindersTo(recipients: readonly string[], httpUrl?: string): Promise<CaughtMessage[]> {
  return (await messagesTo(recipients, httpUrl)).filter((message) => !NOT_REMINDERS.some((start) => message.subject.startsWith(start)));
}
