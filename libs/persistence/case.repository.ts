import type { DataSource } from 'typeorm';
import { STAGES, type CaseState, type HistoryEntry, type PartyAnswer, type Stage } from '../domain';
import type { CaseLifecycle } from './case-lifecycle';
import { preparedQuery } from './prepared-query';

export interface CaseFilter {
  readonly stage?: Stage;
  /** Any of these stages. */
  readonly stages?: readonly Stage[];
  /** Cases this person owns, by name. */
  readonly owner?: string;
  readonly waitingOn?: string;
  /** Only overdue cases (true) or only those that are not (false), judged on `today`. */
  readonly overdue?: boolean;
  /** Words the title or the registry number contains, whatever the case of their letters. */
  readonly text?: string;
  readonly today: string;
  readonly limit: number;
  readonly offset: number;
}

export interface BlockedCaseRow {
  readonly id: string;
  readonly title: string;
  readonly stage: Stage;
  readonly waitingOn: string[];
  /** The date of the step that brought the case into its stage. */
  readonly waitingSince: string;
  readonly deadline: string | null;
  readonly overdue: boolean;
  /** Parties that have put the matter on a committee's agenda, with the meeting. */
  readonly scheduled: { party: string; body: string | null; date: string }[];
}

export interface DashboardRows {
  readonly byStage: Record<Stage, number>;
  /** One page of the waiting cases. */
  readonly blocked: BlockedCaseRow[];
  readonly blockedTotal: number;
  readonly overdueTotal: number;
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
    const rows = await preparedQuery<CaseRow>(this.dataSource, 'overens-case-by-id', `${CASE_DOCUMENT} WHERE c.id = $1`, [id]);
    return rows.length > 0 ? toCaseState(rows[0]) : null;
  }

  async list(filter: CaseFilter): Promise<{ items: CaseState[]; total: number }> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    if (filter.stage) conditions.push(`c.stage = ${parameter(filter.stage)}`);
    if (filter.stages) conditions.push(`c.stage = ANY(${parameter(filter.stages)}::text[])`);
    if (filter.owner) conditions.push(`c.lifecycle->>'owner' = ${parameter(filter.owner)}`);
    if (filter.waitingOn) conditions.push(`${parameter(filter.waitingOn)} = ANY(c.waiting_on)`);
    if (filter.overdue !== undefined) {
      const overdue = OVERDUE_SQL.replace('$1', parameter(filter.today));
      conditions.push(filter.overdue ? overdue : `NOT ${overdue}`);
    }
    if (filter.text) {
      // Each word somewhere in the title or the reference; % and _ are taken as themselves.
      for (const word of filter.text.split(/\s+/).filter(Boolean)) {
        const pattern = parameter(`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
        conditions.push(`(c.title ILIKE ${pattern} OR c.reference ILIKE ${pattern})`);
      }
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const filterParameters = [...parameters];
    // The total and the page side by side on the pool; the page is one statement with its
    // parties and history, what the hand-written SQL of the benchmark does.
    const [[{ total }], rows]: [{ total: string }[], CaseRow[]] = await Promise.all([
      this.dataSource.query(`SELECT count(*) AS total FROM cases c ${where}`, filterParameters),
      this.dataSource.query(
        `${CASE_DOCUMENT} ${where} ORDER BY c.opened_at DESC, c.id ASC LIMIT ${parameter(filter.limit)} OFFSET ${parameter(filter.offset)}`,
        parameters,
      ),
    ]);
    return { items: rows.map(toCaseState), total: Number(total) };
  }

  /** Each party's days from the council's recommendation to its decision, for every decided answer in the read model. */
  async daysToDecide(parties: readonly string[]): Promise<Map<string, number[]>> {
    if (parties.length === 0) return new Map();
    const rows: { party: string; days: number[] }[] = await this.dataSource.query(
      `SELECT p.party, array_agg(p.date - r.date) AS days
         FROM case_parties p
         JOIN LATERAL (SELECT max(h.date) AS date FROM case_history h
                        WHERE h.case_id = p.case_id AND h.type = 'council.recommend' AND h.date <= p.date) r ON r.date IS NOT NULL
        WHERE p.party = ANY($1::text[]) AND p.status IN ('adopted', 'rejected', 'opted-out', 'adopted-with-changes') AND p.date IS NOT NULL
        GROUP BY p.party`,
      [[...parties]],
    );
    return new Map(rows.map((row) => [row.party, row.days.map(Number)]));
  }

  /** The parties' decisions dated after `after` up to `through`, with their cases, oldest case first. */
  async decisionsBetween(after: string, through: string): Promise<DecisionRow[]> {
    const rows: { case_id: string; title: string; reference: string | null; stage: Stage; party: string; outcome: string; date: string }[] =
      await this.dataSource.query(
        `SELECT h.case_id, c.title, c.reference, c.stage, h.party, h.outcome, h.date
           FROM case_history h JOIN cases c ON c.id = h.case_id
          WHERE h.type LIKE 'decision.%' AND h.outcome <> 'scheduled' AND h.date > $1::date AND h.date <= $2::date
          ORDER BY c.opened_at, c.id, h.date, h.sequence`,
        [after, through],
      );
    return rows.map((row) => ({ caseId: row.case_id, title: row.title, reference: row.reference, stage: row.stage, party: row.party, outcome: row.outcome, date: row.date }));
  }

  /** `parties`: the register's active parties in order; a retired party a case still waits on is added after them. */
  async dashboard(today: string, parties: readonly string[], page: { limit: number; offset: number }): Promise<DashboardRows> {
    // Independent reads, side by side on the pool: the page waits for the slowest, not the sum.
    const [stageRows, blockedTotals, blockedRows, partyRows, followUps, periodRows] = await Promise.all([
      this.dataSource.query(`SELECT stage, count(*) AS count FROM cases GROUP BY stage`) as Promise<{ stage: Stage; count: string }[]>,
      // Both counts from the partial index of waiting cases (overdue: waiting, and its earliest deadline passed).
      this.dataSource.query(
        `SELECT (SELECT count(*) FROM cases c WHERE cardinality(c.waiting_on) > 0) AS waiting,
                (SELECT count(*) FROM cases c WHERE cardinality(c.waiting_on) > 0 AND c.overdue_from < $1::date) AS overdue`,
        [today],
      ) as Promise<{ waiting: string; overdue: string }[]>,
      // The page from two index scans, each stopping at the page's end: the overdue by how
      // long overdue, then the rest by how long waiting; sorting every waiting case would not.
      this.dataSource.query(
        `SELECT w.id, w.title, w.stage, w.waiting_on, w.waiting_since, w.deadline, w.overdue,
                (SELECT json_agg(json_build_object('party', p.party, 'body', p.body, 'date', p.date) ORDER BY p.ordinal)
                   FROM case_parties p
                  WHERE p.case_id = w.id AND p.status = 'scheduled' AND p.date IS NOT NULL) AS scheduled
           FROM ((SELECT c.id, c.title, c.stage, c.waiting_on, c.waiting_since, c.deadline, c.overdue_from, c.stage_since, true AS overdue
                    FROM cases c
                   WHERE cardinality(c.waiting_on) > 0 AND c.overdue_from < $1::date
                   ORDER BY c.overdue_from, c.waiting_since, c.stage_since, c.id
                   LIMIT $2::bigint + $3::bigint)
                 UNION ALL
                 (SELECT c.id, c.title, c.stage, c.waiting_on, c.waiting_since, c.deadline, c.overdue_from, c.stage_since, false AS overdue
                    FROM cases c
                   WHERE cardinality(c.waiting_on) > 0 AND (c.overdue_from IS NULL OR c.overdue_from >= $1::date)
                   ORDER BY c.waiting_since, c.stage_since, c.id
                   LIMIT $2::bigint + $3::bigint)) w
          ORDER BY w.overdue DESC, CASE WHEN w.overdue THEN w.overdue_from END ASC, w.waiting_since ASC, w.stage_since ASC, w.id ASC
          LIMIT $2 OFFSET $3`,
        [today, page.limit, page.offset],
      ) as Promise<
        {
          id: string;
          title: string;
          stage: Stage;
          waiting_on: string[];
          waiting_since: string;
          deadline: string | null;
          overdue: boolean;
          scheduled: { party: string; body: string | null; date: string }[] | null;
        }[]
      >,
      this.dataSource.query(
        // A party's own deadline, where the coordinator moved it, is a row of the few the partial index holds.
        `SELECT p.party, count(*) AS waiting, count(*) FILTER (WHERE coalesce(own.deadline, c.deadline) < $1::date) AS overdue
           FROM cases c
           CROSS JOIN unnest(c.waiting_on) AS p(party)
           LEFT JOIN case_parties own ON own.deadline IS NOT NULL AND own.case_id = c.id AND own.party = p.party
          WHERE c.stage = 'decisions'
          GROUP BY p.party`,
        [today],
      ) as Promise<{ party: string; waiting: string; overdue: string }[]>,
      this.dataSource.query(
        `SELECT c.id, c.title, c.lifecycle->'followUp'->>'owner' AS owner, c.lifecycle->'followUp'->>'due' AS due
           FROM cases c
          WHERE c.stage = 'in-force' AND c.lifecycle->'followUp'->>'status' = 'open'
          ORDER BY due, c.id`,
      ) as Promise<{ id: string; title: string; owner: string; due: string }[]>,
      this.dataSource.query(
        `SELECT c.id, c.title, c.lifecycle->'validity'->>'to' AS ends_on,
                jsonb_typeof(c.lifecycle->'validity'->'renewal') = 'object' AS renews,
                ARRAY(SELECT t->>'party' FROM jsonb_array_elements(c.lifecycle->'validity'->'terminations') t) AS terminated_by
           FROM cases c
          WHERE c.stage = 'in-force' AND jsonb_typeof(c.lifecycle->'validity') = 'object'
          ORDER BY ends_on, c.id`,
      ) as Promise<{ id: string; title: string; ends_on: string; renews: boolean; terminated_by: string[] | null }[]>,
    ]);
    const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
    for (const row of stageRows) byStage[row.stage] = Number(row.count);
    const blocked = blockedRows.map((row) => ({
      id: row.id,
      title: row.title,
      stage: row.stage,
      waitingOn: row.waiting_on,
      waitingSince: row.waiting_since,
      deadline: row.deadline,
      overdue: row.overdue,
      scheduled: row.scheduled ?? [],
    }));
    const stillAwaited = partyRows.map((row) => row.party).filter((party) => !parties.includes(party)).sort();
    const byParty = [...parties, ...stillAwaited].map((party) => {
      const row = partyRows.find((candidate) => candidate.party === party);
      return { party, waiting: Number(row?.waiting ?? 0), overdue: Number(row?.overdue ?? 0) };
    });
    const periods = periodRows.map((row) => ({ id: row.id, title: row.title, to: row.ends_on, renews: row.renews, terminatedBy: row.terminated_by ?? [] }));
    const totals = { blockedTotal: Number(blockedTotals[0].waiting), overdueTotal: Number(blockedTotals[0].overdue) };
    return { byStage, blocked, ...totals, byParty, followUps, periods };
  }
}

/** A party's decision on a case, as a status report lists it. */
export interface DecisionRow {
  readonly caseId: string;
  readonly title: string;
  readonly reference: string | null;
  readonly stage: Stage;
  readonly party: string;
  readonly outcome: string;
  readonly date: string;
}

/** A timestamp as the domain writes instants (ISO 8601 in UTC, milliseconds), made by the database for every row at once. */
const ISO_INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A case as one row: its columns, and its parties and history as JSON in the domain's shape. */
const CASE_DOCUMENT = `
SELECT c.id, c.process_id, c.process_version, c.title, c.reference, c.deadline, c.attachments, c.stage,
       c.stage_since, c.opened_at, c.sequence, c.version, c.lifecycle,
       (SELECT coalesce(json_agg(json_build_object(
                 'party', p.party, 'status', p.status, 'date', p.date, 'body', p.body, 'paragraph', p.paragraph,
                 'minutesUrl', p.minutes_url, 'partyReference', p.party_reference, 'note', p.note, 'version', p.version,
                 'answeredAt', ${ISO_INSTANT('p.answered_at')}, 'deadline', p.deadline, 'postedOn', p.posted_on,
                 'appealedOn', p.appealed_on, 'finalOn', p.final_on, 'name', p.name, 'minutesFile', p.minutes_file) ORDER BY p.ordinal), '[]')
          FROM case_parties p WHERE p.case_id = c.id) AS parties,
       (SELECT coalesce(json_agg(json_build_object(
                 'sequence', h.sequence, 'at', ${ISO_INSTANT('h.at')}, 'type', h.type, 'actor', h.actor, 'requestId', h.request_id,
                 'stage', h.stage, 'party', h.party, 'outcome', h.outcome, 'date', h.date, 'note', h.note,
                 'version', h.version, 'untilMeeting', h.until_meeting, 'reopened', h.reopened,
                 'unreachable', h.unreachable, 'by', h.actor_name, 'attachment', h.attachment) ORDER BY h.sequence), '[]')
          FROM case_history h WHERE h.case_id = c.id) AS history
  FROM cases c`;

interface CaseRow {
  id: string;
  process_id: string;
  process_version: number;
  title: string;
  reference: string | null;
  deadline: string | null;
  attachments: CaseState['attachments'];
  stage: Stage;
  stage_since: Date;
  opened_at: Date;
  sequence: number;
  version: number;
  lifecycle: CaseLifecycle | null;
  parties: (Omit<PartyAnswer, 'answeredAt'> & { answeredAt: string | null; name: string | null })[];
  history: Record<string, unknown>[];
}

function toCaseState(row: CaseRow): CaseState {
  const parties: PartyAnswer[] = row.parties.map(({ deadline, postedOn, appealedOn, finalOn, answeredAt, minutesFile, name: _name, ...answer }) => ({
    ...answer,
    answeredAt,
    ...(minutesFile ? { minutesFile } : {}),
    ...(deadline !== null && deadline !== undefined ? { deadline } : {}),
    ...(postedOn !== null && postedOn !== undefined ? { postedOn } : {}),
    // The court's dismissal closes the appeal: the domain then keeps appealedOn as null beside finalOn.
    ...(finalOn !== null && finalOn !== undefined ? { appealedOn: null, finalOn } : {}),
    ...(appealedOn !== null && appealedOn !== undefined ? { appealedOn } : {}),
  }));
  const named = row.parties.filter((answer) => answer.name !== null);
  // Optional fields are absent, as in the workflow's state, rather than null.
  const history = row.history.map((entry) => {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entry)) if (value !== null || key === 'requestId') kept[key] = value;
    return kept as unknown as HistoryEntry;
  });
  return {
    id: row.id,
    process: { id: row.process_id, version: row.process_version },
    title: row.title,
    reference: row.reference,
    deadline: row.deadline,
    attachments: row.attachments,
    stage: row.stage,
    stageSince: row.stage_since.toISOString(),
    openedAt: row.opened_at.toISOString(),
    parties,
    // The case's own names, as its workflow holds them; older cases hold none.
    ...(named.length > 0 ? { partyNames: Object.fromEntries(named.map((answer) => [answer.party, answer.name as string])) } : {}),
    history,
    sequence: row.sequence,
    version: row.version,
    ...(row.lifecycle ?? {}),
  };
}
