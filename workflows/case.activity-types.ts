import type { CaseState, HistoryEntry } from '../libs/domain';

/** What the read model needs of one change: the case as it now is and its new history. */
export interface CaseProjection {
  readonly state: Omit<CaseState, 'history'>;
  readonly waitingOn: readonly string[];
  readonly newHistory: readonly HistoryEntry[];
}

export interface CaseActivities {
  projectCase(projection: CaseProjection): Promise<void>;
}
