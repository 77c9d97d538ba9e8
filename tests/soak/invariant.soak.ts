import type { CaseState, HistoryEntry, HistoryType } from '../../libs/domain';
import { checkInvariant, type CaseSides, type ReadModelCase } from './support/invariant';
import { Ledger } from './support/ledger';

/** The soak's check must see what it is there to see: a missing, doubled or wrongly accepted answer. */
const CASE = '00000000-0000-5000-8000-000000000001';

function entry(sequence: number, type: HistoryType, requestId: string, party?: string, outcome?: string): HistoryEntry {
  return { sequence, at: '2024-09-12T08:00:00Z', type, actor: 'coordinator', requestId, stage: 'decisions', ...(party ? { party } : {}), ...(outcome ? { outcome } : {}) };
}

function sides(history: HistoryEntry[], rows = history): CaseSides {
  const truth = {
    stage: 'decisions',
    sequence: history.length,
    history,
    parties: [{ party: 'falun', status: history.some((step) => step.party === 'falun') ? 'adopted' : 'pending' }],
  } as unknown as CaseState;
  const readModel: ReadModelCase = {
    stage: 'decisions',
    sequence: history.length,
    history: rows.map((step) => ({ sequence: step.sequence, type: step.type, party: step.party ?? null, outcome: step.outcome ?? null, requestId: step.requestId })),
    parties: new Map(truth.parties.map((answer) => [answer.party, answer.status])),
  };
  return { truth, readModel };
}

function ledgerWith(verdicts: Record<string, 'acknowledged' | 'refused'>): Ledger {
  const ledger = new Ledger();
  for (const [key, verdict] of Object.entries(verdicts)) {
    const decision = key === 'falun';
    const submission = ledger.begin({ key, kind: decision ? 'decision' : 'open', caseId: CASE, ...(decision ? { party: 'falun', outcome: 'adopted' } : {}) });
    if (verdict === 'acknowledged') ledger.acknowledge(submission, 200);
    else ledger.refuse(submission, 409);
  }
  return ledger;
}

const opened = entry(1, 'network.approve', 'open');
const falun = entry(2, 'decision.adopted', 'falun', 'falun', 'adopted');

it('passes a case that holds exactly what was acknowledged', () => {
  expect(checkInvariant(new Map([[CASE, sides([opened, falun])]]), ledgerWith({ open: 'acknowledged', falun: 'acknowledged' }))).toEqual([]);
});

it('finds an acknowledged answer that is missing', () => {
  const violations = checkInvariant(new Map([[CASE, sides([opened])]]), ledgerWith({ open: 'acknowledged', falun: 'acknowledged' }));
  expect(violations).toEqual(expect.arrayContaining([expect.stringContaining('falun was acknowledged (200) but is not in the workflow')]));
});

it('finds an answer doubled in the read model', () => {
  const violations = checkInvariant(new Map([[CASE, sides([opened, falun], [opened, falun, { ...falun, sequence: 3 }])]]), ledgerWith({ open: 'acknowledged', falun: 'acknowledged' }));
  expect(violations).toEqual(expect.arrayContaining([expect.stringContaining('read model: the answer with key falun is there 2 times')]));
});

it('finds an answer accepted though its client was told it failed', () => {
  const violations = checkInvariant(new Map([[CASE, sides([opened, falun])]]), ledgerWith({ open: 'acknowledged', falun: 'refused' }));
  expect(violations).toEqual(expect.arrayContaining([expect.stringContaining('was accepted, though its client was told it failed (409)')]));
});
