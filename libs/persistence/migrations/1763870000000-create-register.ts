import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of parties and groups, and each case party's name as the case knows it.
 * The parties themselves are seeded after the migrations (register-seeding.ts), once.
 */
export class CreateRegister1763870000000 implements MigrationInterface {
  name = 'CreateRegister1763870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE parties (
        id text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        usual_body text,
        population_count integer,
        population_year smallint,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_parties PRIMARY KEY (id),
        CONSTRAINT ck_parties_kind CHECK (kind IN ('municipality', 'region', 'other')),
        CONSTRAINT ck_parties_population CHECK ((population_count IS NULL) = (population_year IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE party_groups (
        id text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_party_groups PRIMARY KEY (id)
      )`);
    await queryRunner.query(`
      CREATE TABLE party_group_members (
        group_id text NOT NULL,
        party_id text NOT NULL,
        CONSTRAINT pk_party_group_members PRIMARY KEY (group_id, party_id),
        CONSTRAINT fk_party_group_members_group FOREIGN KEY (group_id) REFERENCES party_groups (id) ON DELETE CASCADE,
        CONSTRAINT fk_party_group_members_party FOREIGN KEY (party_id) REFERENCES parties (id)
      )`);
    // One row once the register has been seeded, so a coordinator who empties it is not refilled.
    await queryRunner.query(`
      CREATE TABLE register_seeding (
        id smallint NOT NULL DEFAULT 1,
        county text NOT NULL,
        seeded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_register_seeding PRIMARY KEY (id),
        CONSTRAINT ck_register_seeding_one CHECK (id = 1)
      )`);
    await queryRunner.query(`ALTER TABLE case_parties ADD COLUMN name text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_parties DROP COLUMN name`);
    await queryRunner.query(`DROP TABLE register_seeding`);
    await queryRunner.query(`DROP TABLE party_group_members`);
    await queryRunner.query(`DROP TABLE party_groups`);
    await queryRunner.query(`DROP TABLE parties`);
  }
}
