import { REGIONAL_AGREEMENT, applyStep, askedSince, stageEnteredOn, type CaseState, type CaseStep } from '../../libs/domain';
import { openedCase } from './case-fixtures';

/** Steps typed in long after they were taken: the waiting counts from their own dates. */
function typedInLate(steps: CaseStep[]): CaseState {
  return steps.reduce(
    (state, step, index) => applyStep(state, step, REGIONAL_AGREEMENT, { at: `2026-11-24T09:0${index}:00.000Z`, actor: 'coordinator', requestId: null }),
    openedCase({ parties: ['falun', 'mora', 'orsa'] }),
  );
}

it("waits since the step's own date, not the day it was typed in", () => {
  const recommended = typedInLate([{ kind: 'council', outcome: 'recommend', date: '2024-06-13' }]);
  expect(recommended.stageSince.startsWith('2026-11-24')).toBe(true);
  expect(stageEnteredOn(recommended)).toBe('2024-06-13');
  // A decision that does not end the round leaves the waiting where it began.
  const oneAnswered = typedInLate([
    { kind: 'council', outcome: 'recommend', date: '2024-06-13' },
    { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-09-12' },
  ]);
  expect(stageEnteredOn(oneAnswered)).toBe('2024-06-13');
});

it('waits since the opening decision of the network while the council has not met', () => {
  const opened = openedCase({ parties: ['falun'] });
  expect(stageEnteredOn(opened)).toBe(opened.history[0].date);
});

it('asks each party from the recommendation, and again from a revision or an appeal that names it', () => {
  const revised = typedInLate([
    { kind: 'council', outcome: 'recommend', date: '2024-06-13' },
    { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-09-12' },
    { kind: 'decision', party: 'mora', outcome: 'adopted', date: '2024-09-19' },
    { kind: 'revision', date: '2024-11-14', reopen: ['falun'] },
  ]);
  expect(askedSince(revised, 'falun')).toBe('2024-11-14');
  expect(askedSince(revised, 'mora')).toBe('2024-06-13');
  expect(askedSince(revised, 'orsa')).toBe('2024-06-13');
  expect(stageEnteredOn(revised)).toBe('2024-11-14');
});

it('has asked nobody before the recommendation', () => {
  expect(askedSince(openedCase({ parties: ['falun'] }), 'falun')).toBeNull();
});
