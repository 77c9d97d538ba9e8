import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded files (attachments, minutes excerpts) and the column that ties a party's answer to its excerpt. */
export class CreateStoredFiles1763970000000 implements MigrationInterface {
  name = 'CreateStoredFiles1763970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stored_files (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        location text NOT NULL CHECK (location IN ('database', 'object-storage')),
        content bytea,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by text NOT NULL,
        uploaded_by_name text,
        CHECK ((location = 'database') = (content IS NOT NULL))
      )`);
    // Uploads are mostly PDFs and office files, compressed already: store them out of line without trying again.
    await queryRunner.query(`ALTER TABLE stored_files ALTER COLUMN content SET STORAGE EXTERNAL`);
    await queryRunner.query(`ALTER TABLE case_parties ADD COLUMN minutes_file jsonb`);
    await queryRunner.query(`ALTER TABLE case_history ADD COLUMN attachment smallint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_history DROP COLUMN attachment`);
    await queryRunner.query(`ALTER TABLE case_parties DROP COLUMN minutes_file`);
    await queryRunner.query(`DROP TABLE stored_files`);
  }
}
