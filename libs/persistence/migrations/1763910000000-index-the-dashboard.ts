import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the dashboard and the case list of a read model of many counties over years (100,000 cases):
 * the waiting cases in the order the dashboard pages them (the overdue by how long
 * overdue, the rest by how long waiting), the parties' own deadlines, and the open
 * follow-ups and ending agreements, which are a few among many cases in force.
 */
export class IndexTheDashboard1763910000000 implements MigrationInterface {
  name = 'IndexTheDashboard1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_cases_waiting_by_overdue ON cases (overdue_from, waiting_since, stage_since, id) WHERE cardinality(waiting_on) > 0`,
    );
    await queryRunner.query(`CREATE INDEX ix_cases_waiting_by_since ON cases (waiting_since, stage_since, id) WHERE cardinality(waiting_on) > 0`);
    // The case list, newest first.
    await queryRunner.query(`CREATE INDEX ix_cases_newest_first ON cases (opened_at DESC, id)`);
    // The parties whose deadline the coordinator moved for them alone: a few among every party of every case.
    await queryRunner.query(`CREATE INDEX ix_case_parties_own_deadline ON case_parties (case_id, party) INCLUDE (deadline) WHERE deadline IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX ix_cases_open_follow_ups ON cases ((lifecycle->'followUp'->>'due'), id)
        WHERE stage = 'in-force' AND lifecycle->'followUp'->>'status' = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_cases_validity_ends ON cases ((lifecycle->'validity'->>'to'), id)
        WHERE stage = 'in-force' AND jsonb_typeof(lifecycle->'validity') = 'object'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['ix_cases_validity_ends', 'ix_cases_open_follow_ups', 'ix_case_parties_own_deadline', 'ix_cases_newest_first', 'ix_cases_waiting_by_since', 'ix_cases_waiting_by_overdue']) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
  }
}
