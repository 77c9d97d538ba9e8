import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, forecastOf, medianDays, pendingAnswer, type CaseState, type HistoryEntry } from '../../libs/domain';
import { SEED_PARTY_IDS } from '../support/seed-register';

/**
 * The forecast's backtest. Closed cases of six years, each party deciding at its own
 * committee's meetings some weeks after being asked (a history drawn from a fixed seed,
 * shaped as the minutes describe: municipalities take a matter to a meeting one to three
 * months on, some always late). For each case, the forecast made on the day of the
 * council's recommendation, from the cases closed before it, is set against the day the
 * last party really decided; and against the deadline, which is what a coordinator
 * without a forecast goes by. The README reports the figures this test computes.
 */

/** A small deterministic generator (mulberry32): the same history on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ClosedCase {
  readonly recommended: string;
  readonly deadline: string;
  readonly decided: ReadonlyMap<string, string>;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function closedCases(): ClosedCase[] {
  const random = generator(20_241_107);
  // Each party's habit: its committee meets every four weeks from its own first day, and it
  // takes a matter up one to three meetings after being asked.
  const habits = SEED_PARTY_IDS.map((party, index) => ({ party, firstMeeting: index * 3, meetingsAfter: 1 + (index % 3) }));
  const cases: ClosedCase[] = [];
  for (let index = 0; index < 36; index += 1) {
    const recommended = addDays('2019-02-01', index * 60 + Math.floor(random() * 20));
    const decided = new Map<string, string>();
    for (const habit of habits) {
      const sinceFirst = daysBetween(addDays('2019-01-07', habit.firstMeeting), recommended);
      const nextMeeting = Math.ceil(sinceFirst / 28) * 28;
      // Now and then a matter waits one meeting more (tabled, or the papers came late).
      const slip = random() < 0.2 ? 28 : 0;
      decided.set(habit.party, addDays(addDays('2019-01-07', habit.firstMeeting), nextMeeting + (habit.meetingsAfter - 1) * 28 + slip));
    }
    cases.push({ recommended, deadline: addDays(recommended, 182), decided });
  }
  return cases;
}

function stateAtRecommendation(closed: ClosedCase): Pick<CaseState, 'parties' | 'history' | 'deadline'> {
  const recommendation: HistoryEntry = {
    sequence: 2,
    at: `${closed.recommended}T08:00:00.000Z`,
    type: 'council.recommend',
    actor: 'coordinator',
    requestId: null,
    stage: 'decisions',
    date: closed.recommended,
  };
  return { parties: SEED_PARTY_IDS.map(pendingAnswer), history: [recommendation], deadline: closed.deadline };
}

/** Absolute errors in days of the in-force date: by the forecast, and by the deadline alone. */
function backtest(): { forecast: number[]; deadline: number[]; cases: number } {
  const cases = closedCases();
  const forecast: number[] = [];
  const deadline: number[] = [];
  for (const closed of cases) {
    // What the read model would hold that day: the decisions of earlier cases.
    const earlier = cases.filter((other) => [...other.decided.values()].every((date) => date < closed.recommended));
    if (earlier.length < 3) continue;
    const usual = new Map<string, number>();
    for (const party of SEED_PARTY_IDS) {
      const median = medianDays(earlier.map((other) => daysBetween(other.recommended, other.decided.get(party)!)));
      if (median !== null) usual.set(party, median);
    }
    const inForce = [...closed.decided.values()].sort().at(-1)!;
    const expected = forecastOf(stateAtRecommendation(closed), usual, closed.recommended).inForceBy!;
    forecast.push(Math.abs(daysBetween(expected, inForce)));
    deadline.push(Math.abs(daysBetween(closed.deadline, inForce)));
  }
  return { forecast, deadline, cases: forecast.length };
}

const median = (values: readonly number[]) => medianDays(values)!;

it('forecasts the in-force date of closed cases closer than their deadline does', () => {
  const { forecast, deadline, cases } = backtest();
  expect(cases).toBeGreaterThanOrEqual(30);
  expect(median(forecast)).toBeLessThan(median(deadline));
  expect(Math.max(...forecast)).toBeLessThan(Math.max(...deadline));
});

it('is the backtest the README reports', () => {
  const { forecast, deadline, cases } = backtest();
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const within = (days: number) => forecast.filter((error) => error <= days).length;
  expect(readme).toContain(
    `on ${cases} closed cases the in-force date forecast on the day of the recommendation was off by a median of ${median(forecast)} days ` +
      `(at most ${Math.max(...forecast)}; within 14 days in ${within(14)} of ${cases}), against ${median(deadline)} days (at most ${Math.max(...deadline)}) by the deadline alone`,
  );
});
