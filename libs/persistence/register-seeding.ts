import type { DataSource } from 'typeorm';
import type { RegisterSeed } from '../register';

/**
 * Fills the register from the seed the first time, in one transaction; a database that was
 * seeded once is never seeded again, whatever the coordinator has done with it since.
 */
export async function seedRegisterOnce(dataSource: DataSource, seed: RegisterSeed): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const claimed = await manager.query(
      `INSERT INTO register_seeding (id, county) VALUES (1, $1) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [seed.county],
    );
    if (claimed.length === 0) return;
    for (const party of seed.parties) {
      await manager.query(
        `INSERT INTO parties (id, name, kind, usual_body, population_count, population_year) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING`,
        [party.id, party.name, party.kind, party.usualBody ?? null, party.population ?? null, party.population === undefined ? null : seed.populationYear],
      );
    }
    for (const group of seed.groups) {
      await manager.query(`INSERT INTO party_groups (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [group.id, group.name]);
      await manager.query(
        `INSERT INTO party_group_members (group_id, party_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [group.id, group.parties],
      );
    }
  });
}
