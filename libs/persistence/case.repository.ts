import type { DataSource } from 'typeorm';
import { PARTY_IDS, STAGES, type CaseState, type HistoryEntry, type PartyAnswer, type Stage } from '../domain';
import { CaseEntity } from './case.entity';

export interface CaseFilter {
  readonly stage?: Stage;
  readonly waitingOn?: string;
  /** Only overdue cases (true) or only those that are not (false), judged on `today`. */
  readonly overdue?: boolean;
  readonly today: string;
  readonly limit: number;
  readonly offset: number;
}

export interface BlockedCaseRow {
  readonly id: string;
  readonly title: string;
  readonly stage: Stage;
  readonly waitingOn: string[];
  readonly waitingSince: Date;
  readonly deadline: string | null;
  readonly overdue: boolean;
  /** Parties that have put the matter on a committee's agenda, with the meeting. */
  readonly scheduled: { party: string; body: string | null; date: string }[];
}

export interface DashboardRows {
  readonly byStage: Record<Stage, number>;
  readonly blocked: BlockedCaseRow[];
  readonly byParty: { party: string; waiting: number; overdue: number }[];
  /** Open follow-up assignments of cases in force, soonest due first. */
  readonly followUps: { id: string; title: string; owner: string; due: string }[];
  /** Agreements in force with an end date, soonest first. */
  readonly periods: { id: string; title: string; to: string; renews: boolean; terminatedBy: string[] }[];
}

/**
 * Overdue in SQL, the same rule as the domain's `isOverdue`: the deadline has passed and
 * parties still have to decide (only the `decisions` stage waits on parties).
 */
const OVERDUE_SQL = `(c.overdue_from IS NOT NULL AND c.overdue_from < $1::date AND cardinality(c.waiting_on) > 0)`;

