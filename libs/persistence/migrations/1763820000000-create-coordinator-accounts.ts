import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCoordinatorAccounts1763820000000 implements MigrationInterface {
  name = 'CreateCoordinatorAccounts1763820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE coordinators (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        failed_sign_ins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_coordinators PRIMARY KEY (id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_coordinators_email ON coordinators (lower(email))`);
    await queryRunner.query(`
      CREATE TABLE coordinator_sessions (
        token_hash text NOT NULL,
        coordinator_id uuid NOT NULL,
        csrf_token text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_coordinator_sessions PRIMARY KEY (token_hash),
        CONSTRAINT fk_coordinator_sessions_coordinator FOREIGN KEY (coordinator_id) REFERENCES coordinators (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_coordinator_sessions_expires_at ON coordinator_sessions (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE coordinator_sessions`);
    await queryRunner.query(`DROP TABLE coordinators`);
  }
}
