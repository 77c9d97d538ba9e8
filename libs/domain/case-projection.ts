import type { CaseState, HistoryEntry } from './case-types';
import { earliestOpenDeadline, waitingOn } from './case-queries';
import type { ProcessDefinition } from './process-definition';
import { stageEnteredOn } from './waiting-since';

/** What the read model needs of one change: the case as it now is and its new history. */
export interface CaseProjection {
  readonly state: Omit<CaseState, 'history'>;
  readonly waitingOn: readonly string[];
  readonly newHistory: readonly HistoryEntry[];
  /** The earliest deadline among the parties still to answer (absent in projections of older code). */
  readonly overdueFrom?: string | null;
  /** The date of the step that brought the case into its stage (absent in projections of older code). */
  readonly waitingSince?: string;
  /** Present when written from inside a workflow task, before Temporal has committed it. */
  readonly fence?: ProjectionFence;
}

/**
 * A notice to the parties that a step gave rise to, kept in the outbox with that step's
 * projection and e-mailed once the step is known to be committed in its workflow.
 */
export interface QueuedNotice {
  /** Unique per notice: the e-mails' keys are made from it. */
  readonly id: string;
  /** The step's sequence and update id, by which its commit is told. */
  readonly sequence: number;
  readonly requestId: string | null;
  readonly notice: object;
}

/**
 * Where an uncommitted projection comes from. Within one run a later workflow task
 * (a larger history length) is the truth, so it replaces whatever an earlier, lost task
 * wrote after `after`, the last sequence the workflow knows to be projected.
 */
export interface ProjectionFence {
  readonly run: string;
  readonly task: number;
  readonly after: number;
}

/** The projection of a case's state with the history entries after `afterSequence`. */
export function projectionOf(state: CaseState, definition: ProcessDefinition, afterSequence = 0): CaseProjection {
  const { history, ...rest } = state;
  return {
    state: rest,
    waitingOn: waitingOn(state, definition),
    newHistory: history.filter((entry) => entry.sequence > afterSequence),
    overdueFrom: earliestOpenDeadline(state, definition),
    waitingSince: stageEnteredOn(state),
  };
}
