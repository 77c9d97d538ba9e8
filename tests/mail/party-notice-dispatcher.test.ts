import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PartyNoticeDispatcher } from '../../apps/worker/party-notice-dispatcher';
import { freePort } from '../../libs/embedded/free-port';
import { CaseLinks } from '../../libs/links/case-links';
import { PartyLinkSigner } from '../../libs/links/party-link';
import { createPartyNoticesSender } from '../../libs/mail/case-mail.activities';
import { EmailDelivery } from '../../libs/mail/email-delivery';
import { Mailer } from '../../libs/mail/mailer';
import { CoordinatorRepository, OutgoingEmailRepository, PartyContactRepository, PartyNoticeOutboxRepository, RegisterRepository } from '../../libs/persistence';
import type { PartyNotice } from '../../libs/workflow-contract/case.activity-types';
import { connectFreshDatabase } from '../support/fresh-database';
import { messagesTo } from '../support/outbox';
import { testServers } from '../support/test-servers';
import { until } from '../support/until';

/**
 * The workers' dispatcher over the real outbox, PostgreSQL and SMTP: a look at the outbox
 * sends its confirmed notices as one batch, and a notice SMTP did not take waits and goes later.
 */
const run = randomUUID().slice(0, 8);
const address = (name: string) => `${name}-${run}@example.se`;

let dataSource: DataSource;
const mailers: Mailer[] = [];
const dispatchers: PartyNoticeDispatcher[] = [];

beforeAll(async () => {
  dataSource = await connectFreshDatabase('dispatcher');
  const contacts = new PartyContactRepository(dataSource);
  await contacts.replaceFor('hedemora', [address('registrator.hedemora'), address('socialchef.hedemora')]);
  await contacts.replaceFor('sater', [address('sater')]);
});

afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
});

afterAll(async () => {
  for (const mailer of mailers) mailer.close();
  await dataSource?.destroy();
});

function dispatcherThrough(smtpUrl: string, taskQueue: string, log: string[] = []): PartyNoticeDispatcher {
  const mailer = new Mailer(smtpUrl, 'RSS Dalarna <noreply@example.se>');
  mailers.push(mailer);
  const dispatcher = new PartyNoticeDispatcher({
    outbox: new PartyNoticeOutboxRepository(dataSource),
    taskQueue,
    send: createPartyNoticesSender({
      contacts: new PartyContactRepository(dataSource),
      coordinators: new CoordinatorRepository(dataSource),
      delivery: new EmailDelivery(new OutgoingEmailRepository(dataSource), mailer),
      links: new CaseLinks(new PartyLinkSigner(`secret-${run}`), 'https://overens.example.se/', new RegisterRepository(dataSource)),
      register: new RegisterRepository(dataSource),
      organisation: 'RSS Dalarna',
      council: 'Välfärdsrådet',
      timeZone: 'Europe/Stockholm',
    }),
    // Nothing here is left unconfirmed long enough to be settled.
    committedState: () => Promise.reject(new Error('not asked in these tests')),
    log: (line) => log.push(line),
  });
  dispatchers.push(dispatcher);
  return dispatcher;
}

function receipt(caseId: string, sequence: number, party: string): PartyNotice {
  return {
    caseId,
    title: 'Överenskommelse om ungdomsmottagning',
    reference: null,
    noticeId: `${caseId}:receipt:${sequence}`,
    kind: 'receipt',
    party,
    outcome: 'adopted',
    date: '2025-03-20',
    body: 'Kommunfullmäktige',
    paragraph: null,
    partyReference: null,
    recordedAt: '2025-03-21T09:00:00.000Z',
  };
}

async function queue(taskQueue: string, notice: PartyNotice, sequence: number, confirmed: boolean): Promise<void> {
  await dataSource.query(
    `INSERT INTO party_notice_outbox (id, case_id, task_queue, sequence, request_id, notice, written_run, written_task, confirmed)
     VALUES ($1, $2, $3, $4, $5, $6, 'run', 1, $7)`,
    [notice.noticeId, notice.caseId, taskQueue, sequence, randomUUID(), JSON.stringify(notice), confirmed],
  );
}

interface OutboxState {
  readonly id: string;
  readonly attempts: number;
  readonly sent: boolean;
  readonly waiting: boolean;
}

async function outboxOf(taskQueue: string): Promise<OutboxState[]> {
  return dataSource.query(
    `SELECT id, attempts, sent_at IS NOT NULL AS sent, next_attempt_at > now() AS waiting FROM party_notice_outbox WHERE task_queue = $1 ORDER BY sequence`,
    [taskQueue],
  );
}

it('sends the confirmed notices of its task queue, once each, and leaves an unconfirmed one waiting', async () => {
  const taskQueue = `dispatch-${randomUUID()}`;
  const caseId = randomUUID();
  await queue(taskQueue, receipt(caseId, 1, 'hedemora'), 1, true);
  await queue(taskQueue, receipt(caseId, 2, 'sater'), 2, true);
  await queue(taskQueue, receipt(caseId, 3, 'vansbro'), 3, true);
  await queue(taskQueue, receipt(caseId, 4, 'sater'), 4, false);

  dispatcherThrough(testServers().outboxSmtpUrl, taskQueue).start();
  const outbox = await until(
    () => outboxOf(taskQueue),
    (rows) => rows.filter((row) => row.sent).length === 3,
  );
  expect(outbox.map(({ sent, attempts }) => ({ sent, attempts }))).toEqual([
    { sent: true, attempts: 1 },
    { sent: true, attempts: 1 },
    // Vansbro has no address: nobody to write to is not a failure.
    { sent: true, attempts: 1 },
    { sent: false, attempts: 0 },
  ]);
  const toHedemora = (await messagesTo([address('registrator.hedemora'), address('socialchef.hedemora')])).filter((message) => message.text.includes(caseId));
  expect(toHedemora).toHaveLength(2);
  expect(toHedemora[0].subject).toBe('Kvitto: Hedemora har svarat – Överenskommelse om ungdomsmottagning');
  const toSater = (await messagesTo([address('sater')])).filter((message) => message.text.includes(caseId));
  expect(toSater).toHaveLength(1);
});

it('tries a notice SMTP did not take again after a wait, and sends it once when SMTP takes it', async () => {
  const taskQueue = `dispatch-${randomUUID()}`;
  const caseId = randomUUID();
  await queue(taskQueue, receipt(caseId, 1, 'sater'), 1, true);
  await queue(taskQueue, receipt(caseId, 2, 'vansbro'), 2, true);

  const log: string[] = [];
  const away = dispatcherThrough(`smtp://127.0.0.1:${await freePort()}`, taskQueue, log);
  away.start();
  const failed = await until(
    () => outboxOf(taskQueue),
    (rows) => rows[0].attempts === 1,
  );
  await away.stop();
  // The batch's other notice went; the failed one waits its back-off.
  expect(failed.map(({ sent, attempts, waiting }) => ({ sent, attempts, waiting }))).toEqual([
    { sent: false, attempts: 1, waiting: true },
    { sent: true, attempts: 1, waiting: false },
  ]);
  expect(log.some((line) => line.includes('party notice not sent; tried again later') && line.includes(`${caseId}:receipt:1`))).toBe(true);

  dispatcherThrough(testServers().outboxSmtpUrl, taskQueue).start();
  const sent = await until(
    () => outboxOf(taskQueue),
    (rows) => rows[0].sent,
  );
  expect(sent[0]).toMatchObject({ sent: true, attempts: 2 });
  const toSater = (await messagesTo([address('sater')])).filter((message) => message.text.includes(caseId));
  expect(toSater).toHaveLength(1);
});
