import type { CaseState, HistoryEntry } from './case-types';
import { earliestOpenDeadline, waitingOn } from './case-rules';
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
