import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The party notices (a receipt for each answer, the notice that an agreement is in force)
 * waiting to be e-mailed: written with the projection that recorded their step, sent by
 * the workers once that step is known to be committed in its workflow.
 */
export class CreatePartyNoticeOutbox1763980000000 implements MigrationInterface {
  name = 'CreatePartyNoticeOutbox1763980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE party_notice_outbox (
        id text PRIMARY KEY,
        case_id uuid NOT NULL,
        task_queue text NOT NULL,
        sequence integer NOT NULL,
        request_id text,
        notice jsonb NOT NULL,
        written_run text NOT NULL,
        written_task bigint NOT NULL,
        confirmed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX ix_party_notice_outbox_case ON party_notice_outbox (case_id, sequence) WHERE NOT confirmed`);
    await queryRunner.query(`CREATE INDEX ix_party_notice_outbox_due ON party_notice_outbox (task_queue, next_attempt_at) WHERE confirmed AND sent_at IS NULL`);
    await queryRunner.query(`CREATE INDEX ix_party_notice_outbox_unconfirmed ON party_notice_outbox (task_queue, created_at) WHERE NOT confirmed`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE party_notice_outbox`);
  }
}
