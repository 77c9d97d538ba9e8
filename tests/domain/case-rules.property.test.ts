import fc from 'fast-check';
import {
  DomainError,
  REGIONAL_AGREEMENT,
  REGIONAL_AGREEMENT_V3,
  REGIONAL_AGREEMENT_V4,
  addDays,
  applyStep,
  applyTimerEvent,
  dueTimerEvent,
  isClosed,
  isAvailable,
  isFinalStage,
  reopenableUntil,
  nextTimerDate,
  openCase,
  recordReminder,
  refuseStep,
  versionOf,
  waitingOn,
  type CaseState,
  type CaseStep,
} from '../../libs/domain';
import { opening, openedCase } from './case-fixtures';

const PARTIES = ['falun', 'mora', 'orsa', 'smedjebacken'];
const date = fc.constantFrom('2024-06-13', '2024-09-19', '2024-13-01');

/** Any step at all, fitting or not: the rules must refuse the misfits. */
const step: fc.Arbitrary<CaseStep> = fc.oneof(
  fc.record({ kind: fc.constant('council' as const), outcome: fc.constantFrom('recommend', 'refer-back', 'reject', 'table' as const), date }),
  fc.record({ kind: fc.constant('network' as const), outcome: fc.constantFrom('forward', 'table', 'withdraw', 'reject', 'recall', 'reopen' as const), date }),
  fc.record({
    kind: fc.constant('decision' as const),
    party: fc.constantFrom(...PARTIES, 'avesta', 'nowhere'),
    outcome: fc.constantFrom('scheduled', 'adopted', 'rejected', 'opted-out', 'adopted-with-changes' as const),
    note: fc.constantFrom(undefined, 'Med reservation.'),
    date,
  }),
  fc.record({ kind: fc.constant('revision' as const), date, reopen: fc.subarray([...PARTIES, 'avesta']) }),
);

const context = { at: '2024-10-01T08:00:00.000Z', actor: 'coordinator' as const, requestId: null };

function checkInvariants(state: CaseState): void {
  // The history is numbered 1..n without gaps, and the case's sequence is its last.
  expect(state.history.map((entry) => entry.sequence)).toEqual(state.history.map((_, index) => index + 1));
  expect(state.sequence).toBe(state.history.length);
  const waiting = waitingOn(state, REGIONAL_AGREEMENT);
  if (isClosed(state.stage)) expect(waiting).toEqual([]);
  if (state.stage === 'decisions') {
    // Waiting on decisions means some party has yet to decide, and none has rejected.
    expect(waiting.length).toBeGreaterThan(0);
    expect(state.parties.some((answer) => answer.status === 'rejected')).toBe(false);
  }
  if (state.stage === 'in-force') {
    expect(state.parties.every((answer) => answer.status === 'adopted' || answer.status === 'opted-out')).toBe(true);
    expect(state.parties.some((answer) => answer.status === 'adopted')).toBe(true);
  }
  expect(versionOf(state)).toBeGreaterThanOrEqual(1);
}

it('no sequence of steps reaches an impossible state, and a refused step changes nothing', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
      let state = openedCase({ parties: PARTIES });
      checkInvariants(state);
      for (const next of steps) {
        const refusal = refuseStep(state, next, REGIONAL_AGREEMENT);
        if (refusal) {
          expect(refusal).toBeInstanceOf(DomainError);
          expect(() => applyStep(state, next, REGIONAL_AGREEMENT, context)).toThrow(refusal.message);
          continue;
        }
        // What the rules accept, the case's available steps offer.
        expect(isAvailable(state, REGIONAL_AGREEMENT, next)).toBe(true);
        const before = versionOf(state);
        state = applyStep(state, next, REGIONAL_AGREEMENT, context);
        expect(versionOf(state)).toBe(next.kind === 'revision' ? before + 1 : before);
        checkInvariants(state);
      }
    }),
    { seed: 20261122, numRuns: 1000 },
  );
});

