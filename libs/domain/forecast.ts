import type { CaseState } from './case-types';
import { addDays } from './dates';
import { deadlineOf, isUndecided } from './case-queries';
import { askedSince } from './waiting-since';

export type ForecastBasis = 'scheduled' | 'history' | 'deadline';

export interface Forecast {
  /** When the case is expected to be in force: the last expected decision; null when some party has nothing to go by. */
  readonly inForceBy: string | null;
  readonly parties: readonly { readonly party: string; readonly expected: string; readonly basis: ForecastBasis }[];
}

/** The middle of a party's own past: days from being asked to deciding, in its closed rounds. */
export function medianDays(days: readonly number[]): number | null {
  if (days.length === 0) return null;
  const sorted = [...days].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/**
 * When each party still to answer is expected to decide: the meeting it has put the matter
 * on; otherwise as long after being asked as it usually takes (its median); otherwise its
 * deadline. Never before `today`: a party past its usual time is expected today at the
 * earliest. Parties with none of the three are left out, and then the case has no date.
 */
export function forecastOf(
  state: Pick<CaseState, 'parties' | 'history' | 'deadline'>,
  usualDays: ReadonlyMap<string, number>,
  today: string,
): Forecast {
  const open = state.parties.filter(isUndecided);
  const parties = open.flatMap((answer): { party: string; expected: string; basis: ForecastBasis }[] => {
    const notBefore = (date: string) => (date < today ? today : date);
    if (answer.status === 'scheduled' && answer.date) return [{ party: answer.party, expected: notBefore(answer.date), basis: 'scheduled' }];
    const asked = askedSince(state, answer.party);
    const usual = usualDays.get(answer.party);
    if (asked && usual !== undefined) return [{ party: answer.party, expected: notBefore(addDays(asked, usual)), basis: 'history' }];
    const deadline = deadlineOf(answer, state);
    return deadline ? [{ party: answer.party, expected: notBefore(deadline), basis: 'deadline' }] : [];
  });
  const complete = parties.length === open.length && parties.length > 0;
  return { inForceBy: complete ? parties.map((entry) => entry.expected).sort().at(-1)! : null, parties };
}
