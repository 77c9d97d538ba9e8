import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The person who took a step, by name (the signed-in coordinator), beside what kind of actor it was. */
export class AddHistoryActorName1763930000000 implements MigrationInterface {
  name = 'AddHistoryActorName1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_history ADD COLUMN actor_name text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_history DROP COLUMN actor_name`);
  }
}
