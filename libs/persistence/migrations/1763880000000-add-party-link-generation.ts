import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each party's link generation: revoking its links raises it, and every link signed before stops working. */
export class AddPartyLinkGeneration1763880000000 implements MigrationInterface {
  name = 'AddPartyLinkGeneration1763880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE parties ADD COLUMN link_generation integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE parties ADD COLUMN links_revoked_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE parties DROP COLUMN links_revoked_at`);
    await queryRunner.query(`ALTER TABLE parties DROP COLUMN link_generation`);
  }
}