/** The steps that came with the timers, fitting or not. */
const lifecycleStep: fc.Arbitrary<CaseStep> = fc.oneof(
  fc.record({ kind: fc.constant('deadline' as const), date: fc.constantFrom('2024-11-15', '2025-01-31', '2025-13-01'), party: fc.option(fc.constantFrom(...PARTIES), { nil: undefined }) }),
  fc.record({ kind: fc.constant('posting' as const), party: fc.constantFrom(...PARTIES), date: fc.constantFrom('2024-10-20', '2024-12-01') }),
  fc.record({ kind: fc.constant('appeal' as const), party: fc.constantFrom(...PARTIES), date }),
  fc.record({ kind: fc.constant('ruling' as const), party: fc.constantFrom(...PARTIES), outcome: fc.constantFrom('annulled', 'dismissed' as const), date }),
  fc.record({ kind: fc.constant('termination' as const), party: fc.constantFrom(...PARTIES), date: fc.constantFrom('2025-01-15', '2026-03-01') }),
  fc.record({ kind: fc.constant('follow-up' as const), outcome: fc.constantFrom('done', 'reassign' as const), date, owner: fc.constant('Arbetsgruppen') }),
  fc.record({ kind: fc.constant('judgement' as const), party: fc.constantFrom(...PARTIES), outcome: fc.constantFrom('identical', 'rejection' as const), date }),
);

/** Either a person's step, or the calendar moving on by some days (and the timers acting). */
type Move = { step: CaseStep } | { days: number };
const move: fc.Arbitrary<Move> = fc.oneof(
  step.map((next) => ({ step: next })),
  lifecycleStep.map((next) => ({ step: next })),
  fc.integer({ min: 1, max: 120 }).map((days) => ({ days })),
);

it.each([
  ['version 2 (an appeal opens the answer)', REGIONAL_AGREEMENT],
  ['version 3 (the court rules; meeting reminders)', REGIONAL_AGREEMENT_V3],
  ['version 4 (decisions adopted with changes, judged)', REGIONAL_AGREEMENT_V4],
])('with timers, %s: no mix of steps and passing days reaches an impossible state, and no timer event fires twice', (_name, definition) => {
  fc.assert(
    fc.property(fc.array(move, { maxLength: 30 }), (moves) => {
      let today = '2024-10-01';
      let state = openCase(
        opening({ parties: PARTIES, deadline: '2024-12-31', validity: { from: '2025-01-01', to: '2025-12-31', renewal: { months: 12, noticeMonths: 3 }, warnDays: 60 } }),
        definition,
        `${today}T08:00:00.000Z`,
      );
      for (const next of moves) {
        if ('days' in next) {
          today = addDays(today, next.days);
          // The workflow's loop: take what is due until nothing is; it must come to rest.
          for (let taken = 0; ; taken += 1) {
            expect(taken).toBeLessThan(20);
            const event = dueTimerEvent(state, definition, today);
            if (!event) break;
            const at = { at: `${today}T06:00:00.000Z`, actor: 'system' as const, requestId: null };
            state =
              event.kind === 'reminders'
                ? recordReminder(state, { kind: event.reminderKind, date: event.date, parties: event.parties }, { reached: [], unreachable: [] }, at)
                : applyTimerEvent(state, event, at);
          }
        } else {
          const refusal = refuseStep(state, next.step, definition);
          if (refusal) {
            expect(() => applyStep(state, next.step, definition, { ...context, at: `${today}T09:00:00.000Z` })).toThrow(refusal.message);
            continue;
          }
          expect(isAvailable(state, definition, next.step)).toBe(true);
          state = applyStep(state, next.step, definition, { ...context, at: `${today}T09:00:00.000Z` });
        }
        checkInvariants(state);
        // A case in force has its follow-up; each scheduled reminder day is acted on once.
        if (state.stage === 'in-force') expect(state.followUp).not.toBeNull();
        const reminderDays = state.history.filter((entry) => entry.type === 'reminder.sent' && entry.outcome !== 'now').map((entry) => entry.date);
        expect(new Set(reminderDays).size).toBe(reminderDays.length);
        const renewals = state.history.filter((entry) => entry.type === 'validity.renewed').map((entry) => entry.date);
        expect(new Set(renewals).size).toBe(renewals.length);
        // A case at its end waits for nothing — but a withdrawn one that may be taken up again, until its last day.
        const reopenable = reopenableUntil(state, definition);
        expect(isFinalStage(state.stage) ? nextTimerDate(state, definition, today) : null).toBe(isFinalStage(state.stage) && reopenable ? addDays(reopenable, 1) : null);
      }
    }),
    { seed: 20261123, numRuns: 500 },
  );
});
