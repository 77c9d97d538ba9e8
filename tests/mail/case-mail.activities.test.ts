import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CaseLinks } from '../../libs/links/case-links';
import { PartyLinkSigner, tokenFromLinkPath } from '../../libs/links/party-link';
import { createCaseMailActivities, type CaseMailActivities } from '../../libs/mail/case-mail.activities';
import { EmailDelivery } from '../../libs/mail/email-delivery';
import { Mailer } from '../../libs/mail/mailer';
import { CoordinatorRepository, OutgoingEmailRepository, PartyContactRepository, RegisterRepository } from '../../libs/persistence';
import type { ReminderRequest } from '../../libs/workflow-contract/case.activity-types';
import { connectFreshDatabase } from '../support/fresh-database';
import { messagesTo } from '../support/outbox';
import { testServers } from '../support/test-servers';

/** The case workflow's e-mail activities end to end: contacts in PostgreSQL, e-mail through real SMTP. */
const SECRET = `test-link-secret-${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const address = (name: string) => `${name}-${run}@example.se`;

let dataSource: DataSource;
let mailer: Mailer;
let activities: CaseMailActivities;

beforeAll(async () => {
  dataSource = await connectFreshDatabase('mail');
  mailer = new Mailer(testServers().outboxSmtpUrl, 'RSS Dalarna <noreply@example.se>');
  activities = createCaseMailActivities({
    contacts: new PartyContactRepository(dataSource),
    coordinators: new CoordinatorRepository(dataSource),
    delivery: new EmailDelivery(new OutgoingEmailRepository(dataSource), mailer),
    links: new CaseLinks(new PartyLinkSigner(SECRET), 'https://overens.example.se/', new RegisterRepository(dataSource)),
    register: new RegisterRepository(dataSource),
    organisation: 'RSS Dalarna',
    council: 'Välfärdsrådet',
    timeZone: 'Europe/Stockholm',
  });
  const contacts = new PartyContactRepository(dataSource);
  await contacts.replaceFor('hedemora', [address('Registrator.Hedemora'), address('socialchef.hedemora')]);
  await contacts.replaceFor('sater', [address('sater')]);
  const coordinators = new CoordinatorRepository(dataSource);
  await coordinators.upsert(address('anna.samordnare'), 'Anna', 'not-a-real-hash');
  await coordinators.upsert(address('bo.samordnare'), 'Bo', 'not-a-real-hash');
});

afterAll(async () => {
  mailer?.close();
  await dataSource?.destroy();
});

it("reminds every contact of each party with the party's own link, once however often it is retried", async () => {
  const caseId = randomUUID();
  const request: ReminderRequest = {
    reminderId: `${caseId}:7`,
    caseId,
    title: 'Regional överenskommelse om samverkan för Kvinnofrid',
    reference: 'HSN 2024/1905',
    kind: 'after',
    parties: [
      { party: 'hedemora', deadline: '2024-12-10' },
      { party: 'sater', deadline: '2024-12-10' },
      { party: 'vansbro', deadline: '2024-12-10' },
    ],
  };
  expect(await activities.sendReminders(request)).toEqual({ reached: ['hedemora', 'sater'], unreachable: ['vansbro'] });
  expect(await activities.sendReminders(request)).toEqual({ reached: ['hedemora', 'sater'], unreachable: ['vansbro'] });

  const hedemora = [address('Registrator.Hedemora'), address('socialchef.hedemora')];
  const toHedemora = await messagesTo(hedemora);
  expect(toHedemora.map((message) => message.to[0].toLowerCase()).sort()).toEqual(hedemora.map((email) => email.toLowerCase()).sort());
  for (const message of toHedemora) {
    expect(message.subject).toBe('Sista svarsdagen har passerat – Regional överenskommelse om samverkan för Kvinnofrid');
    expect(message.text).toContain('Sista svarsdag passerades den 10 december 2024.');
    const link = /https:\/\/overens\.example\.se\/svar\/([^/\s]+)\/([^/\s]+)\/(\S+)/.exec(message.text);
    expect(link).not.toBeNull();
    const [, linkCase, linkParty, signature] = link!;
    expect(new PartyLinkSigner(SECRET).verify(tokenFromLinkPath(linkCase, linkParty, signature))).toMatchObject({ caseId, party: 'hedemora' });
  }
  const toSater = await messagesTo([address('sater')]);
  expect(toSater).toHaveLength(1);
  expect(toSater[0].text).toContain(`/svar/${caseId}/sater/`);
});

it('sends a second reminder of the same case, since its id is new', async () => {
  const caseId = randomUUID();
  const base = { caseId, title: 'MiniMaria', reference: null, parties: [{ party: 'sater', deadline: null }] } as const;
  await activities.sendReminders({ ...base, reminderId: `${caseId}:1`, kind: 'now' });
  await activities.sendReminders({ ...base, reminderId: `${caseId}:2`, kind: 'now' });
  const toSater = (await messagesTo([address('sater')])).filter((message) => message.text.includes(caseId));
  expect(toSater.map((message) => message.subject)).toEqual([
    'Påminnelse från RSS Dalarna – MiniMaria',
    'Påminnelse från RSS Dalarna – MiniMaria',
  ]);
});

it('notifies every coordinator once per notice, with a link to the case page', async () => {
  const caseId = randomUUID();
  const notice = {
    noticeId: `${caseId}:validity-expiring`,
    caseId,
    title: 'Hjälpmedel',
    reference: null,
    kind: 'validity-expiring' as const,
    date: '2027-06-30',
    parties: ['smedjebacken'],
  };
  await activities.notifyCoordinators(notice);
  await activities.notifyCoordinators(notice);
  const caught = (await messagesTo([address('anna.samordnare'), address('bo.samordnare')])).filter((message) =>
    message.text.includes(caseId),
  );
  expect(caught.map((message) => message.to[0]).sort()).toEqual([address('anna.samordnare'), address('bo.samordnare')]);
  expect(caught[0].subject).toBe('Giltighetstiden går snart ut – Hjälpmedel');
  expect(caught[0].text).toContain(`https://overens.example.se/arenden/${caseId}`);
  expect(caught[0].text).toContain('30 juni 2027');
});
