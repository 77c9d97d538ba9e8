import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Named API tokens for integrations and people: only their SHA-256 is kept, and a revoked one stays listed. */
export class CreateApiTokens1763940000000 implements MigrationInterface {
  name = 'CreateApiTokens1763940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_tokens (
        name text PRIMARY KEY,
        digest bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_tokens`);
  }
}