/** Reads the read model. The workflows alone write it (through the projection). */
export class CaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<CaseState | null> {
    const entity = await this.dataSource.getRepository(CaseEntity).findOne({
      where: { id },
      relations: { parties: true, history: true },
      order: { parties: { ordinal: 'ASC' }, history: { sequence: 'ASC' } },
    });
    return entity ? toCaseState(entity) : null;
  }

  async list(filter: CaseFilter): Promise<{ items: CaseState[]; total: number }> {
    const query = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    if (filter.stage) query.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.waitingOn) query.andWhere(':waitingOn = ANY(c.waiting_on)', { waitingOn: filter.waitingOn });
    if (filter.overdue !== undefined) {
      const overdue = OVERDUE_SQL.replace('$1', ':today');
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { today: filter.today });
    }
    const total = await query.getCount();
    const page = await query
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset)
      .select('c.id')
      .getMany();
    if (page.length === 0) return { items: [], total };
    const entities = await this.dataSource.getRepository(CaseEntity).find({
      where: page.map(({ id }) => ({ id })),
      relations: { parties: true, history: true },
      // Separate queries for parties and history: one join would repeat each case's row parties × history times.
      relationLoadStrategy: 'query',
      order: { openedAt: 'DESC', id: 'ASC', parties: { ordinal: 'ASC' }, history: { sequence: 'ASC' } },
    });
    return { items: entities.map(toCaseState), total };
  }

  async dashboard(today: string): Promise<DashboardRows> {
    const stageRows: { stage: Stage; count: string }[] = await this.dataSource.query(
      `SELECT stage, count(*) AS count FROM cases GROUP BY stage`,
    );
    const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
    for (const row of stageRows) byStage[row.stage] = Number(row.count);

    const blockedRows: {
      id: string;
      title: string;
      stage: Stage;
      waiting_on: string[];
      stage_since: Date;
      deadline: string | null;
      overdue: boolean;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.title, c.stage, c.waiting_on, c.stage_since, c.deadline, ${OVERDUE_SQL} AS overdue
         FROM cases c
        WHERE cardinality(c.waiting_on) > 0
        ORDER BY overdue DESC, CASE WHEN ${OVERDUE_SQL} THEN c.overdue_from END ASC, c.stage_since ASC, c.id ASC`,
      [today],
    );
    const scheduledRows: { case_id: string; party: string; body: string | null; date: string }[] = blockedRows.length
      ? await this.dataSource.query(
          `SELECT case_id, party, body, date FROM case_parties
            WHERE status = 'scheduled' AND date IS NOT NULL AND case_id = ANY($1::uuid[])
            ORDER BY ordinal`,
          [blockedRows.map((row) => row.id)],
        )
      : [];
    // Grouped once: filtering every meeting for every case is quadratic at 10,000 cases.
    const scheduledByCase = new Map<string, { party: string; body: string | null; date: string }[]>();
    for (const { case_id: caseId, party, body, date } of scheduledRows) {
      const list = scheduledByCase.get(caseId) ?? [];
      list.push({ party, body, date });
      scheduledByCase.set(caseId, list);
    }
    const blocked = blockedRows.map((row) => ({
      id: row.id,
      title: row.title,
      stage: row.stage,
      waitingOn: row.waiting_on,
      waitingSince: row.stage_since,
      deadline: row.deadline,
      overdue: row.overdue,
      scheduled: scheduledByCase.get(row.id) ?? [],
    }));

    const partyRows: { party: string; waiting: string; overdue: string }[] = await this.dataSource.query(
      `SELECT p.party, count(*) AS waiting,
              count(*) FILTER (WHERE coalesce(cp.deadline, c.deadline) < $1::date) AS overdue
         FROM cases c
         CROSS JOIN unnest(c.waiting_on) AS p(party)
         JOIN case_parties cp ON cp.case_id = c.id AND cp.party = p.party
        WHERE c.stage = 'decisions'
        GROUP BY p.party`,
      [today],
    );
    const byParty = PARTY_IDS.map((party) => {
      const row = partyRows.find((candidate) => candidate.party === party);
      return { party, waiting: Number(row?.waiting ?? 0), overdue: Number(row?.overdue ?? 0) };
    });
    const followUps: { id: string; title: string; owner: string; due: string }[] = await this.dataSource.query(
      `SELECT c.id, c.title, c.lifecycle->'followUp'->>'owner' AS owner, c.lifecycle->'followUp'->>'due' AS due
         FROM cases c
        WHERE c.stage = 'in-force' AND c.lifecycle->'followUp'->>'status' = 'open'
        ORDER BY due, c.id`,
    );
    const periodRows: { id: string; title: string; ends_on: string; renews: boolean; terminated_by: string[] | null }[] = await this.dataSource.query(
      `SELECT c.id, c.title, c.lifecycle->'validity'->>'to' AS ends_on,
              jsonb_typeof(c.lifecycle->'validity'->'renewal') = 'object' AS renews,
              ARRAY(SELECT t->>'party' FROM jsonb_array_elements(c.lifecycle->'validity'->'terminations') t) AS terminated_by
         FROM cases c
        WHERE c.stage = 'in-force' AND jsonb_typeof(c.lifecycle->'validity') = 'object'
        ORDER BY ends_on, c.id`,
    );
    const periods = periodRows.map((row) => ({ id: row.id, title: row.title, to: row.ends_on, renews: row.renews, terminatedBy: row.terminated_by ?? [] }));
    return { byStage, blocked, byParty, followUps, periods };
  }
}

function toCaseState(entity: CaseEntity): CaseState {
  const parties: PartyAnswer[] = [...entity.parties]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((row) => ({
      party: row.party,
      status: row.status,
      date: row.date,
      body: row.body,
      paragraph: row.paragraph,
      minutesUrl: row.minutesUrl,
      partyReference: row.partyReference,
      note: row.note,
      version: row.version,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      ...(row.deadline !== null ? { deadline: row.deadline } : {}),
      ...(row.postedOn !== null ? { postedOn: row.postedOn } : {}),
    }));
  const history: HistoryEntry[] = [...entity.history]
    .sort((a, b) => a.sequence - b.sequence)
    .map((row) => ({
      sequence: row.sequence,
      at: row.at.toISOString(),
      type: row.type,
      actor: row.actor,
      requestId: row.requestId,
      stage: row.stage,
      ...(row.party !== null ? { party: row.party } : {}),
      ...(row.outcome !== null ? { outcome: row.outcome } : {}),
      ...(row.date !== null ? { date: row.date } : {}),
      ...(row.note !== null ? { note: row.note } : {}),
      ...(row.version !== null ? { version: row.version } : {}),
      ...(row.untilMeeting !== null ? { untilMeeting: row.untilMeeting } : {}),
      ...(row.reopened !== null ? { reopened: row.reopened } : {}),
      ...(row.unreachable !== null ? { unreachable: row.unreachable } : {}),
    }));
  return {
    id: entity.id,
    process: { id: entity.processId, version: entity.processVersion },
    title: entity.title,
    reference: entity.reference,
    deadline: entity.deadline,
    attachments: entity.attachments,
    stage: entity.stage,
    stageSince: entity.stageSince.toISOString(),
    openedAt: entity.openedAt.toISOString(),
    parties,
    history,
    sequence: entity.sequence,
    version: entity.version,
    ...(entity.lifecycle ?? {}),
  };
}
