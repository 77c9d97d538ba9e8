import {
  CONSULTATION,
  REGIONAL_AGREEMENT,
  REGIONAL_AGREEMENT_V1,
  applyStep,
  openCase,
  availableSteps,
  type CaseState,
  type CaseStep,
  type ProcessDefinition,
} from '../../libs/domain';
import { opening, openedCase } from './case-fixtures';

const context = { at: '2024-10-01T08:00:00.000Z', actor: 'coordinator' as const, requestId: null };

function after(steps: CaseStep[], definition: ProcessDefinition = REGIONAL_AGREEMENT, parties = ['falun', 'mora']): CaseState {
  return steps.reduce((state, step) => applyStep(state, step, definition, context), openedCase({ parties }));
}

const names = (state: CaseState, definition: ProcessDefinition = REGIONAL_AGREEMENT) => availableSteps(state, definition).map((available) => available.step);

describe('what can happen now', () => {
  it('offers the council its outcomes, the network its withdrawal and the deadline, nothing of the parties yet', () => {
    expect(names(after([]))).toEqual(['council.recommend', 'council.refer-back', 'council.reject', 'network.withdraw', 'deadline', 'attachment']);
  });

  it('offers the version-1 agreement none of the steps that came with the timers', () => {
    expect(names(after([], REGIONAL_AGREEMENT_V1), REGIONAL_AGREEMENT_V1)).toEqual([
      'council.recommend',
      'council.refer-back',
      'council.reject',
      'network.withdraw',
    ]);
  });

  it('offers decisions for every party, and posting and appeals only for the parties that adopted', () => {
    const state = after([
      { kind: 'council', outcome: 'recommend', date: '2024-06-13' },
      { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-09-12' },
    ]);
    const available = availableSteps(state, REGIONAL_AGREEMENT);
    expect(available.find((step) => step.step === 'decision')?.parties).toEqual(['falun', 'mora']);
    expect(available.find((step) => step.step === 'posting')?.parties).toEqual(['falun']);
    expect(available.find((step) => step.step === 'appeal')?.parties).toEqual(['falun']);
    expect(available.find((step) => step.step === 'deadline')?.parties).toEqual(['mora']);
    expect(names(state)).not.toContain('termination');
  });

  it('offers a case in force its follow-up until it is done, and no termination without a period', () => {
    const inForce = after([
      { kind: 'council', outcome: 'recommend', date: '2024-06-13' },
      { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-09-12' },
      { kind: 'decision', party: 'mora', outcome: 'adopted', date: '2024-09-19' },
    ]);
    expect(names(inForce)).toEqual(['posting', 'appeal', 'follow-up.done', 'follow-up.reassign', 'attachment']);
    const done = applyStep(inForce, { kind: 'follow-up', outcome: 'done', date: '2025-09-19' }, REGIONAL_AGREEMENT, context);
    expect(names(done)).toEqual(['posting', 'appeal', 'attachment']);
  });

  it('offers a consultation only answers, its withdrawal, its deadline and attachments', () => {
    const consultation = openCase(opening({ parties: ['falun'], deadline: '2024-12-31' }), CONSULTATION, context.at);
    expect(availableSteps(consultation, CONSULTATION)).toEqual([
      { step: 'decision', parties: ['falun'] },
      { step: 'network.withdraw' },
      { step: 'deadline', parties: ['falun'] },
      { step: 'attachment' },
    ]);
  });

  it('offers nothing once the case is closed', () => {
    expect(names(after([{ kind: 'council', outcome: 'reject', date: '2024-06-13' }]))).toEqual([]);
  });
});
