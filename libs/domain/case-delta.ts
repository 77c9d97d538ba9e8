import type { CaseState, HistoryEntry, PartyAnswer } from './case-types';

type CaseFields = Omit<CaseState, 'parties' | 'history'>;

/**
 * What a step changed in a case: the fields it set or removed, the parties' answers it
 * changed and its history entries. Small where the step is (one answer: one party, one
 * entry), so that it can travel in the step's reply, which Temporal keeps in the history.
 * With a copy of the case as it was before, it gives the case after the step.
 */
export interface CaseDelta {
  /** The case the delta applies to: how far its history reached, and its newest entry's time. */
  readonly base: { readonly sequence: number; readonly at: string | null };
  readonly fields: Partial<CaseFields>;
  readonly removed: readonly (keyof CaseFields)[];
  /** The changed answers; every answer when the parties themselves changed. */
  readonly parties: readonly PartyAnswer[];
  readonly allParties: boolean;
  readonly history: readonly HistoryEntry[];
}

/** From `before` to `after`, where `after` was made from `before` (unchanged parts are the same objects). */
export function deltaBetween(before: CaseState, after: CaseState): CaseDelta {
  const fields: Record<string, unknown> = {};
  const removed: (keyof CaseFields)[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof CaseState)[]);
  for (const key of keys) {
    if (key === 'parties' || key === 'history' || before[key] === after[key]) continue;
    if (after[key] === undefined) removed.push(key);
    else fields[key] = after[key];
  }
  const sameParties =
    before.parties.length === after.parties.length && before.parties.every((answer, index) => answer.party === after.parties[index].party);
  return {
    base: { sequence: before.sequence, at: newestEntryAt(before) },
    fields: fields as Partial<CaseFields>,
    removed,
    parties: sameParties ? after.parties.filter((answer, index) => answer !== before.parties[index]) : after.parties,
    allParties: !sameParties,
    history: after.history.filter((entry) => entry.sequence > before.sequence),
  };
}

/**
 * The case after the delta, from a copy of the case before it; undefined when the copy is
 * not the delta's base (another step came between, or the copy was written by a workflow
 * task that was then lost and taken again, whose entries have another time).
 */
export function applyDelta(copy: CaseState, delta: CaseDelta): CaseState | undefined {
  if (copy.sequence !== delta.base.sequence || newestEntryAt(copy) !== delta.base.at) return undefined;
  const changed = new Map(delta.parties.map((answer) => [answer.party, answer]));
  const kept: Record<string, unknown> = { ...copy };
  for (const key of delta.removed) delete kept[key];
  return {
    ...(kept as unknown as CaseState),
    ...delta.fields,
    parties: delta.allParties ? delta.parties : copy.parties.map((answer) => changed.get(answer.party) ?? answer),
    history: [...copy.history, ...delta.history],
  };
}

function newestEntryAt(state: CaseState): string | null {
  return state.history.length > 0 ? state.history[state.history.length - 1].at : null;
}
