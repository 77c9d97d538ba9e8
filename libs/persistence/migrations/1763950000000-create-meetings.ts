import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The network's and the council's meeting days: data the coordinator keeps, not code. */
export class CreateMeetings1763950000000 implements MigrationInterface {
  name = 'CreateMeetings1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meetings (
        body text NOT NULL,
        date date NOT NULL,
        CONSTRAINT pk_meetings PRIMARY KEY (body, date),
        CONSTRAINT ck_meetings_body CHECK (body IN ('network', 'council'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE meetings`);
  }
}
