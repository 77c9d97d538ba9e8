import {
  DomainError,
  REGIONAL_AGREEMENT,
  REGIONAL_AGREEMENT_V4,
  applyStep,
  availableSteps,
  isSettled,
  nextTimerDate,
  openCase,
  reopenableUntil,
  isOverdue,
  refuseOpening,
  refuseStep,
  waitingOn,
  type CaseState,
  type CaseStep,
} from '../../libs/domain';
import { AT, opening, openedCase } from './case-fixtures';
import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';

const context = { at: '2024-06-01T09:00:00.000Z', actor: 'coordinator' as const, requestId: null };

function step(state: CaseState, next: CaseStep, at = context.at): CaseState {
  return applyStep(state, next, REGIONAL_AGREEMENT, { ...context, at });
}

function recommended(parties?: string[]): CaseState {
  return step(openedCase(parties ? { parties } : {}), { kind: 'council', outcome: 'recommend', date: '2024-06-01' });
}

function decide(state: CaseState, party: string, outcome: 'adopted' | 'rejected' | 'opted-out' | 'scheduled'): CaseState {
  return step(state, { kind: 'decision', party, outcome, date: '2024-09-12' });
}

describe('opening a case', () => {
  it('starts with the council, waiting on Välfärdsrådet, every party pending, one history entry', () => {
    const state = openedCase();
    expect(state.stage).toBe('council');
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['valfardsradet']);
    expect(state.parties.map((answer) => answer.party)).toEqual(PARTY_IDS);
    expect(state.parties.every((answer) => answer.status === 'pending')).toBe(true);
    expect(state.history).toEqual([
      expect.objectContaining({ sequence: 1, type: 'network.approve', date: '2024-05-16', stage: 'council', at: AT }),
    ]);
    expect(state.sequence).toBe(1);
  });

  it('keeps the parties in the order the register gave them, once each, with their names', () => {
    const state = openedCase({ parties: ['mora', 'falun', 'orsa', 'mora'], partyNames: { mora: 'Mora', falun: 'Falun', orsa: 'Orsa' } });
    expect(state.parties.map((answer) => answer.party)).toEqual(['mora', 'falun', 'orsa']);
    expect(state.partyNames).toEqual({ mora: 'Mora', falun: 'Falun', orsa: 'Orsa' });
  });

  it('refuses a party id that is not a slug, and names that leave a party out', () => {
    expect(refuseOpening(opening({ parties: ['Falun'] }), REGIONAL_AGREEMENT)?.message).toBe('Ogiltig part: Falun.');
    expect(refuseOpening(opening({ parties: ['falun', 'mora'], partyNames: { falun: 'Falun' } }), REGIONAL_AGREEMENT)?.message).toBe('Parten mora saknar namn.');
  });

  it.each([
    [{ title: '  ' }, 'rubrik'],
    [{ parties: [] }, 'minst en part'],
    [{ parties: ['avesta', 'stockholm'] }, 'stockholm'],
    [{ networkDecision: { date: '2024-02-30' } }, 'Nätverksbeslutets datum'],
    [{ deadline: '31/12/2024' }, 'Sista svarsdag'],
  ])('refuses a bad opening %o', (overrides, message) => {
    const refusal = refuseOpening(opening(overrides));
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal?.code).toBe('validation');
    expect(refusal?.message).toContain(message);
  });
});

describe('the council', () => {
  it('recommends: the case waits on every party concerned', () => {
    const state = recommended(['falun', 'mora']);
    expect(state.stage).toBe('decisions');
    expect(state.stageSince).toBe(context.at);
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['falun', 'mora']);
  });

  it('refers back to the network, which waits on LCHNV', () => {
    const state = step(openedCase(), { kind: 'council', outcome: 'refer-back', date: '2024-06-01', note: 'Mer dialog' });
    expect(state.stage).toBe('network');
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['lchnv']);
    expect(state.history.at(-1)).toEqual(expect.objectContaining({ type: 'council.refer-back', note: 'Mer dialog' }));
  });

  it('rejects: the case closes without effect and waits on nobody', () => {
    const state = step(openedCase(), { kind: 'council', outcome: 'reject', date: '2024-06-01' });
    expect(state.stage).toBe('rejected');
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual([]);
  });

  it('is refused a second recommendation', () => {
    const refusal = refuseStep(recommended(), { kind: 'council', outcome: 'recommend', date: '2024-06-02' }, REGIONAL_AGREEMENT);
    expect(refusal?.code).toBe('conflict');
  });
});

