import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContactsAndOutgoingEmail1763840000000 implements MigrationInterface {
  name = 'CreateContactsAndOutgoingEmail1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE party_contacts (
        party_id text NOT NULL,
        email text NOT NULL,
        name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_party_contacts PRIMARY KEY (party_id, email)
      )`);
    // One address once per party, however it is capitalised.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_party_contacts_party_email ON party_contacts (party_id, lower(email))`);
    await queryRunner.query(`
      CREATE TABLE outgoing_emails (
        id text NOT NULL,
        case_id text,
        party_id text,
        recipient text NOT NULL,
        subject text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT pk_outgoing_emails PRIMARY KEY (id),
        CONSTRAINT ck_outgoing_emails_status CHECK (status IN ('pending', 'sent'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_outgoing_emails_case_id ON outgoing_emails (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outgoing_emails`);
    await queryRunner.query(`DROP TABLE party_contacts`);
  }
}
