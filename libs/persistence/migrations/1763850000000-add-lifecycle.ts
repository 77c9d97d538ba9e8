import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What cases with timers carry: their lifecycle (reminder policy, validity, follow-up) as
 * one document, the earliest open deadline that makes a case overdue, each party's own
 * deadline and posting date, and the parties a reminder could not reach.
 */
export class AddLifecycle1763850000000 implements MigrationInterface {
  name = 'AddLifecycle1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN lifecycle jsonb`);
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN overdue_from date`);
    // Until now a case was overdue by its one deadline.
    await queryRunner.query(`UPDATE cases SET overdue_from = deadline WHERE stage = 'decisions'`);
    await queryRunner.query(`CREATE INDEX ix_cases_overdue_from ON cases (overdue_from) WHERE overdue_from IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE case_parties ADD COLUMN deadline date`);
    await queryRunner.query(`ALTER TABLE case_parties ADD COLUMN posted_on date`);
    await queryRunner.query(`ALTER TABLE case_history ADD COLUMN unreachable text[]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_history DROP COLUMN unreachable`);
    await queryRunner.query(`ALTER TABLE case_parties DROP COLUMN posted_on`);
    await queryRunner.query(`ALTER TABLE case_parties DROP COLUMN deadline`);
    await queryRunner.query(`DROP INDEX ix_cases_overdue_from`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN overdue_from`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN lifecycle`);
  }
}
