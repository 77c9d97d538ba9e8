import type { CaseActivities, CoordinatorNotice, PartyNotice, RecommendationNotice, ReminderRequest, ReminderResult } from '../workflow-contract/case.activity-types';
import type { CaseLinks } from '../links/case-links';
import { calendarDate } from '../domain';
import type { CoordinatorRepository, PartyContactRepository, RegisterRepository } from '../persistence';
import { coordinatorNoticeEmail } from './coordinator-notice-email';
import type { EmailDelivery, KeyedEmail } from './email-delivery';
import { partyNoticeEmail } from './party-notice-email';
import { recommendationEmail } from './recommendation-email';
import { reminderEmail } from './reminder-email';
import type { ComposedEmail } from './email-body';

export interface CaseMailDependencies {
  readonly contacts: Pick<PartyContactRepository, 'listAll' | 'escalationContacts'>;
  readonly coordinators: Pick<CoordinatorRepository, 'listEmails'>;
  readonly delivery: Pick<EmailDelivery, 'deliver'>;
  readonly links: Pick<CaseLinks, 'partyPage' | 'partyOverview' | 'casePage'>;
  readonly register: Pick<RegisterRepository, 'partyNamesOnCase'>;
  /** The organisation that coordinates: it signs the e-mails. */
  readonly organisation: string;
  /** What the deployment calls the council that recommends. */
  readonly council: string;
  /** Whose clock the e-mails tell time by. */
  readonly timeZone: string;
}

export type CaseMailActivities = Pick<CaseActivities, 'sendReminders' | 'notifyCoordinators' | 'sendRecommendation' | 'sendPartyNotice'>;

/** Sends party notices side by side; each outcome in the order of the notices. */
export type PartyNoticesSender = (notices: readonly PartyNotice[]) => Promise<PromiseSettledResult<ReminderResult>[]>;

type Addresses = () => Promise<Map<string, string[]>>;

/**
 * The case workflow's e-mail activities. Each e-mail's key is the request's id and its
 * recipient, so a retried activity sends only what did not go out before.
 */
export function createCaseMailActivities(dependencies: CaseMailDependencies): CaseMailActivities {
  const { sendReminders, sendRecommendation, notifyCoordinators, sendPartyNotice } = createCaseMail(dependencies);
  return { sendReminders, sendRecommendation, notifyCoordinators, sendPartyNotice };
}

/**
 * The outbox's way to send party notices: a batch of them looks up the parties' addresses
 * once, not once per notice (a receipt per answer is the busiest e-mail there is).
 */
export function createPartyNoticesSender(dependencies: CaseMailDependencies): PartyNoticesSender {
  return createCaseMail(dependencies).sendPartyNotices;
}

