import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../libs/persistence';
import { testServers } from './test-servers';

/**
 * A migrated database of its own on the run's PostgreSQL, for a suite whose rows (the
 * parties' contacts, the coordinators) would otherwise meet another suite's.
 */
export async function connectFreshDatabase(prefix: string): Promise<DataSource> {
  return createDataSource(await createFreshDatabase(prefix), { poolSize: 4 }).initialize();
}

/** The URL of a new, migrated database. */
export async function createFreshDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '')}`;
  const admin = await createDataSource(testServers().databaseUrl, { poolSize: 1 }).initialize();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.destroy();
  }
  const url = testServers().databaseUrl.replace(/\/[^/]+$/, `/${name}`);
  const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
  try {
    await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return url;
}
