import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Since when a case has waited, by the date of the step that brought it into its stage
 * (the council's meeting, not the moment it was typed in): what the overview orders by
 * and counts its days from. `stage_since` keeps the recording time.
 */
export class AddWaitingSince1763860000000 implements MigrationInterface {
  name = 'AddWaitingSince1763860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN waiting_since date`);
    // The step that set stage_since carries its own date; without one, the day it was recorded.
    await queryRunner.query(`
      UPDATE cases c SET waiting_since = coalesce(
        (SELECT h.date FROM case_history h WHERE h.case_id = c.id AND h.at = c.stage_since AND h.date IS NOT NULL
          ORDER BY h.sequence DESC LIMIT 1),
        (c.stage_since AT TIME ZONE 'UTC')::date)`);
    await queryRunner.query(`ALTER TABLE cases ALTER COLUMN waiting_since SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_cases_waiting_since ON cases (waiting_since)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_cases_waiting_since`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN waiting_since`);
  }
}
