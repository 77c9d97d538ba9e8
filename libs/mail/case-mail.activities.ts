import type { CaseActivities, CoordinatorNotice, ReminderRequest, ReminderResult } from '../workflow-contract/case.activity-types';
import type { CaseLinks } from '../links/case-links';
import type { CoordinatorRepository, PartyContactRepository, RegisterRepository } from '../persistence';
import { coordinatorNoticeEmail } from './coordinator-notice-email';
import type { EmailDelivery, KeyedEmail } from './email-delivery';
import { reminderEmail } from './reminder-email';

export interface CaseMailDependencies {
  readonly contacts: Pick<PartyContactRepository, 'listAll'>;
  readonly coordinators: Pick<CoordinatorRepository, 'listEmails'>;
  readonly delivery: Pick<EmailDelivery, 'deliver'>;
  readonly links: Pick<CaseLinks, 'partyPage' | 'partyOverview' | 'casePage'>;
  readonly register: Pick<RegisterRepository, 'partyNamesOnCase'>;
  /** The organisation that coordinates: it signs the e-mails. */
  readonly organisation: string;
}

export type CaseMailActivities = Pick<CaseActivities, 'sendReminders' | 'notifyCoordinators'>;

/**
 * The case workflow's e-mail activities. Each e-mail's key is the request's id and its
 * recipient, so a retried activity sends only what did not go out before.
 */
export function createCaseMailActivities(dependencies: CaseMailDependencies): CaseMailActivities {
  const { contacts, coordinators, delivery, links, register, organisation } = dependencies;
  return {
    async sendReminders(request: ReminderRequest): Promise<ReminderResult> {
      const addresses = await contacts.listAll();
      const names = await register.partyNamesOnCase(request.caseId, request.parties.map(({ party }) => party));
      const emails: KeyedEmail[] = [];
      const keysByParty = new Map<string, string[]>();
      for (const { party, deadline, meeting } of request.parties) {
        const recipients = addresses.get(party) ?? [];
        if (recipients.length === 0) continue;
        const partyName = names.get(party) ?? party;
        const [link, overview] = await Promise.all([links.partyPage(request.caseId, party), links.partyOverview(party)]);
        const composed = reminderEmail({ request, party, partyName, organisation, deadline, meeting, link, overviewLink: overview.url });
        const keyed = recipients.map((to) => ({
          ...composed,
          to,
          key: `${request.reminderId}:${party}:${to.toLowerCase()}`,
          caseId: request.caseId,
          partyId: party,
        }));
        keysByParty.set(party, keyed.map((email) => email.key));
        emails.push(...keyed);
      }
      const report = await delivery.deliver(emails);
      const delivered = new Set(report.delivered);
      // A party is reached when any of its addresses took the e-mail; otherwise nobody was reminded.
      const reached = request.parties
        .map(({ party }) => party)
        .filter((party) => (keysByParty.get(party) ?? []).some((key) => delivered.has(key)));
      return {
        reached,
        unreachable: request.parties.map(({ party }) => party).filter((party) => !reached.includes(party)),
      };
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
