import type { CaseState, HistoryEntry } from './case-types';

/**
 * Since when a case has waited, by the steps' own dates (the council's meeting, the
 * network's decision), not by when someone typed them in: a recommendation of 13 June
 * recorded in November has waited since 13 June. The recording times stay in the history.
 */

/** The date of the step that brought the case into its current stage. */
export function stageEnteredOn(state: Pick<CaseState, 'history' | 'stageSince'>): string {
  const entering = findLast(state.history, (entry) => entry.at === state.stageSince);
  return entering?.date ?? state.stageSince.slice(0, 10);
}

/**
 * Since when a party has been asked for its answer: the step that opened the round of
 * decisions (the recommendation, or a round's opening), or a later revision or appeal
 * that asked it again. Null while it has not been asked.
 */
export function askedSince(state: Pick<CaseState, 'history'>, party: string): string | null {
  let since: string | null = null;
  let stage: string | null = null;
  for (const entry of state.history) {
    const opensRound = entry.stage === 'decisions' && stage !== 'decisions';
    const asksAgain =
      (entry.type === 'revision' && (entry.reopened?.includes(party) ?? false)) || (entry.type === 'appeal' && entry.party === party);
    if (opensRound || asksAgain) since = entry.date ?? entry.at.slice(0, 10);
    stage = entry.stage;
  }
  return since;
}

function findLast(history: readonly HistoryEntry[], predicate: (entry: HistoryEntry) => boolean): HistoryEntry | undefined {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    if (predicate(history[index])) return history[index];
  }
  return undefined;
}
