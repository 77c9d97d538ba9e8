import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAttachmentsAndPartyReference1763810000000 implements MigrationInterface {
  name = 'AddAttachmentsAndPartyReference1763810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE case_parties ADD COLUMN party_reference text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_parties DROP COLUMN party_reference`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN attachments`);
  }
}
