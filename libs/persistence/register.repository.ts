import type { DataSource, EntityManager } from 'typeorm';
import { CLOSED_STAGES, type PartyKind } from '../domain';
import { compareParties, type PartyGroup, type RegisterParty } from '../register';

export interface PartyFields {
  readonly name: string;
  readonly kind: PartyKind;
  readonly usualBody?: string | null;
  readonly population?: { readonly count: number; readonly year: number } | null;
}

/** Why the register refused a change; the API turns it into 400, 404 or 409. */
export class RegisterRefusal extends Error {
  constructor(
    readonly reason: 'unknown' | 'retired' | 'waited-on' | 'not-found' | 'empty',
    message: string,
    /** The ids refused, when the refusal is about some of those asked for. */
    readonly ids: readonly string[] = [],
  ) {
    super(message);
  }
}

interface PartyRow {
  id: string;
  name: string;
  kind: PartyKind;
  usual_body: string | null;
  population_count: number | null;
  population_year: number | null;
  retired_at: Date | null;
}

const PARTY_COLUMNS = `id, name, kind, usual_body, population_count, population_year, retired_at`;

function partyOf(row: PartyRow): RegisterParty {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    usualBody: row.usual_body,
    population: row.population_count === null || row.population_year === null ? null : { count: row.population_count, year: row.population_year },
    retired: row.retired_at !== null,
  };
}

