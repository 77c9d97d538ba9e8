import type { DataSource, EntityManager } from 'typeorm';
import type { CaseProjection, QueuedNotice } from '../domain';
import type { CaseLifecycle } from './case-lifecycle';
import { preparedQuery } from './prepared-query';

/**
 * Writes a workflow's changes into the read model. Idempotent and monotonic: the case
 * row moves only to a newer sequence, and a history entry is written once per sequence,
 * so a retried or replayed projection never goes backwards or doubles a row.
 *
 * A fenced projection (written inside a workflow task, before Temporal commits it) may
 * come from a task that was then lost and retried with other updates in another order.
 * So, within a run, the task with the longer history wins: it rewrites the case row even
 * at a lower sequence, and replaces the unconfirmed history after the sequence it knows
 * was projected. A write from a task with a shorter history changes nothing.
 *
 * The party notices a fenced projection carries go into the outbox under the same rules:
 * confirmed up to the sequence the run knows was projected, and what a lost task queued
 * after it replaced, so that nothing a lost task meant to say is ever sent.
 */
export class CaseProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `taskQueue`: whose workers send the notices the projection carries. */
  async project(projection: ProjectionWithNotices, taskQueue: string | null = null): Promise<void> {
    // One statement, atomic on its own: no transaction's extra round trips on every answer's path.
    await this.write(this.dataSource.manager, projection, false, taskQueue);
  }

  /**
   * Writes one projection with the given manager (inside the caller's transaction).
   * `rewrite` writes the case row even at the sequence it already has: the rebuild's
   * way to repair a row from its workflow.
   */
  async write(
    manager: EntityManager,
    { state, waitingOn, newHistory, overdueFrom, waitingSince, fence, notices = [] }: ProjectionWithNotices,
    rewrite: boolean,
    taskQueue: string | null = null,
  ): Promise<void> {
    if (notices.length > 0 && (!fence || taskQueue === null)) throw new Error('Party notices are queued only by a fenced projection on a task queue');
    const parties = state.parties;
    // One statement: the case row, and only where it was written, its fenced history's
    // confirmation and lost tail, its new history, its parties and its notices (a round
    // trip each would be on every answer's path).
    await preparedQuery(
      manager,
      'overens-project-case',
      `WITH upserted AS (
         INSERT INTO cases (id, process_id, process_version, title, reference, stage, waiting_on,
                            stage_since, deadline, opened_at, sequence, attachments, version, lifecycle, overdue_from, waiting_since,
                            projected_run, projected_task)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $15, $16, $17, $18, $19)
         ON CONFLICT (id) DO UPDATE SET
           title = EXCLUDED.title, reference = EXCLUDED.reference, stage = EXCLUDED.stage,
           attachments = EXCLUDED.attachments, version = EXCLUDED.version,
           waiting_on = EXCLUDED.waiting_on, stage_since = EXCLUDED.stage_since,
           deadline = EXCLUDED.deadline, sequence = EXCLUDED.sequence,
           lifecycle = EXCLUDED.lifecycle, overdue_from = EXCLUDED.overdue_from, waiting_since = EXCLUDED.waiting_since,
           projected_run = coalesce(EXCLUDED.projected_run, cases.projected_run),
           projected_task = CASE WHEN EXCLUDED.projected_run IS NULL THEN cases.projected_task ELSE EXCLUDED.projected_task END
         WHERE $14
            -- Unfenced (committed) writes, and a run's first fenced write: only forwards.
            OR ((EXCLUDED.projected_run IS NULL OR cases.projected_run IS DISTINCT FROM EXCLUDED.projected_run)
                AND cases.sequence < EXCLUDED.sequence)
            -- Later in the same run. A task of the same history length is the same task going
            -- on, or one that replaced a lost speculative task (never persisted, so the length
            -- did not grow): either way the latest write is the truth.
            OR (cases.projected_run = EXCLUDED.projected_run AND cases.projected_task <= EXCLUDED.projected_task)
         RETURNING id
       ),
       -- What an earlier task wrote up to the sequence this run knows to be projected was
       -- committed; what a lost task wrote after it goes.
       confirmed AS (
         UPDATE case_history SET unconfirmed_run = NULL, unconfirmed_task = NULL
          WHERE $18::text IS NOT NULL AND EXISTS (SELECT 1 FROM upserted)
            AND case_id = $1 AND unconfirmed_task IS NOT NULL AND sequence <= $20::integer
            AND (unconfirmed_run IS DISTINCT FROM $18::text OR unconfirmed_task < $19::bigint)
       ),
       removed AS (
         DELETE FROM case_history
          WHERE $18::text IS NOT NULL AND EXISTS (SELECT 1 FROM upserted)
            AND case_id = $1 AND unconfirmed_task IS NOT NULL AND sequence > $20::integer
         RETURNING sequence
       ),
       -- The new history: for an unfenced write always (only new sequences are taken), for a
       -- fenced one where it was written; after the lost tail is gone (reading "removed"
       -- makes that delete run first), so the task taken again writes those sequences anew.
       history AS (
         INSERT INTO case_history (case_id, sequence, at, type, actor, request_id, stage, party, outcome, date, note,
                                   version, until_meeting, reopened, unreachable, actor_name, unconfirmed_run, unconfirmed_task, attachment)
         SELECT $1, h.sequence, h.at, h.type, h.actor, h.request_id, h.stage, h.party, h.outcome, h.date, h.note, h.version, h.until_meeting,
                CASE WHEN h.reopened IS NULL THEN NULL ELSE string_to_array(h.reopened, ',') END,
                CASE WHEN h.unreachable IS NULL THEN NULL ELSE string_to_array(h.unreachable, ',') END,
                h.actor_name, $18::text, $19::bigint, h.attachment
           FROM unnest($43::integer[], $44::timestamptz[], $45::text[], $46::text[], $47::text[], $48::text[], $49::text[],
                       $50::text[], $51::date[], $52::text[], $53::integer[], $54::date[], $55::text[], $56::text[], $57::text[],
                       $58::smallint[])
                AS h(sequence, at, type, actor, request_id, stage, party, outcome, date, note, version, until_meeting,
                     reopened, unreachable, actor_name, attachment)
          WHERE ($18::text IS NULL OR EXISTS (SELECT 1 FROM upserted))
            AND (SELECT count(*) FROM removed) >= 0
         ON CONFLICT (case_id, sequence) DO NOTHING
       ),
       parties AS (
         INSERT INTO case_parties (case_id, party, ordinal, status, date, body, paragraph, minutes_url, note, answered_at,
                                   party_reference, version, deadline, posted_on, name, appealed_on, final_on, minutes_file)
         SELECT $1, p.* FROM unnest($21::text[], $22::smallint[], $23::text[], $24::date[], $25::text[],
                                    $26::text[], $27::text[], $28::text[], $29::timestamptz[], $30::text[], $31::integer[],
                                    $32::date[], $33::date[], $34::text[], $35::date[], $36::date[], $37::jsonb[]) AS p
          WHERE EXISTS (SELECT 1 FROM upserted)
         ON CONFLICT (case_id, party) DO UPDATE SET
           status = EXCLUDED.status, date = EXCLUDED.date, body = EXCLUDED.body,
           paragraph = EXCLUDED.paragraph, minutes_url = EXCLUDED.minutes_url,
           note = EXCLUDED.note, answered_at = EXCLUDED.answered_at,
           party_reference = EXCLUDED.party_reference, version = EXCLUDED.version,
           deadline = EXCLUDED.deadline, posted_on = EXCLUDED.posted_on, name = EXCLUDED.name,
           appealed_on = EXCLUDED.appealed_on, final_on = EXCLUDED.final_on, minutes_file = EXCLUDED.minutes_file
         -- Only the answers that changed: one answer rewrites one row, not every party's.
         WHERE (case_parties.status, case_parties.date, case_parties.body, case_parties.paragraph, case_parties.minutes_url,
                case_parties.note, case_parties.answered_at, case_parties.party_reference, case_parties.version,
                case_parties.deadline, case_parties.posted_on, case_parties.name, case_parties.appealed_on,
                case_parties.final_on, case_parties.minutes_file)
               IS DISTINCT FROM
               (EXCLUDED.status, EXCLUDED.date, EXCLUDED.body, EXCLUDED.paragraph, EXCLUDED.minutes_url,
                EXCLUDED.note, EXCLUDED.answered_at, EXCLUDED.party_reference, EXCLUDED.version,
                EXCLUDED.deadline, EXCLUDED.posted_on, EXCLUDED.name, EXCLUDED.appealed_on,
                EXCLUDED.final_on, EXCLUDED.minutes_file)
       ),
       -- The outbox, fenced as the history is: what this run knows was projected is committed
       -- and may be sent; what a lost task queued after it, and does not queue again, goes.
       notices_confirmed AS (
         UPDATE party_notice_outbox SET confirmed = true
          WHERE $18::text IS NOT NULL AND EXISTS (SELECT 1 FROM upserted)
            AND case_id = $1 AND NOT confirmed AND sequence <= $20::integer
            AND (written_run IS DISTINCT FROM $18::text OR written_task < $19::bigint)
       ),
       notices_dropped AS (
         DELETE FROM party_notice_outbox
          WHERE $18::text IS NOT NULL AND EXISTS (SELECT 1 FROM upserted)
            AND case_id = $1 AND NOT confirmed AND sequence > $20::integer AND id <> ALL($39::text[])
       ),
       notices_queued AS (
         INSERT INTO party_notice_outbox (id, case_id, task_queue, sequence, request_id, notice, written_run, written_task)
         SELECT n.id, $1, $38, n.sequence, n.request_id, n.notice, $18, $19
           FROM unnest($39::text[], $40::integer[], $41::text[], $42::jsonb[]) AS n(id, sequence, request_id, notice)
          WHERE EXISTS (SELECT 1 FROM upserted)
         ON CONFLICT (id) DO UPDATE SET
           sequence = EXCLUDED.sequence, request_id = EXCLUDED.request_id, notice = EXCLUDED.notice,
           written_run = EXCLUDED.written_run, written_task = EXCLUDED.written_task, created_at = now()
          WHERE NOT party_notice_outbox.confirmed
       )
       SELECT id FROM upserted`,
      [
        state.id,
        state.process.id,
        state.process.version,
        state.title,
        state.reference,
        state.stage,
        waitingOn,
        state.stageSince,
        state.deadline,
        state.openedAt,
        state.sequence,
        JSON.stringify(state.attachments ?? []),
        state.version ?? 1,
        rewrite,
        lifecycleOf(state),
        // Projections written before overdueFrom existed judged by the case's deadline.
        overdueFrom === undefined ? (state.stage === 'decisions' ? state.deadline : null) : overdueFrom,
        // Projections written before waitingSince existed: the history rows tell, else the day recorded.
        waitingSince ?? (await recordedStepDate(manager, state.id, state.stageSince, newHistory)),
        fence?.run ?? null,
        fence?.task ?? null,
        fence?.after ?? 0,
        parties.map((answer) => answer.party),
        // The case's own order, which the register gave it when it started.
        parties.map((_answer, ordinal) => ordinal),
        parties.map((answer) => answer.status),
        parties.map((answer) => answer.date),
        parties.map((answer) => answer.body),
        parties.map((answer) => answer.paragraph),
        parties.map((answer) => answer.minutesUrl),
        parties.map((answer) => answer.note),
        parties.map((answer) => answer.answeredAt),
        parties.map((answer) => answer.partyReference ?? null),
        parties.map((answer) => answer.version ?? null),
        parties.map((answer) => answer.deadline ?? null),
        parties.map((answer) => answer.postedOn ?? null),
        parties.map((answer) => state.partyNames?.[answer.party] ?? null),
        parties.map((answer) => answer.appealedOn ?? null),
        parties.map((answer) => answer.finalOn ?? null),
        parties.map((answer) => (answer.minutesFile ? JSON.stringify(answer.minutesFile) : null)),
        taskQueue,
        notices.map((queued) => queued.id),
        notices.map((queued) => queued.sequence),
        notices.map((queued) => queued.requestId),
        notices.map((queued) => JSON.stringify(queued.notice)),
        newHistory.map((entry) => entry.sequence),
        newHistory.map((entry) => entry.at),
        newHistory.map((entry) => entry.type),
        newHistory.map((entry) => entry.actor),
        newHistory.map((entry) => entry.requestId),
        newHistory.map((entry) => entry.stage),
        newHistory.map((entry) => entry.party ?? null),
        newHistory.map((entry) => entry.outcome ?? null),
        newHistory.map((entry) => entry.date ?? null),
        newHistory.map((entry) => entry.note ?? null),
        newHistory.map((entry) => entry.version ?? null),
        newHistory.map((entry) => entry.untilMeeting ?? null),
        // unnest cannot take an array of arrays of different lengths: joined here, split in SQL.
        newHistory.map((entry) => (entry.reopened ? entry.reopened.join(',') : null)),
        newHistory.map((entry) => (entry.unreachable ? entry.unreachable.join(',') : null)),
        newHistory.map((entry) => entry.by ?? null),
        newHistory.map((entry) => entry.attachment ?? null),
      ],
    );
  }
}

