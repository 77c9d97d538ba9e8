import type { DataSource, EntityManager } from 'typeorm';
import type { CaseProjection } from '../domain';
import { CaseProjectionRepository } from './case-projection.repository';

/** What a rebuild did, or in a dry run would do, to each case it read from a workflow. */
export interface RebuildReport {
  readonly dryRun: boolean;
  /** Cases whose workflows were read. */
  readonly read: number;
  /** Cases the read model did not hold. */
  readonly created: readonly CaseChange[];
  /** Cases whose rows changed (the row, its parties, or new history). */
  readonly updated: readonly CaseChange[];
  readonly unchanged: number;
  /** Cases in the read model whose workflows were not read: left exactly as they are. */
  readonly untouched: number;
}

export interface CaseChange {
  readonly id: string;
  /** The case row's sequence before (null: no row) and after. */
  readonly from: number | null;
  readonly to: number;
  readonly historyAdded: number;
}

/**
 * The read model holds more of a case than its workflow: rewriting it would lose records.
 * The whole rebuild is refused, and nothing is written.
 */
export class ReadModelAheadError extends Error {
  override name = 'ReadModelAheadError';
  constructor(readonly cases: readonly { id: string; readModel: number; workflow: number }[]) {
    super(
      `refused: the read model is ahead of the workflow for ${cases.length} case(s) ` +
        `(${cases
          .slice(0, 5)
          .map((c) => `${c.id}: read model at ${c.readModel}, workflow at ${c.workflow}`)
          .join('; ')}${cases.length > 5 ? '; …' : ''}). ` +
        'Is TEMPORAL_ADDRESS/TEMPORAL_NAMESPACE the cluster these cases were run on? Nothing was changed.',
    );
  }
}

interface CaseRows {
  readonly caseRow: string | null;
  readonly parties: string | null;
  readonly history: number;
  readonly sequence: number | null;
  readonly historyThrough: number | null;
}

/**
 * Writes the cases read from their workflows into the read model, in one transaction, and
 * never deletes: a case whose workflow Temporal no longer holds (closed beyond retention,
 * or not matched by a narrowed rebuild) keeps its rows, and a history row once written
 * stays. Once a case has closed, its rows are the record (README: the record policy).
 */
export class ReadModelRebuild {
  private readonly projections: CaseProjectionRepository;

  constructor(private readonly dataSource: DataSource) {
    this.projections = new CaseProjectionRepository(dataSource);
  }

  async run(cases: AsyncIterable<CaseProjection>, options: { dryRun?: boolean } = {}): Promise<RebuildReport> {
    const dryRun = options.dryRun ?? false;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const report = await this.rewrite(runner.manager, cases, dryRun);
        if (dryRun) await runner.rollbackTransaction();
        else await runner.commitTransaction();
        return report;
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  private async rewrite(manager: EntityManager, cases: AsyncIterable<CaseProjection>, dryRun: boolean): Promise<RebuildReport> {
    const created: CaseChange[] = [];
    const updated: CaseChange[] = [];
    const ahead: { id: string; readModel: number; workflow: number }[] = [];
    const seen = new Set<string>();
    let unchanged = 0;
    for await (const projection of cases) {
      const { id, sequence } = projection.state;
      seen.add(id);
      const before = await rowsOf(manager, id);
      const readModelAt = Math.max(before.sequence ?? 0, before.historyThrough ?? 0);
      if (readModelAt > sequence) {
        ahead.push({ id, readModel: readModelAt, workflow: sequence });
        continue;
      }
      await this.projections.write(manager, projection, true);
      const after = await rowsOf(manager, id);
      const change = { id, from: before.sequence, to: sequence, historyAdded: after.history - before.history };
      if (before.caseRow === null) created.push(change);
      else if (before.caseRow !== after.caseRow || before.parties !== after.parties || change.historyAdded > 0) updated.push(change);
      else unchanged += 1;
    }
    if (ahead.length > 0) throw new ReadModelAheadError(ahead);
    const [{ count }]: { count: number }[] = await manager.query(
      'SELECT count(*)::int AS count FROM cases WHERE NOT (id = ANY($1::uuid[]))',
      [[...seen]],
    );
    return { dryRun, read: seen.size, created, updated, unchanged, untouched: count };
  }
}

async function rowsOf(manager: EntityManager, id: string): Promise<CaseRows> {
  const [rows]: CaseRows[] = await manager.query(
    `SELECT (SELECT row_to_json(c)::text FROM cases c WHERE c.id = $1) AS "caseRow",
            (SELECT json_agg(p ORDER BY p.party)::text FROM case_parties p WHERE p.case_id = $1) AS parties,
            (SELECT count(*)::int FROM case_history h WHERE h.case_id = $1) AS history,
            (SELECT sequence FROM cases c WHERE c.id = $1) AS sequence,
            (SELECT max(sequence) FROM case_history h WHERE h.case_id = $1) AS "historyThrough"`,
    [id],
  );
  return rows;
}

/** The report in lines for a person: a summary, and in a dry run one line a changed case. */
export function describeRebuild(report: RebuildReport): string[] {
  const verb = report.dryRun ? 'would write' : 'wrote';
  const lines = [
    `${report.read} case(s) read from their workflows: ${verb} ${report.created.length} new and ` +
      `${report.updated.length} changed, ${report.unchanged} already current; ` +
      `${report.untouched} other case(s) in the read model left as they are.`,
  ];
  if (report.dryRun) {
    for (const change of report.created) lines.push(`  new      ${change.id}: sequence ${change.to}, ${change.historyAdded} history row(s)`);
    for (const change of report.updated) {
      lines.push(`  changed  ${change.id}: sequence ${change.from} → ${change.to}, ${change.historyAdded} history row(s) added`);
    }
    lines.push('Dry run: nothing was changed.');
  }
  return lines;
}
