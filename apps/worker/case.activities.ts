import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { CaseLinks } from '../../libs/links/case-links';
import { PartyLinkSigner } from '../../libs/links/party-link';
import { createCaseMailActivities, type CaseMailDependencies } from '../../libs/mail/case-mail.activities';
import { EmailDelivery, type MessageSender } from '../../libs/mail/email-delivery';
import {
  CaseProjectionRepository,
  CoordinatorRepository,
  OutgoingEmailRepository,
  PartyContactRepository,
  RegisterRepository,
} from '../../libs/persistence';
import type { CaseActivities } from '../../libs/workflow-contract/case.activity-types';

/** What the e-mail activities need besides the database. */
export interface CaseMailSettings {
  readonly sender: MessageSender;
  readonly linkSecret: string;
  readonly publicUrl: string;
  /** The organisation that coordinates: it signs the e-mails. */
  readonly organisation: string;
  /** What the deployment calls the council that recommends. */
  readonly council: string;
  /** Whose clock the e-mails tell time by. */
  readonly timeZone: string;
}

/** The I/O the case workflow asks for. Each activity is idempotent. */
export function createCaseActivities(dataSource: DataSource, mail: CaseMailSettings): CaseActivities {
  const projection = new CaseProjectionRepository(dataSource);
  return {
    // The notices it queues are sent by the workers of the case's own task queue.
    projectCase: (change) => projection.project(change, Context.current().info.taskQueue),
    ...createCaseMailActivities(caseMailDependencies(dataSource, mail)),
  };
}

/** What the e-mails to parties and coordinators are composed from and sent through. */
export function caseMailDependencies(dataSource: DataSource, mail: CaseMailSettings): CaseMailDependencies {
  return {
    contacts: new PartyContactRepository(dataSource),
    coordinators: new CoordinatorRepository(dataSource),
    delivery: new EmailDelivery(new OutgoingEmailRepository(dataSource), mail.sender),
    links: new CaseLinks(new PartyLinkSigner(mail.linkSecret), mail.publicUrl, new RegisterRepository(dataSource)),
    register: new RegisterRepository(dataSource),
    organisation: mail.organisation,
    council: mail.council,
    timeZone: mail.timeZone,
  };
}
