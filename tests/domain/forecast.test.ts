import { forecastOf, medianDays, type CaseState, type HistoryEntry, type PartyAnswer } from '../../libs/domain';
import { pendingAnswer } from '../../libs/domain';

const recommended: HistoryEntry = { sequence: 2, at: '2024-06-13T08:00:00.000Z', type: 'council.recommend', actor: 'coordinator', requestId: null, stage: 'decisions', date: '2024-06-13' };
const opened: HistoryEntry = { sequence: 1, at: '2024-05-16T08:00:00.000Z', type: 'network.approve', actor: 'coordinator', requestId: null, stage: 'council', date: '2024-05-16' };

function state(parties: PartyAnswer[], deadline: string | null = '2024-12-31'): Pick<CaseState, 'parties' | 'history' | 'deadline'> {
  return { parties, history: [opened, recommended], deadline };
}

describe('the forecast', () => {
  it('expects each party by its scheduled meeting, else its usual time after being asked, else its deadline; the case by the last', () => {
    const scheduled: PartyAnswer = { ...pendingAnswer('falun'), status: 'scheduled', date: '2024-10-10' };
    const adopted: PartyAnswer = { ...pendingAnswer('avesta'), status: 'adopted', date: '2024-09-01' };
    const result = forecastOf(state([scheduled, pendingAnswer('mora'), pendingAnswer('orsa'), adopted]), new Map([['mora', 45], ['falun', 10]]), '2024-07-01');
    expect(result.parties).toEqual([
      { party: 'falun', expected: '2024-10-10', basis: 'scheduled' },
      { party: 'mora', expected: '2024-07-28', basis: 'history' },
      { party: 'orsa', expected: '2024-12-31', basis: 'deadline' },
    ]);
    expect(result.inForceBy).toBe('2024-12-31');
  });

  it('never expects a decision in the past, and gives no date for the case when a party has nothing to go by', () => {
    const late = forecastOf(state([pendingAnswer('mora')]), new Map([['mora', 30]]), '2024-11-20');
    expect(late.parties).toEqual([{ party: 'mora', expected: '2024-11-20', basis: 'history' }]);
    const unknown = forecastOf(state([pendingAnswer('mora'), pendingAnswer('orsa')], null), new Map([['mora', 30]]), '2024-07-01');
    expect(unknown.parties.map((entry) => entry.party)).toEqual(['mora']);
    expect(unknown.inForceBy).toBeNull();
  });

  it('takes the median of a party’s own past', () => {
    expect(medianDays([])).toBeNull();
    expect(medianDays([40, 10, 25])).toBe(25);
    expect(medianDays([10, 20, 40, 90])).toBe(30);
  });
});
