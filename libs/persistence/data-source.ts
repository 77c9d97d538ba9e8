import 'reflect-metadata';
import { Client, types, type ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { CreateReadModel1763800000000 } from './migrations/1763800000000-create-read-model';
import { AddAttachmentsAndPartyReference1763810000000 } from './migrations/1763810000000-add-attachments-and-party-reference';
import { CreateCoordinatorAccounts1763820000000 } from './migrations/1763820000000-create-coordinator-accounts';
import { AddVersionsAndMeetings1763830000000 } from './migrations/1763830000000-add-versions-and-meetings';
import { CreateContactsAndOutgoingEmail1763840000000 } from './migrations/1763840000000-create-contacts-and-outgoing-email';
import { AddLifecycle1763850000000 } from './migrations/1763850000000-add-lifecycle';
import { AddWaitingSince1763860000000 } from './migrations/1763860000000-add-waiting-since';
import { CreateRegister1763870000000 } from './migrations/1763870000000-create-register';
import { AddPartyLinkGeneration1763880000000 } from './migrations/1763880000000-add-party-link-generation';
import { AddProjectionFence1763890000000 } from './migrations/1763890000000-add-projection-fence';
import { AddAppealDates1763900000000 } from './migrations/1763900000000-add-appeal-dates';
import { IndexTheDashboard1763910000000 } from './migrations/1763910000000-index-the-dashboard';
import { CreateEscalationContacts1763920000000 } from './migrations/1763920000000-create-escalation-contacts';
import { AddHistoryActorName1763930000000 } from './migrations/1763930000000-add-history-actor-name';
import { CreateApiTokens1763940000000 } from './migrations/1763940000000-create-api-tokens';
import { CreateMeetings1763950000000 } from './migrations/1763950000000-create-meetings';
import { CreateSubstitutes1763960000000 } from './migrations/1763960000000-create-substitutes';
import { CreateStoredFiles1763970000000 } from './migrations/1763970000000-create-stored-files';
import { CreatePartyNoticeOutbox1763980000000 } from './migrations/1763980000000-create-party-notice-outbox';
import { DEFAULT_REGISTER_SEED, type RegisterSeed } from '../register';
import { seedRegisterOnce } from './register-seeding';

// A `date` column is a calendar date: keep it as YYYY-MM-DD, never shift it through a time zone.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);

export const MIGRATIONS = [
  CreateReadModel1763800000000,
  AddAttachmentsAndPartyReference1763810000000,
  CreateCoordinatorAccounts1763820000000,
  AddVersionsAndMeetings1763830000000,
  CreateContactsAndOutgoingEmail1763840000000,
  AddLifecycle1763850000000,
  AddWaitingSince1763860000000,
  CreateRegister1763870000000,
  AddPartyLinkGeneration1763880000000,
  AddProjectionFence1763890000000,
  AddAppealDates1763900000000,
  IndexTheDashboard1763910000000,
  CreateEscalationContacts1763920000000,
  AddHistoryActorName1763930000000,
  CreateApiTokens1763940000000,
  CreateMeetings1763950000000,
  CreateSubstitutes1763960000000,
  CreateStoredFiles1763970000000,
  CreatePartyNoticeOutbox1763980000000,
];

/**
 * A connection that outlives an error nobody is listening for. When PostgreSQL stops, it
 * tells every connection so, and now and then one connection had no 'error' listener at
 * that moment (the outage test failed so in about one run in ten; which connection,
 * between the pool and the query runners, was not found). An 'error' event without a
 * listener ends a Node process. The pool and the query runners still see the error and
 * drop the connection; the process lives on and reconnects.
 */
class SurvivingClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export function createDataSource(databaseUrl: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    // No entities: the repositories write their SQL by hand; TypeORM runs the migrations and holds the pool.
    entities: [],
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5000, Client: SurvivingClient },
  });
}

/** Applies the migrations not yet applied and seeds a register never seeded; safe to run on every start. */
export async function migrate(dataSource: DataSource, registerSeed: RegisterSeed = DEFAULT_REGISTER_SEED): Promise<void> {
  await dataSource.runMigrations({ transaction: 'each' });
  await seedRegisterOnce(dataSource, registerSeed);
}