describe('the network', () => {
  const referredBack = () => step(openedCase(), { kind: 'council', outcome: 'refer-back', date: '2024-06-01' });

  it('tables: the case stays with the network, still waiting since it came back', () => {
    const back = referredBack();
    const tabled = step(back, { kind: 'network', outcome: 'table', date: '2024-07-01' }, '2024-07-01T09:00:00.000Z');
    expect(tabled.stage).toBe('network');
    expect(tabled.stageSince).toBe(back.stageSince);
  });

  it('forwards again to the council', () => {
    expect(step(referredBack(), { kind: 'network', outcome: 'forward', date: '2024-08-01' }).stage).toBe('council');
  });

  it('withdraws from any open stage', () => {
    expect(step(openedCase(), { kind: 'network', outcome: 'withdraw', date: '2024-06-01' }).stage).toBe('withdrawn');
    expect(step(recommended(), { kind: 'network', outcome: 'withdraw', date: '2024-06-01' }).stage).toBe('withdrawn');
  });

  it('cannot forward or table a case that waits on the council', () => {
    for (const outcome of ['forward', 'table'] as const) {
      expect(refuseStep(openedCase(), { kind: 'network', outcome, date: '2024-06-01' }, REGIONAL_AGREEMENT)?.code).toBe('conflict');
    }
  });
});

