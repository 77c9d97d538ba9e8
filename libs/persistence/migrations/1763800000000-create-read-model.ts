import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReadModel1763800000000 implements MigrationInterface {
  name = 'CreateReadModel1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid NOT NULL,
        process_id text NOT NULL,
        process_version integer NOT NULL,
        title text NOT NULL,
        reference text,
        stage text NOT NULL,
        waiting_on text[] NOT NULL DEFAULT '{}',
        stage_since timestamptz NOT NULL,
        deadline date,
        opened_at timestamptz NOT NULL,
        sequence integer NOT NULL,
        CONSTRAINT pk_cases PRIMARY KEY (id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_cases_stage ON cases (stage)`);
    await queryRunner.query(`CREATE INDEX ix_cases_waiting_on ON cases USING gin (waiting_on)`);
    await queryRunner.query(`CREATE INDEX ix_cases_stage_since ON cases (stage_since)`);
    await queryRunner.query(`
      CREATE TABLE case_parties (
        case_id uuid NOT NULL,
        party text NOT NULL,
        ordinal smallint NOT NULL,
        status text NOT NULL,
        date date,
        body text,
        paragraph text,
        minutes_url text,
        note text,
        answered_at timestamptz,
        CONSTRAINT pk_case_parties PRIMARY KEY (case_id, party),
        CONSTRAINT fk_case_parties_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE case_history (
        id bigserial NOT NULL,
        case_id uuid NOT NULL,
        sequence integer NOT NULL,
        at timestamptz NOT NULL,
        type text NOT NULL,
        actor text NOT NULL,
        request_id text,
        stage text NOT NULL,
        party text,
        outcome text,
        date date,
        note text,
        CONSTRAINT pk_case_history PRIMARY KEY (id),
        CONSTRAINT fk_case_history_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_case_history_sequence ON case_history (case_id, sequence)`);
    await queryRunner.query(`
      CREATE FUNCTION case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_history is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tr_case_history_append_only BEFORE UPDATE OR DELETE ON case_history
      FOR EACH ROW EXECUTE FUNCTION case_history_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_history`);
    await queryRunner.query(`DROP FUNCTION case_history_append_only`);
    await queryRunner.query(`DROP TABLE case_parties`);
    await queryRunner.query(`DROP TABLE cases`);
  }
}
