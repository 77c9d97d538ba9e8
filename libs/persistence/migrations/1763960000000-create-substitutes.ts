import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A party's substitute for a period (a registrar's vacation): its e-mails go to them too in that period. */
export class CreateSubstitutes1763960000000 implements MigrationInterface {
  name = 'CreateSubstitutes1763960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE party_substitutes (
        party_id text PRIMARY KEY,
        email text NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        CONSTRAINT ck_party_substitutes_period CHECK (to_date >= from_date)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE party_substitutes`);
  }
}