describe('political decisions', () => {
  it('are refused before the recommendation', () => {
    const refusal = refuseStep(openedCase(), { kind: 'decision', party: 'avesta', outcome: 'adopted', date: '2024-09-12' }, REGIONAL_AGREEMENT);
    expect(refusal?.code).toBe('conflict');
    expect(refusal?.message).toContain('efter rådets rekommendation');
  });

  it('are refused for a party not concerned, named as the case knows it, and for an id that cannot be a party', () => {
    // Whether an id is in the register at all is the API's to say; the case knows only its own parties.
    const state = recommended(['falun', 'mora']);
    const refusal = refuseStep(state, { kind: 'decision', party: 'avesta', outcome: 'adopted', date: '2024-09-12' }, REGIONAL_AGREEMENT);
    expect(refusal?.code).toBe('conflict');
    expect(refusal?.message).toBe('avesta är inte part i det här ärendet.');
    expect(refuseStep(state, { kind: 'decision', party: 'Uppsala!', outcome: 'adopted', date: '2024-09-12' }, REGIONAL_AGREEMENT)?.code).toBe('validation');
  });

  it('are refused with an impossible date', () => {
    expect(refuseStep(recommended(), { kind: 'decision', party: 'avesta', outcome: 'adopted', date: '2024-13-01' }, REGIONAL_AGREEMENT)?.code).toBe('validation');
  });

  it('record the evidence and stop waiting on the party that adopted', () => {
    const state = step(recommended(), {
      kind: 'decision',
      party: 'avesta',
      outcome: 'adopted',
      date: '2024-09-12',
      body: 'Socialnämnden',
      paragraph: '§ 45',
      minutesUrl: 'https://avesta.se/protokoll.pdf',
      partyReference: 'SN 2024/77',
    });
    expect(state.parties[0]).toEqual({
      party: 'avesta',
      status: 'adopted',
      date: '2024-09-12',
      body: 'Socialnämnden',
      paragraph: '§ 45',
      minutesUrl: 'https://avesta.se/protokoll.pdf',
      partyReference: 'SN 2024/77',
      note: null,
      answeredAt: context.at,
      version: 1,
    });
    expect(waitingOn(state, REGIONAL_AGREEMENT)).not.toContain('avesta');
    expect(state.stage).toBe('decisions');
  });

  it('keep waiting on a party that has only scheduled the matter', () => {
    const state = decide(recommended(['falun', 'mora']), 'falun', 'scheduled');
    expect(state.parties[0].status).toBe('scheduled');
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['falun', 'mora']);
  });

  it('put the case in force when every party concerned adopted', () => {
    let state = recommended(['falun', 'mora', 'orsa']);
    state = decide(state, 'falun', 'adopted');
    state = decide(state, 'mora', 'adopted');
    expect(state.stage).toBe('decisions');
    state = decide(state, 'orsa', 'adopted');
    expect(state.stage).toBe('in-force');
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual([]);
  });

  it('do not wait on a party that opted out: the rest put the case in force', () => {
    let state = recommended(['falun', 'mora', 'smedjebacken']);
    state = decide(state, 'smedjebacken', 'opted-out');
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['falun', 'mora']);
    state = decide(decide(state, 'falun', 'adopted'), 'mora', 'adopted');
    expect(state.stage).toBe('in-force');
    expect(state.parties.find((answer) => answer.party === 'smedjebacken')?.status).toBe('opted-out');
  });

  it('close the case without effect when every party opted out', () => {
    const state = decide(decide(recommended(['falun', 'mora']), 'falun', 'opted-out'), 'mora', 'opted-out');
    expect(state.stage).toBe('rejected');
  });

  it('send the case back to the network when one party rejects: decisions must be identical', () => {
    const state = decide(decide(recommended(['falun', 'mora']), 'falun', 'adopted'), 'mora', 'rejected');
    expect(state.stage).toBe('network');
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['lchnv']);
  });

  it('ask again only those who rejected when the council recommends anew', () => {
    let state = decide(decide(recommended(['falun', 'mora']), 'falun', 'adopted'), 'mora', 'rejected');
    state = step(state, { kind: 'network', outcome: 'forward', date: '2024-10-01' });
    state = step(state, { kind: 'council', outcome: 'recommend', date: '2024-10-15' });
    expect(state.parties.map((answer) => answer.status)).toEqual(['adopted', 'pending']);
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['mora']);
  });

  it('may be corrected while the stage is open, and the history keeps both', () => {
    let state = decide(recommended(['falun', 'mora']), 'falun', 'scheduled');
    state = decide(state, 'falun', 'adopted');
    expect(state.parties[0].status).toBe('adopted');
    expect(state.history.filter((entry) => entry.party === 'falun').map((entry) => entry.type)).toEqual([
      'decision.scheduled',
      'decision.adopted',
    ]);
  });
});

