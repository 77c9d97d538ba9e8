import type { DataSource } from 'typeorm';

/** Who a party's escalation goes to, and in what role (registrator, socialchef, kommundirektor, regiondirektor, annan). */
export type EscalationRole = 'registrator' | 'socialchef' | 'kommundirektor' | 'regiondirektor' | 'annan';
/** Who stands in for a party's contacts in a period (YYYY-MM-DD, both days included). */
export interface Substitute {
  readonly email: string;
  readonly from: string;
  readonly to: string;
}

export interface EscalationContact {
  readonly email: string;
  readonly role: EscalationRole;
}

/** The e-mail addresses the coordinator keeps for each party: who gets its reminders, and whom to escalate to. */
export class PartyContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every party's addresses, by party id; parties without any are absent. Given `today`,
   * a substitute whose period holds it is among its party's addresses.
   */
  async listAll(today?: string): Promise<Map<string, string[]>> {
    const rows: { party_id: string; email: string }[] = await this.dataSource.query(
      `SELECT party_id, email FROM (
         SELECT party_id, email FROM party_contacts
         UNION
         SELECT party_id, email FROM party_substitutes WHERE $1::date BETWEEN from_date AND to_date
       ) addresses ORDER BY party_id, lower(email)`,
      [today ?? null],
    );
    const byParty = new Map<string, string[]>();
    for (const row of rows) byParty.set(row.party_id, [...(byParty.get(row.party_id) ?? []), row.email]);
    return byParty;
  }

  /** The parties whose contact addresses hold this one (letters in any case). */
  async partiesWithAddress(email: string): Promise<string[]> {
    const rows: { party_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT party_id FROM party_contacts WHERE lower(email) = lower($1) ORDER BY party_id`,
      [email],
    );
    return rows.map((row) => row.party_id);
  }

  async listFor(party: string): Promise<string[]> {
    const rows: { email: string }[] = await this.dataSource.query(
      `SELECT email FROM party_contacts WHERE party_id = $1 ORDER BY lower(email)`,
      [party],
    );
    return rows.map((row) => row.email);
  }

  /** Every party's substitute (or one party's), by party id, whatever its period. */
  async substitutes(party?: string): Promise<Map<string, Substitute>> {
    const rows: { party_id: string; email: string; from: string; to: string }[] = await this.dataSource.query(
      `SELECT party_id, email, to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to"
         FROM party_substitutes WHERE $1::text IS NULL OR party_id = $1`,
      [party ?? null],
    );
    return new Map(rows.map((row) => [row.party_id, { email: row.email, from: row.from, to: row.to }]));
  }

  /** The party's substitute becomes `substitute`; null removes it. */
  async setSubstituteFor(party: string, substitute: Substitute | null): Promise<void> {
    if (substitute === null) {
      await this.dataSource.query(`DELETE FROM party_substitutes WHERE party_id = $1`, [party]);
      return;
    }
    await this.dataSource.query(
      `INSERT INTO party_substitutes (party_id, email, from_date, to_date) VALUES ($1, $2, $3, $4)
       ON CONFLICT (party_id) DO UPDATE SET email = EXCLUDED.email, from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date`,
      [party, substitute.email, substitute.from, substitute.to],
    );
  }

  /** Every party's escalation contact (or one party's), by party id; parties without one are absent. */
  async escalationContacts(party?: string): Promise<Map<string, EscalationContact>> {
    const rows: { party_id: string; email: string; role: EscalationRole }[] = await this.dataSource.query(
      `SELECT party_id, email, role FROM party_escalation_contacts WHERE $1::text IS NULL OR party_id = $1`,
      [party ?? null],
    );
    return new Map(rows.map((row) => [row.party_id, { email: row.email, role: row.role }]));
  }

  /** The party's escalation contact becomes `contact`; null removes it. */
  async setEscalationFor(party: string, contact: EscalationContact | null): Promise<void> {
    if (contact === null) {
      await this.dataSource.query(`DELETE FROM party_escalation_contacts WHERE party_id = $1`, [party]);
      return;
    }
    await this.dataSource.query(
      `INSERT INTO party_escalation_contacts (party_id, email, role) VALUES ($1, $2, $3)
       ON CONFLICT (party_id) DO UPDATE SET email = EXCLUDED.email, role = EXCLUDED.role`,
      [party, contact.email, contact.role],
    );
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
