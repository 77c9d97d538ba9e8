import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddVersionsAndMeetings1763830000000 implements MigrationInterface {
  name = 'AddVersionsAndMeetings1763830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE case_parties ADD COLUMN version integer`);
    await queryRunner.query(`ALTER TABLE case_history ADD COLUMN version integer`);
    await queryRunner.query(`ALTER TABLE case_history ADD COLUMN until_meeting date`);
    await queryRunner.query(`ALTER TABLE case_history ADD COLUMN reopened text[]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_history DROP COLUMN reopened`);
    await queryRunner.query(`ALTER TABLE case_history DROP COLUMN until_meeting`);
    await queryRunner.query(`ALTER TABLE case_history DROP COLUMN version`);
    await queryRunner.query(`ALTER TABLE case_parties DROP COLUMN version`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN version`);
  }
}