describe('loops and revisions', () => {
  it('records the reason and the meeting a send-back or a tabling waits for', () => {
    const back = step(openedCase(), { kind: 'council', outcome: 'refer-back', date: '2024-06-13', note: 'Se över avgiften', untilMeeting: '2024-09-19' });
    expect(back.history.at(-1)).toEqual(expect.objectContaining({ note: 'Se över avgiften', untilMeeting: '2024-09-19' }));
    const refusal = refuseStep(back, { kind: 'network', outcome: 'table', date: '2024-09-19', untilMeeting: '2024-19-10' }, REGIONAL_AGREEMENT);
    expect(refusal?.code).toBe('validation');
  });

  it('lets the network close a case a party rejected', () => {
    const state = decide(recommended(['falun', 'mora']), 'mora', 'rejected');
    expect(step(state, { kind: 'network', outcome: 'reject', date: '2024-10-01' }).stage).toBe('rejected');
    expect(refuseStep(recommended(), { kind: 'network', outcome: 'reject', date: '2024-10-01' }, REGIONAL_AGREEMENT)?.code).toBe('conflict');
  });

  it('re-opens decisions for a subset only: the others keep their answers, tied to the version they answered', () => {
    // MiniMaria: Smedjebacken stands outside, the cost split changes, the Falun group decides again.
    let state = recommended(['falun', 'borlange', 'smedjebacken', 'mora', 'orsa']);
    state = decide(state, 'smedjebacken', 'opted-out');
    for (const party of ['falun', 'borlange', 'mora', 'orsa']) state = decide(state, party, party === 'orsa' ? 'scheduled' : 'adopted');
    expect(state.stage).toBe('decisions');

    state = step(state, { kind: 'revision', date: '2024-11-14', note: 'Ny kostnadsfördelning', reopen: ['borlange', 'falun'] });
    expect(state.version).toBe(2);
    expect(state.stage).toBe('decisions');
    expect(Object.fromEntries(state.parties.map((answer) => [answer.party, [answer.status, answer.version]]))).toEqual({
      borlange: ['pending', null],
      falun: ['pending', null],
      mora: ['adopted', 1],
      orsa: ['scheduled', 1],
      smedjebacken: ['opted-out', 1],
    });
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['falun', 'borlange', 'orsa']);
    expect(state.history.at(-1)).toEqual(expect.objectContaining({ type: 'revision', version: 2, reopened: ['falun', 'borlange'] }));

    state = decide(decide(decide(state, 'falun', 'adopted'), 'borlange', 'adopted'), 'orsa', 'adopted');
    expect(state.stage).toBe('in-force');
    expect(state.parties.find((answer) => answer.party === 'falun')?.version).toBe(2);
    expect(state.history.filter((entry) => entry.party === 'falun').map((entry) => entry.version)).toEqual([1, 2]);
  });

  it('after a rejection, a revision that asks the rejecting party again brings the case back to decisions', () => {
    let state = decide(decide(recommended(['falun', 'mora']), 'falun', 'adopted'), 'mora', 'rejected');
    state = step(state, { kind: 'revision', date: '2024-11-14', reopen: ['mora'] });
    expect(state.stage).toBe('decisions');
    expect(waitingOn(state, REGIONAL_AGREEMENT)).toEqual(['mora']);
  });

  it('refuses a revision with nobody to ask, with a party not concerned, or before the recommendation', () => {
    const state = recommended(['falun', 'mora']);
    expect(refuseStep(state, { kind: 'revision', date: '2024-11-14', reopen: [] }, REGIONAL_AGREEMENT)).toMatchObject({
      code: 'validation',
      reason: 'revision-without-parties',
    });
    expect(refuseStep(state, { kind: 'revision', date: '2024-11-14', reopen: ['avesta'] }, REGIONAL_AGREEMENT)).toMatchObject({
      code: 'conflict',
      reason: 'not-a-party',
    });
    expect(refuseStep(openedCase(), { kind: 'revision', date: '2024-11-14', reopen: ['avesta'] }, REGIONAL_AGREEMENT)).toMatchObject({
      code: 'conflict',
      reason: 'step-misfits',
    });
  });
});

describe('a closed case', () => {
  it('takes no further step, and applyStep throws the same refusal', () => {
    const closed = step(openedCase(), { kind: 'council', outcome: 'reject', date: '2024-06-01' });
    const next: CaseStep = { kind: 'network', outcome: 'forward', date: '2024-07-01' };
    const refusal = refuseStep(closed, next, REGIONAL_AGREEMENT);
    expect(refusal).toMatchObject({ code: 'conflict', reason: 'case-closed', message: expect.stringContaining('avslutat') });
    expect(() => step(closed, next)).toThrow(refusal?.message);
  });
});

describe('history', () => {
  it('numbers every step 1, 2, 3 … and records who and which request', () => {
    const state = applyStep(recommended(), { kind: 'decision', party: 'avesta', outcome: 'adopted', date: '2024-09-12' }, REGIONAL_AGREEMENT, {
      at: '2024-09-13T10:00:00.000Z',
      actor: 'party:avesta',
      requestId: 'key-1',
    });
    expect(state.history.map((entry) => entry.sequence)).toEqual([1, 2, 3]);
    expect(state.history[2]).toEqual(expect.objectContaining({ actor: 'party:avesta', requestId: 'key-1', party: 'avesta' }));
    expect(state.sequence).toBe(3);
  });
});

