import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Under the court rules, the day an appeal came in and the day the court dismissed it: the
 * workflow kept them, the read model did not, so a case read back lost them. A case
 * projected before this keeps nulls until its next step or a rebuild writes them.
 */
export class AddAppealDates1763900000000 implements MigrationInterface {
  name = 'AddAppealDates1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_parties ADD COLUMN appealed_on date, ADD COLUMN final_on date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_parties DROP COLUMN final_on, DROP COLUMN appealed_on`);
  }
}