/** A projection, and the party notices its steps gave rise to (only inside a workflow task). */
export type ProjectionWithNotices = CaseProjection & { readonly notices?: readonly QueuedNotice[] };

async function recordedStepDate(
  manager: EntityManager,
  caseId: string,
  stageSince: string,
  newHistory: CaseProjection['newHistory'],
): Promise<string> {
  const fresh = [...newHistory].reverse().find((entry) => entry.at === stageSince && entry.date);
  if (fresh?.date) return fresh.date;
  const rows: { date: string }[] = await manager.query(
    `SELECT date FROM case_history WHERE case_id = $1 AND at = $2 AND date IS NOT NULL ORDER BY sequence DESC LIMIT 1`,
    [caseId, stageSince],
  );
  return rows[0]?.date ?? stageSince.slice(0, 10);
}

function lifecycleOf(state: CaseProjection['state']): string | null {
  // The financing and proposal only where the case carries them, so that the read model holds what the workflow does.
  const carried = {
    ...(state.financing ? { financing: state.financing } : {}),
    ...(state.proposal ? { proposal: state.proposal } : {}),
    ...(state.owner ? { owner: state.owner } : {}),
  };
  if (state.remindedThrough === undefined) return Object.keys(carried).length > 0 ? JSON.stringify(carried) : null;
  const lifecycle: CaseLifecycle = {
    ...carried,
    reminders: state.reminders,
    remindedThrough: state.remindedThrough,
    validity: state.validity ?? null,
    followUpTerms: state.followUpTerms ?? null,
    followUp: state.followUp ?? null,
    extendsCase: state.extendsCase ?? null,
    inForceSince: state.inForceSince ?? null,
    ...(state.escalation ? { escalation: state.escalation } : {}),
  };
  return JSON.stringify(lifecycle);
}