describe('overdue', () => {
  it('is true only after the deadline day and while parties still have to decide', () => {
    const state = recommended(['falun']);
    expect(isOverdue(state, REGIONAL_AGREEMENT, '2024-12-31')).toBe(false);
    expect(isOverdue(state, REGIONAL_AGREEMENT, '2025-01-01')).toBe(true);
    expect(isOverdue(decide(state, 'falun', 'scheduled'), REGIONAL_AGREEMENT, '2025-01-01')).toBe(true);
    expect(isOverdue(decide(state, 'falun', 'adopted'), REGIONAL_AGREEMENT, '2025-01-01')).toBe(false);
  });

  it('is false while the case waits on the council or has no deadline', () => {
    expect(isOverdue(openedCase(), REGIONAL_AGREEMENT, '2025-01-01')).toBe(false);
    expect(isOverdue(recommended().deadline === null ? recommended() : { ...recommended(), deadline: null }, REGIONAL_AGREEMENT, '2025-01-01')).toBe(false);
  });
});

describe('a decision adopted with changes (version 4: the rule of identical decisions)', () => {
  const v4 = (state: CaseState, next: CaseStep) => applyStep(state, next, REGIONAL_AGREEMENT_V4, context);
  const recommendedV4 = () =>
    v4(openCase(opening({ parties: ['falun', 'mora'] }), REGIONAL_AGREEMENT_V4, AT), { kind: 'council', outcome: 'recommend', date: '2024-06-13' });

  it('needs a note saying what differs, and keeps the case from entering force until the coordinator judges it', () => {
    const recommended = recommendedV4();
    const withChanges: CaseStep = { kind: 'decision', party: 'mora', outcome: 'adopted-with-changes', date: '2024-09-12' };
    expect(refuseStep(recommended, withChanges, REGIONAL_AGREEMENT_V4)).toMatchObject({ code: 'validation', reason: 'changes-undescribed' });
    let state = v4(recommended, { ...withChanges, note: 'Med reservation om kostnadsfördelningen.' } as CaseStep);
    state = v4(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-09-12' });
    expect(state.stage).toBe('decisions');
    // Held up by Mora's decision until it is judged; Mora is not chased for it.
    expect(waitingOn(state, REGIONAL_AGREEMENT_V4)).toEqual(['mora']);
    expect(isOverdue({ ...state, deadline: '2024-09-01' }, REGIONAL_AGREEMENT_V4, '2024-12-01')).toBe(false);
    expect(availableSteps(state, REGIONAL_AGREEMENT_V4)).toEqual(expect.arrayContaining([{ step: 'judgement.identical', parties: ['mora'] }]));
    expect(refuseStep(state, { kind: 'judgement', party: 'falun', outcome: 'identical', date: '2024-09-20' }, REGIONAL_AGREEMENT_V4)).toMatchObject({
      reason: 'nothing-to-judge',
    });

    const identical = v4(state, { kind: 'judgement', party: 'mora', outcome: 'identical', date: '2024-09-20', note: 'Reservationen ändrar inte beslutet.' });
    expect(identical.stage).toBe('in-force');
    expect(identical.parties.find((answer) => answer.party === 'mora')).toMatchObject({ status: 'adopted', date: '2024-09-12', note: 'Med reservation om kostnadsfördelningen.' });
    expect(identical.history.at(-1)).toMatchObject({ type: 'judgement.identical', party: 'mora', date: '2024-09-20' });

    const rejection = v4(state, { kind: 'judgement', party: 'mora', outcome: 'rejection', date: '2024-09-20' });
    expect(rejection.stage).toBe('network');
    expect(rejection.parties.find((answer) => answer.party === 'mora')?.status).toBe('rejected');
  });

  it('is not an answer the earlier versions take', () => {
    expect(refuseStep(recommended(), { kind: 'decision', party: 'mora', outcome: 'adopted-with-changes', date: '2024-09-12', note: 'x' }, REGIONAL_AGREEMENT)).toMatchObject({
      reason: 'answer-not-in-process',
    });
  });
});

describe("the council's and the network's own loops (version 4)", () => {
  const opened = () => openCase(opening({ parties: ['falun', 'mora'] }), REGIONAL_AGREEMENT_V4, AT);
  const v4 = (state: CaseState, next: CaseStep) => applyStep(state, next, REGIONAL_AGREEMENT_V4, context);

  it('the council tables an item to a later meeting: it stays with the council, waiting since it first came there', () => {
    const tabled = v4(opened(), { kind: 'council', outcome: 'table', date: '2024-06-13', untilMeeting: '2024-09-12' });
    expect(tabled.stage).toBe('council');
    expect(tabled.stageSince).toBe(opened().stageSince);
    expect(tabled.history.at(-1)).toMatchObject({ type: 'council.table', untilMeeting: '2024-09-12' });
    expect(v4(tabled, { kind: 'council', outcome: 'recommend', date: '2024-09-12' }).stage).toBe('decisions');
  });

  it("the network takes a case back from the council's agenda, and can send it on again", () => {
    const recalled = v4(opened(), { kind: 'network', outcome: 'recall', date: '2024-06-01', note: 'Kostnaderna ses över.' });
    expect(recalled.stage).toBe('network');
    expect(waitingOn(recalled, REGIONAL_AGREEMENT_V4)).toEqual(['lchnv']);
    expect(v4(recalled, { kind: 'network', outcome: 'forward', date: '2024-08-20' }).stage).toBe('council');
    // Only from the council's agenda.
    expect(refuseStep(recalled, { kind: 'network', outcome: 'recall', date: '2024-06-02' }, REGIONAL_AGREEMENT_V4)?.code).toBe('conflict');
  });

  it('earlier versions take neither', () => {
    expect(refuseStep(openedCase(), { kind: 'council', outcome: 'table', date: '2024-06-13' }, REGIONAL_AGREEMENT)?.code).toBe('conflict');
    expect(refuseStep(openedCase(), { kind: 'network', outcome: 'recall', date: '2024-06-13' }, REGIONAL_AGREEMENT)?.code).toBe('conflict');
  });
});

describe('a withdrawn case taken up again (version 4)', () => {
  const v4 = (state: CaseState, next: CaseStep) => applyStep(state, next, REGIONAL_AGREEMENT_V4, context);
  const withdrawn = () => v4(openCase(opening({ parties: ['falun'] }), REGIONAL_AGREEMENT_V4, AT), { kind: 'network', outcome: 'withdraw', date: '2024-06-20' });

  it('can be reopened by the network within six months, and goes back to the network', () => {
    expect(reopenableUntil(withdrawn(), REGIONAL_AGREEMENT_V4)).toBe('2024-12-20');
    expect(isSettled(withdrawn(), REGIONAL_AGREEMENT_V4, '2024-12-20')).toBe(false);
    expect(isSettled(withdrawn(), REGIONAL_AGREEMENT_V4, '2024-12-21')).toBe(true);
    expect(nextTimerDate(withdrawn(), REGIONAL_AGREEMENT_V4, '2024-07-01')).toBe('2024-12-21');
    const reopened = v4(withdrawn(), { kind: 'network', outcome: 'reopen', date: '2024-11-14', note: 'Nytt underlag.' });
    expect(reopened.stage).toBe('network');
    expect(waitingOn(reopened, REGIONAL_AGREEMENT_V4)).toEqual(['lchnv']);
  });

  it('is refused after the period, for any other step, and in earlier versions', () => {
    expect(refuseStep(withdrawn(), { kind: 'network', outcome: 'reopen', date: '2024-12-21' }, REGIONAL_AGREEMENT_V4)).toMatchObject({ reason: 'reopen-too-late' });
    expect(refuseStep(withdrawn(), { kind: 'network', outcome: 'forward', date: '2024-11-14' }, REGIONAL_AGREEMENT_V4)).toMatchObject({ reason: 'case-closed' });
    const older = applyStep(openedCase(), { kind: 'network', outcome: 'withdraw', date: '2024-06-20' }, REGIONAL_AGREEMENT, context);
    expect(refuseStep(older, { kind: 'network', outcome: 'reopen', date: '2024-07-01' }, REGIONAL_AGREEMENT)).toMatchObject({ reason: 'step-not-in-process' });
    expect(isSettled(older, REGIONAL_AGREEMENT, '2024-07-01')).toBe(true);
  });
});
