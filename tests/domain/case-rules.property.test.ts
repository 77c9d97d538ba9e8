import fc from 'fast-check';
import { DomainError, REGIONAL_AGREEMENT, applyStep, isClosed, refuseStep, versionOf, waitingOn, type CaseState, type CaseStep } from '../../libs/domain';
import { openedCase } from './case-fixtures';

const PARTIES = ['falun', 'mora', 'orsa', 'smedjebacken'];
const date = fc.constantFrom('2024-06-13', '2024-09-19', '2024-13-01');

/** Any step at all, fitting or not: the rules must refuse the misfits. */
const step: fc.Arbitrary<CaseStep> = fc.oneof(
  fc.record({ kind: fc.constant('council' as const), outcome: fc.constantFrom('recommend', 'refer-back', 'reject' as const), date }),
  fc.record({ kind: fc.constant('network' as const), outcome: fc.constantFrom('forward', 'table', 'withdraw', 'reject' as const), date }),
  fc.record({
    kind: fc.constant('decision' as const),
    party: fc.constantFrom(...PARTIES, 'avesta', 'nowhere'),
    outcome: fc.constantFrom('scheduled', 'adopted', 'rejected', 'opted-out' as const),
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
        const before = versionOf(state);
        state = applyStep(state, next, REGIONAL_AGREEMENT, context);
        expect(versionOf(state)).toBe(next.kind === 'revision' ? before + 1 : before);
        checkInvariants(state);
      }
    }),
    { seed: 20261122, numRuns: 1000 },
  );
});