/** The parties and groups a coordinator keeps: who can take part in a case. */
export class RegisterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Parties in register order; the retired ones only when asked for. */
  async listParties(options: { includeRetired?: boolean } = {}): Promise<RegisterParty[]> {
    const rows: PartyRow[] = await this.dataSource.query(
      `SELECT ${PARTY_COLUMNS} FROM parties ${options.includeRetired ? '' : 'WHERE retired_at IS NULL'}`,
    );
    return rows.map(partyOf).sort(compareParties);
  }

  async findParty(id: string): Promise<RegisterParty | undefined> {
    const rows: PartyRow[] = await this.dataSource.query(`SELECT ${PARTY_COLUMNS} FROM parties WHERE id = $1`, [id]);
    return rows[0] ? partyOf(rows[0]) : undefined;
  }

  /** Creates the party, or changes it (and brings a retired one back). */
  async saveParty(id: string, fields: PartyFields): Promise<{ party: RegisterParty; created: boolean }> {
    const rows: (PartyRow & { created: boolean })[] = await this.dataSource.query(
      `INSERT INTO parties (id, name, kind, usual_body, population_count, population_year) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, usual_body = EXCLUDED.usual_body,
         population_count = EXCLUDED.population_count, population_year = EXCLUDED.population_year,
         retired_at = NULL, updated_at = now()
       RETURNING ${PARTY_COLUMNS}, (xmax = 0) AS created`,
      [id, fields.name, fields.kind, fields.usualBody ?? null, fields.population?.count ?? null, fields.population?.year ?? null],
    );
    return { party: partyOf(rows[0]), created: rows[0].created };
  }

  /**
   * Retires a party: it stays on every case it was part of, leaves its groups, and is
   * offered for no new case. Refused while an open case still awaits its answer.
   */
  async retireParty(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found: { id: string }[] = await manager.query(`SELECT id FROM parties WHERE id = $1 FOR UPDATE`, [id]);
      if (found.length === 0) throw new RegisterRefusal('not-found', 'Parten finns inte.');
      const waiting: { title: string }[] = await manager.query(
        `SELECT c.title FROM case_parties p JOIN cases c ON c.id = p.case_id
         WHERE p.party = $1 AND p.status IN ('pending', 'scheduled') AND NOT (c.stage = ANY($2::text[]))
         ORDER BY c.opened_at LIMIT 3`,
        [id, CLOSED_STAGES],
      );
      if (waiting.length > 0) {
        const titles = waiting.map((row) => `”${row.title}”`).join(', ');
        throw new RegisterRefusal('waited-on', `Parten kan inte avslutas medan öppna ärenden väntar på dess svar, till exempel ${titles}.`);
      }
      await manager.query(`UPDATE parties SET retired_at = COALESCE(retired_at, now()), updated_at = now() WHERE id = $1`, [id]);
      await manager.query(`DELETE FROM party_group_members WHERE party_id = $1`, [id]);
    });
  }

  /** The party's link generation: 0 until its links are first revoked (and for an id the register does not hold). */
  async linkGeneration(party: string): Promise<number> {
    const rows: { link_generation: number }[] = await this.dataSource.query(`SELECT link_generation FROM parties WHERE id = $1`, [party]);
    return rows[0]?.link_generation ?? 0;
  }

  /** Voids every link issued to the party until now (overview and per-case). */
  async revokeLinks(party: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE parties SET link_generation = link_generation + 1, links_revoked_at = now(), updated_at = now() WHERE id = $1 RETURNING id`,
      [party],
    );
    if (rows.length === 0) throw new RegisterRefusal('not-found', 'Parten finns inte.');
  }

  /** The names of a case's parties as the case knows them; the register's for older cases, the id when neither has one. */
  async partyNamesOnCase(caseId: string, parties: readonly string[]): Promise<Map<string, string>> {
    if (parties.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT r.id, COALESCE(cp.name, p.name, r.id) AS name
         FROM unnest($2::text[]) AS r(id)
         LEFT JOIN case_parties cp ON cp.case_id = $1 AND cp.party = r.id
         LEFT JOIN parties p ON p.id = r.id`,
      [caseId, [...parties]],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async listGroups(): Promise<PartyGroup[]> {
    return this.groupsWhere('', []);
  }

  async findGroup(id: string): Promise<PartyGroup | undefined> {
    return (await this.groupsWhere('WHERE g.id = $1', [id]))[0];
  }

  /** Creates or replaces the group; every member must be an active party. */
  async saveGroup(id: string, name: string, members: readonly string[]): Promise<{ group: PartyGroup; created: boolean }> {
    const created = await this.dataSource.transaction(async (manager) => {
      // The members are read and locked in the same transaction that writes them, so a party retired meanwhile is refused.
      await this.requireActive(manager, members, 'FOR SHARE');
      const rows: { created: boolean }[] = await manager.query(
        `INSERT INTO party_groups (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
         RETURNING (xmax = 0) AS created`,
        [id, name],
      );
      await manager.query(`DELETE FROM party_group_members WHERE group_id = $1`, [id]);
      await manager.query(`INSERT INTO party_group_members (group_id, party_id) SELECT $1, unnest($2::text[])`, [id, [...new Set(members)]]);
      return rows[0].created;
    });
    return { group: (await this.findGroup(id)) as PartyGroup, created };
  }

  /**
   * The parties a new case is for, in register order, read in one statement so that a
   * register change made meanwhile is seen whole or not at all: the named parties, a
   * group's members, or every active party.
   */
  async resolveCaseParties(choice: { parties?: readonly string[]; group?: string }): Promise<RegisterParty[]> {
    if (choice.group !== undefined) {
      const rows: (PartyRow & { group_id: string })[] = await this.dataSource.query(
        `SELECT g.id AS group_id, p.id, p.name, p.kind, p.usual_body, p.population_count, p.population_year, p.retired_at
         FROM party_groups g LEFT JOIN party_group_members m ON m.group_id = g.id LEFT JOIN parties p ON p.id = m.party_id
         WHERE g.id = $1`,
        [choice.group],
      );
      if (rows.length === 0) throw new RegisterRefusal('unknown', `Okänd grupp: ${choice.group}.`);
      const members = rows.filter((row) => row.id !== null).map(partyOf);
      if (members.length === 0) throw new RegisterRefusal('empty', `Gruppen ${choice.group} har inga parter.`);
      return members.sort(compareParties);
    }
    if (choice.parties === undefined) return this.listParties();
    return (await this.requireActive(this.dataSource.manager, choice.parties, '')).sort(compareParties);
  }

  private async requireActive(manager: EntityManager, ids: readonly string[], lock: '' | 'FOR SHARE'): Promise<RegisterParty[]> {
    const rows: PartyRow[] = await manager.query(`SELECT ${PARTY_COLUMNS} FROM parties WHERE id = ANY($1::text[]) ${lock}`, [[...new Set(ids)]]);
    const found = new Map(rows.map((row) => [row.id, partyOf(row)]));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length > 0) throw new RegisterRefusal('unknown', `Okänd part: ${[...new Set(unknown)].join(', ')}.`, unknown);
    const retired = ids.filter((id) => found.get(id)?.retired);
    if (retired.length > 0) throw new RegisterRefusal('retired', `Parten är avslutad och kan inte väljas: ${[...new Set(retired)].join(', ')}.`, retired);
    return [...found.values()];
  }

  private async groupsWhere(where: string, parameters: unknown[]): Promise<PartyGroup[]> {
    const rows: { id: string; name: string; members: { id: string; name: string; kind: PartyKind }[] }[] = await this.dataSource.query(
      `SELECT g.id, g.name,
         COALESCE(json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind)) FILTER (WHERE p.id IS NOT NULL), '[]') AS members
       FROM party_groups g LEFT JOIN party_group_members m ON m.group_id = g.id LEFT JOIN parties p ON p.id = m.party_id
       ${where} GROUP BY g.id, g.name ORDER BY g.name`,
      parameters,
    );
    return rows.map((row) => ({ id: row.id, name: row.name, parties: [...row.members].sort(compareParties).map((member) => member.id) }));
  }
}
