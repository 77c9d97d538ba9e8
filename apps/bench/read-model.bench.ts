import { randomUUID } from 'node:crypto';
import { apiCall, type BenchContext } from './bench-context';
import { summarize, timed, type Summary } from './statistics';

/**
 * Seeded cases, one in five open, as a county's archive would be: of every 20, one waits
 * on the council, one on the network, two on the parties (some answered, some overdue),
 * fourteen are in force, one rejected and one withdrawn.
 */
const SEED_TITLE = 'Bänk: arkiverat ärende';

interface SeedCase {
  readonly id: string;
  readonly stage: string;
  readonly openedAt: Date;
  readonly deadline: string;
  readonly parties: { party: string; status: string; date: string | null; body: string | null }[];
  readonly history: { type: string; stage: string; party: string | null; outcome: string | null; date: string }[];
}

function seedCase(index: number, now: number, partyIds: readonly string[]): SeedCase {
  const kind = index % 20;
  const open = kind < 4;
  const day = 86_400_000;
  // Open cases are from the past ten months, closed ones spread over the seven years before;
  // the multiplier spreads the kinds of open cases evenly over the days.
  const openedAt = new Date(open ? now - ((index * 37) % 300) * day - (index % 24) * 3_600_000 : Date.UTC(2019, 0, 1) + index * 6 * 3_600_000);
  const deadline = new Date(openedAt.getTime() + 180 * day).toISOString().slice(0, 10);
  const date = openedAt.toISOString().slice(0, 10);
  const stage = kind === 0 ? 'council' : kind === 1 ? 'network' : kind < 4 ? 'decisions' : kind < 18 ? 'in-force' : kind === 18 ? 'rejected' : 'withdrawn';
  const answered = stage === 'decisions' ? index % partyIds.length : stage === 'in-force' ? partyIds.length : 0;
  const parties = partyIds.map((party, ordinal) => {
    if (ordinal >= answered) return { party, status: 'pending', date: null, body: null };
    const scheduled = stage === 'decisions' && ordinal % 3 === 0;
    return { party, status: scheduled ? 'scheduled' : 'adopted', date, body: 'Socialnämnden' };
  });
  const history: SeedCase['history'] = [{ type: 'network.approve', stage: 'council', party: null, outcome: null, date }];
  if (stage === 'network') history.push({ type: 'council.refer-back', stage, party: null, outcome: 'refer-back', date });
  if (stage !== 'council' && stage !== 'network') history.push({ type: 'council.recommend', stage: 'decisions', party: null, outcome: 'recommend', date });
  for (const answer of parties.filter((candidate) => candidate.status !== 'pending')) {
    history.push({ type: `decision.${answer.status}`, stage: 'decisions', party: answer.party, outcome: answer.status, date });
  }
  if (stage === 'in-force') history[history.length - 1] = { ...history[history.length - 1], stage };
  if (stage === 'rejected') history.push({ type: 'council.reject', stage, party: null, outcome: 'reject', date });
  if (stage === 'withdrawn') history.push({ type: 'network.withdraw', stage, party: null, outcome: 'withdraw', date });
  return { id: randomUUID(), stage, openedAt, deadline, parties, history };
}

function waitingOnOf(seed: SeedCase): string[] {
  if (seed.stage === 'council') return ['valfardsradet'];
  if (seed.stage === 'network') return ['lchnv'];
  if (seed.stage !== 'decisions') return [];
  return seed.parties.filter((answer) => answer.status === 'pending' || answer.status === 'scheduled').map((answer) => answer.party);
}

