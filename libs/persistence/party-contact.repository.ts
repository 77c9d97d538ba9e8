import type { DataSource } from 'typeorm';

/** The e-mail addresses the coordinator keeps for each party: who gets its reminders. */
export class PartyContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every party's addresses, by party id; parties without any are absent. */
  async listAll(): Promise<Map<string, string[]>> {
    const rows: { party_id: string; email: string }[] = await this.dataSource.query(
      `SELECT party_id, email FROM party_contacts ORDER BY party_id, lower(email)`,
    );
    const byParty = new Map<string, string[]>();
    for (const row of rows) byParty.set(row.party_id, [...(byParty.get(row.party_id) ?? []), row.email]);
    return byParty;
  }

  async listFor(party: string): Promise<string[]> {
    const rows: { email: string }[] = await this.dataSource.query(
      `SELECT email FROM party_contacts WHERE party_id = $1 ORDER BY lower(email)`,
      [party],
    );
    return rows.map((row) => row.email);
  }

  /** The party's addresses become exactly `emails` (already unique, ignoring case). */
  async replaceFor(party: string, emails: readonly string[]): Promise<string[]> {
    await this.dataSource.transaction(async (manager) => {
      // Serialises two saves of the same party, so that neither sees the other half done.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('party_contacts:' || $1))`, [party]);
      await manager.query(`DELETE FROM party_contacts WHERE party_id = $1`, [party]);
      if (emails.length > 0) {
        await manager.query(`INSERT INTO party_contacts (party_id, email) SELECT $1, unnest($2::text[])`, [party, emails]);
      }
    });
    return this.listFor(party);
  }
}
