import type { DataSource, EntityManager } from 'typeorm';

interface PreparingClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement prepared once per connection, by name (within the manager's
 * transaction when it has one). For the long statements on every answer's path: parsing
 * and planning the projection's anew took half its time. Only for statements that name
 * the columns they return: PostgreSQL re-plans a prepared statement when a migration
 * changes its tables, but refuses one whose result columns have changed.
 */
export async function preparedQuery<Row>(on: DataSource | EntityManager, name: string, text: string, values: readonly unknown[]): Promise<Row[]> {
  const manager = 'manager' in on ? on.manager : on;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PreparingClient;
    return (await client.query({ name, text, values: [...values] })).rows as Row[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