/** Adds seeded cases until the read model holds `total` cases. Straight into the tables, as the projection writes them. */
export async function seedReadModel(context: BenchContext, total: number): Promise<void> {
  const existing = Number((await context.pool.query<{ count: string }>('SELECT count(*) FROM cases')).rows[0].count);
  const seededBefore = Number((await context.pool.query<{ count: string }>('SELECT count(*) FROM cases WHERE title = $1', [SEED_TITLE])).rows[0].count);
  const now = Date.now();
  for (let start = 0; start < total - existing; start += 500) {
    const batch = Array.from({ length: Math.min(500, total - existing - start) }, (_, offset) => seedCase(seededBefore + start + offset, now, context.parties.map((party) => party.id)));
    const client = await context.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO cases (id, process_id, process_version, title, reference, stage, waiting_on, stage_since, deadline,
                            opened_at, sequence, attachments, version, waiting_since, overdue_from)
         SELECT id, 'regional-agreement', 1, $2, 'BÄNK ' || n, stage, string_to_array(waiting, ','), opened, deadline, opened, seq, '[]', 1,
                opened::date, CASE WHEN stage = 'decisions' THEN deadline END
           FROM unnest($1::uuid[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::date[], $8::int[])
                AS s(id, n, stage, waiting, opened, deadline, seq)`,
        [
          batch.map((seed) => seed.id),
          SEED_TITLE,
          batch.map((_, offset) => seededBefore + start + offset),
          batch.map((seed) => seed.stage),
          batch.map((seed) => waitingOnOf(seed).join(',')),
          batch.map((seed) => seed.openedAt),
          batch.map((seed) => seed.deadline),
          batch.map((seed) => seed.history.length),
        ],
      );
      const parties = batch.flatMap((seed) => seed.parties.map((answer, ordinal) => ({ caseId: seed.id, ordinal, ...answer })));
      await client.query(
        `INSERT INTO case_parties (case_id, party, ordinal, status, date, body, answered_at, version)
         SELECT case_id, party, ordinal, status, date, body, CASE WHEN date IS NULL THEN NULL ELSE date::timestamptz END,
                CASE WHEN date IS NULL THEN NULL ELSE 1 END
           FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::text[], $5::date[], $6::text[]) AS p(case_id, party, ordinal, status, date, body)`,
        [
          parties.map((row) => row.caseId),
          parties.map((row) => row.party),
          parties.map((row) => row.ordinal),
          parties.map((row) => row.status),
          parties.map((row) => row.date),
          parties.map((row) => row.body),
        ],
      );
      const history = batch.flatMap((seed) => seed.history.map((entry, index) => ({ caseId: seed.id, sequence: index + 1, at: seed.openedAt, ...entry })));
      await client.query(
        `INSERT INTO case_history (case_id, sequence, at, type, actor, stage, party, outcome, date, version)
         SELECT case_id, sequence, at, type, CASE WHEN party IS NULL THEN 'coordinator' ELSE 'party:' || party END, stage, party, outcome, date, 1
           FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[])
                AS h(case_id, sequence, at, type, stage, party, outcome, date)`,
        [
          history.map((row) => row.caseId),
          history.map((row) => row.sequence),
          history.map((row) => row.at),
          history.map((row) => row.type),
          history.map((row) => row.stage),
          history.map((row) => row.party),
          history.map((row) => row.outcome),
          history.map((row) => row.date),
        ],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
  // As autovacuum keeps a live database: statistics, and pages marked all-visible for index-only scans.
  for (const table of ['cases', 'case_parties', 'case_history']) await context.pool.query(`VACUUM ANALYZE ${table}`);
}

/** The dashboard's aggregation written by hand as one statement (the first page of 50 and the totals): the database's own floor. */
export const HAND_WRITTEN_DASHBOARD = `
WITH open_cases AS (
  SELECT c.id, c.title, c.stage, c.waiting_on, c.waiting_since, c.overdue_from, c.deadline,
         (c.overdue_from IS NOT NULL AND c.overdue_from < $1::date AND cardinality(c.waiting_on) > 0) AS overdue
    FROM cases c
   WHERE cardinality(c.waiting_on) > 0
), first_page AS (
  SELECT * FROM open_cases o ORDER BY o.overdue DESC, CASE WHEN o.overdue THEN o.overdue_from END, o.waiting_since, o.id LIMIT 50
)
SELECT json_build_object(
  'byStage', (SELECT json_object_agg(stage, n) FROM (SELECT stage, count(*) AS n FROM cases GROUP BY stage) s),
  'blockedTotal', (SELECT count(*) FROM open_cases),
  'overdueTotal', (SELECT count(*) FILTER (WHERE overdue) FROM open_cases),
  'blocked', (SELECT coalesce(json_agg(json_build_object(
                 'id', o.id, 'title', o.title, 'stage', o.stage, 'waitingOn', o.waiting_on, 'waitingSince', o.waiting_since,
                 'deadline', o.deadline, 'overdue', o.overdue,
                 'scheduled', (SELECT coalesce(json_agg(json_build_object('party', p.party, 'body', p.body, 'date', p.date) ORDER BY p.ordinal), '[]')
                                 FROM case_parties p WHERE p.case_id = o.id AND p.status = 'scheduled' AND p.date IS NOT NULL))
               ORDER BY o.overdue DESC, CASE WHEN o.overdue THEN o.overdue_from END, o.waiting_since, o.id), '[]')
                FROM first_page o),
  'byParty', (SELECT coalesce(json_agg(json_build_object('party', party, 'waiting', waiting, 'overdue', overdue)), '[]')
                FROM (SELECT w.party, count(*) AS waiting, count(*) FILTER (WHERE o.overdue) AS overdue
                        FROM open_cases o, unnest(o.waiting_on) AS w(party)
                       WHERE o.stage = 'decisions'
                       GROUP BY w.party) t)
) AS dashboard`;

/** The case list's first page (50, newest first, with parties and history) and its total, by hand. */
export const HAND_WRITTEN_LIST = `
SELECT (SELECT count(*) FROM cases) AS total,
       (SELECT coalesce(json_agg(page ORDER BY page.opened_at DESC, page.id), '[]')
          FROM (SELECT c.*,
                       (SELECT json_agg(p ORDER BY p.ordinal) FROM case_parties p WHERE p.case_id = c.id) AS parties,
                       (SELECT json_agg(h ORDER BY h.sequence) FROM case_history h WHERE h.case_id = c.id) AS history
                  FROM cases c
                 ORDER BY c.opened_at DESC, c.id
                 LIMIT 50) page) AS items`;

export interface ReadComparison {
  readonly cases: number;
  readonly dashboard: Summary;
  readonly dashboardSql: Summary;
  readonly list: Summary;
  readonly listSql: Summary;
  readonly dashboardBlocked: number;
}

/** The dashboard and the list over HTTP against their hand-written SQL, alternated request by request. */
export async function compareReads(context: BenchContext, cases: number, rounds: number): Promise<ReadComparison> {
  await seedReadModel(context, cases);
  const today = new Date().toISOString().slice(0, 10);
  const samples = { dashboard: [] as number[], dashboardSql: [] as number[], list: [] as number[], listSql: [] as number[] };
  let dashboardBlocked = 0;
  const steps: [keyof typeof samples, () => Promise<unknown>][] = [
    [
      'dashboard',
      async () => {
        const answer = await apiCall(context, 'GET', '/api/dashboard');
        if (answer.status !== 200) throw new Error(`dashboard: HTTP ${answer.status}`);
        dashboardBlocked = (JSON.parse(answer.body) as { blockedTotal: number }).blockedTotal;
      },
    ],
    ['dashboardSql', () => context.pool.query(HAND_WRITTEN_DASHBOARD, [today])],
    [
      'list',
      async () => {
        const answer = await apiCall(context, 'GET', '/api/cases');
        if (answer.status !== 200) throw new Error(`list: HTTP ${answer.status}`);
      },
    ],
    ['listSql', () => context.pool.query(HAND_WRITTEN_LIST)],
  ];
  const warmUp = 3;
  for (let round = 0; round < rounds + warmUp; round += 1) {
    // The order turns every round so that neither side always follows the other.
    for (let index = 0; index < steps.length; index += 1) {
      const [name, call] = steps[(index + round) % steps.length];
      const ms = await timed(call);
      if (round >= warmUp) samples[name].push(ms);
    }
  }
  return {
    cases,
    dashboard: summarize(samples.dashboard),
    dashboardSql: summarize(samples.dashboardSql),
    list: summarize(samples.list),
    listSql: summarize(samples.listSql),
    dashboardBlocked,
  };
}