function createCaseMail(dependencies: CaseMailDependencies): CaseMailActivities & { sendPartyNotices: PartyNoticesSender } {
  const { contacts, coordinators, delivery, links, register, organisation, council, timeZone } = dependencies;
  // In a substitute's period, the party's e-mails reach the substitute too.
  const ordinaryAddresses: Addresses = () => contacts.listAll(calendarDate(new Date(), timeZone));
  // An escalation goes to each party's escalation contact only.
  const escalationAddresses: Addresses = async () => new Map([...(await contacts.escalationContacts())].map(([party, contact]) => [party, [contact.email]]));

  /**
   * One e-mail per party to each of its contacts, composed with the party's name and own
   * links; a party is reached when any of its addresses took it, otherwise nobody was.
   */
  const toEachParty = async (
    messageId: string,
    caseId: string,
    parties: readonly string[],
    compose: (party: string, partyName: string, link: string, overviewLink: string, names: ReadonlyMap<string, string>) => ComposedEmail,
    addressesOf: Addresses = ordinaryAddresses,
  ): Promise<ReminderResult> => {
    const addresses = await addressesOf();
    // Nobody to write to: no names or links to look up.
    if (parties.every((party) => (addresses.get(party) ?? []).length === 0)) return { reached: [], unreachable: [...parties] };
    const names = await register.partyNamesOnCase(caseId, parties);
    const emails: KeyedEmail[] = [];
    const keysByParty = new Map<string, string[]>();
    for (const party of parties) {
      const recipients = addresses.get(party) ?? [];
      if (recipients.length === 0) continue;
      const [link, overview] = await Promise.all([links.partyPage(caseId, party), links.partyOverview(party)]);
      const composed = compose(party, names.get(party) ?? party, link, overview.url, names);
      const keyed = recipients.map((to) => ({ ...composed, to, key: `${messageId}:${party}:${to.toLowerCase()}`, caseId, partyId: party }));
      keysByParty.set(party, keyed.map((email) => email.key));
      emails.push(...keyed);
    }
    const delivered = new Set((await delivery.deliver(emails)).delivered);
    const reached = parties.filter((party) => (keysByParty.get(party) ?? []).some((key) => delivered.has(key)));
    return { reached, unreachable: parties.filter((party) => !reached.includes(party)) };
  };

  const sendNotice = (notice: PartyNotice, addressesOf: Addresses): Promise<ReminderResult> => {
    const parties = notice.kind === 'receipt' ? [notice.party] : notice.kind === 'escalation' ? notice.parties.map((entry) => entry.party) : notice.parties;
    return toEachParty(
      notice.noticeId,
      notice.caseId,
      parties,
      (party, partyName, link, overviewLink, names) => partyNoticeEmail({ notice, party, partyName, names, organisation, timeZone, link, overviewLink }),
      addressesOf,
    );
  };

  return {
    sendReminders(request: ReminderRequest): Promise<ReminderResult> {
      const byParty = new Map(request.parties.map((entry) => [entry.party, entry]));
      return toEachParty(request.reminderId, request.caseId, [...byParty.keys()], (party, partyName, link, overviewLink) => {
        const { deadline, meeting } = byParty.get(party)!;
        return reminderEmail({ request, party, partyName, organisation, deadline, meeting, link, overviewLink });
      });
    },

    sendRecommendation(notice: RecommendationNotice): Promise<ReminderResult> {
      const deadlines = new Map(notice.parties.map((entry) => [entry.party, entry.deadline]));
      return toEachParty(notice.noticeId, notice.caseId, [...deadlines.keys()], (party, partyName, link, overviewLink) =>
        recommendationEmail({ notice, partyName, deadline: deadlines.get(party) ?? null, organisation, council, link, overviewLink }),
      );
    },

    sendPartyNotice(notice: PartyNotice): Promise<ReminderResult> {
      return sendNotice(notice, notice.kind === 'escalation' ? escalationAddresses : ordinaryAddresses);
    },

    async sendPartyNotices(notices: readonly PartyNotice[]): Promise<PromiseSettledResult<ReminderResult>[]> {
      const ordinary = sharedBy(ordinaryAddresses);
      const escalation = sharedBy(escalationAddresses);
      return Promise.allSettled(notices.map((notice) => sendNotice(notice, notice.kind === 'escalation' ? escalation : ordinary)));
    },

    async notifyCoordinators(notice: CoordinatorNotice): Promise<void> {
      const partyNames = await register.partyNamesOnCase(notice.caseId, notice.parties);
      const composed = coordinatorNoticeEmail(notice, links.casePage(notice.caseId), { partyNames, organisation });
      const recipients = await coordinators.listEmails();
      await delivery.deliver(
        recipients.map((to) => ({ ...composed, to, key: `${notice.noticeId}:${to.toLowerCase()}`, caseId: notice.caseId })),
      );
    },
  };
}

/** The addresses looked up once, by the first notice that needs them, for every notice of a batch. */
function sharedBy(addressesOf: Addresses): Addresses {
  let looked: Promise<Map<string, string[]>> | undefined;
  return () => (looked ??= addressesOf());
}
