import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A projection run inside a workflow task (a local activity) is written before Temporal
 * commits that task. If the task is lost with its worker, a later task of the same run is
 * the truth and rewrites what the lost one wrote. So the case row records which run and
 * task wrote it, and a history row written that way stays replaceable until a later task
 * confirms it; a confirmed row, like every row before, never changes.
 */
export class AddProjectionFence1763890000000 implements MigrationInterface {
  name = 'AddProjectionFence1763890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN projected_run text, ADD COLUMN projected_task bigint`);
    await queryRunner.query(`ALTER TABLE case_history ADD COLUMN unconfirmed_run text, ADD COLUMN unconfirmed_task bigint`);
    await queryRunner.query(`CREATE INDEX ix_case_history_unconfirmed ON case_history (case_id) WHERE unconfirmed_task IS NOT NULL`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.unconfirmed_task IS NOT NULL THEN
          IF TG_OP = 'DELETE' THEN
            RETURN OLD;
          END IF;
          -- Confirming changes nothing but the mark.
          IF NEW.unconfirmed_task IS NULL AND NEW.unconfirmed_run IS NULL
             AND to_jsonb(NEW) - 'unconfirmed_run' - 'unconfirmed_task' = to_jsonb(OLD) - 'unconfirmed_run' - 'unconfirmed_task' THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'case_history is append-only';
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_history is append-only';
      END $$`);
    await queryRunner.query(`DROP INDEX ix_case_history_unconfirmed`);
    await queryRunner.query(`ALTER TABLE case_history DROP COLUMN unconfirmed_task, DROP COLUMN unconfirmed_run`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN projected_task, DROP COLUMN projected_run`);
  }
}
