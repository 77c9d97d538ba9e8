import { REGIONAL_AGREEMENT, applyDelta, applyStep, deltaBetween, type CaseDelta, type CaseState, type CaseStep, type FileRef } from '../../libs/domain';
import { openedCase } from './case-fixtures';

const context = { at: '2024-06-01T09:00:00.000Z', actor: 'coordinator' as const, requestId: 'step' };
const file: FileRef = { id: '00000000-0000-4000-8000-000000000101', sha256: '1'.repeat(64) };

function step(state: CaseState, next: CaseStep, at = context.at): CaseState {
  return applyStep(state, next, REGIONAL_AGREEMENT, { ...context, at });
}

/** As the delta travels: in an update's reply, as JSON. */
function carried(delta: CaseDelta): CaseDelta {
  return JSON.parse(JSON.stringify(delta)) as CaseDelta;
}

/** Each step of a case's life, and the case before it. */
function lifeOfACase(): [CaseState, CaseState][] {
  const steps: [CaseStep, string][] = [
    [{ kind: 'attachment', title: 'Bilaga 2', file, date: '2024-05-30' }, '2024-05-30T10:00:00.000Z'],
    [{ kind: 'council', outcome: 'recommend', date: '2024-06-13' }, '2024-06-13T10:00:00.000Z'],
    [{ kind: 'decision', party: 'falun', outcome: 'scheduled', date: '2024-09-12', body: 'Kommunstyrelsen' }, '2024-08-01T10:00:00.000Z'],
    [{ kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-09-12', paragraph: '§ 12' }, '2024-09-13T10:00:00.000Z'],
    [{ kind: 'decision', party: 'mora', outcome: 'rejected', date: '2024-09-19' }, '2024-09-20T10:00:00.000Z'],
    [{ kind: 'revision', date: '2024-11-14', note: 'Ny kostnadsfördelning', reopen: ['falun'] }, '2024-11-14T10:00:00.000Z'],
    [{ kind: 'deadline', date: '2025-03-31' }, '2024-11-15T10:00:00.000Z'],
  ];
  const pairs: [CaseState, CaseState][] = [];
  let state = openedCase();
  for (const [next, at] of steps) {
    const after = step(state, next, at);
    pairs.push([state, after]);
    state = after;
  }
  return pairs;
}

describe('a step as a delta', () => {
  it('brings a copy of the case before each step to the case after it, through JSON as an update reply carries it', () => {
    for (const [before, after] of lifeOfACase()) {
      const copy = JSON.parse(JSON.stringify(before)) as CaseState;
      expect(applyDelta(copy, carried(deltaBetween(before, after)))).toEqual(JSON.parse(JSON.stringify(after)));
    }
  });

  it('carries, of one answer, only that party and its entry', () => {
    const [before, after] = lifeOfACase()[2];
    const delta = deltaBetween(before, after);
    expect(delta.parties.map((answer) => answer.party)).toEqual(['falun']);
    expect(delta.allParties).toBe(false);
    expect(delta.history.map((entry) => entry.sequence)).toEqual([after.sequence]);
    expect(Object.keys(delta.fields)).not.toContain('attachments');
    expect(delta.base).toEqual({ sequence: before.sequence, at: before.history[before.history.length - 1].at });
  });

  it('gives nothing for a copy at another point: another step came between', () => {
    const [[first, second], [, third]] = lifeOfACase();
    expect(applyDelta(first, deltaBetween(second, third))).toBeUndefined();
    expect(applyDelta(third, deltaBetween(second, third))).toBeUndefined();
  });

  it('gives nothing for a copy as far but with another newest entry: written by a workflow task that was lost and taken again', () => {
    const [before, after] = lifeOfACase()[3];
    const [lost] = lifeOfACase()[3];
    const retaken = { ...lost, history: lost.history.map((entry, index) => (index === lost.history.length - 1 ? { ...entry, at: '2024-09-13T10:00:05.000Z' } : entry)) };
    expect(applyDelta(retaken, deltaBetween(before, after))).toBeUndefined();
  });

  it('removes a field the step removed, and carries every answer when the parties themselves changed', () => {
    const before: CaseState = { ...openedCase(), owner: 'Anna Andersson' };
    const { owner: _owner, ...withoutOwner } = before;
    const after: CaseState = { ...withoutOwner, parties: before.parties.slice(1), sequence: before.sequence };
    const delta = carried(deltaBetween(before, after));
    expect(delta.removed).toEqual(['owner']);
    expect(delta.allParties).toBe(true);
    expect(applyDelta(before, delta)).toEqual(after);
  });
});
