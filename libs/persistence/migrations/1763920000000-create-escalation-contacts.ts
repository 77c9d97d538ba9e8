import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whom to turn to when a party is long past its deadline: one address per party with its
 * role (the registrar, the head of social services, the municipal chief executive, …).
 */
export class CreateEscalationContacts1763920000000 implements MigrationInterface {
  name = 'CreateEscalationContacts1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE party_escalation_contacts (
        party_id text PRIMARY KEY,
        email text NOT NULL,
        role text NOT NULL,
        CONSTRAINT ck_party_escalation_contacts_role CHECK (role IN ('registrator', 'socialchef', 'kommundirektor', 'regiondirektor', 'annan'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE party_escalation_contacts`);
  }
}
