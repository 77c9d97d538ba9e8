import {
  CONSULTATION,
  NETWORK_DECISION,
  REGIONAL_AGREEMENT,
  REGIONAL_AGREEMENT_V1,
  REGIONAL_AGREEMENT_V4,
  SIGNING_ROUND,
  addMonths,
  applyStep,
  applyTimerEvent,
  dueTimerEvent,
  isFinal,
  isOverdue,
  isSettled,
  nextTimerDate,
  openCase,
  partiesToRemindNow,
  recordReminder,
  refuseReminderNow,
  refuseStep,
  timerDay,
  timerOutlook,
  type CaseState,
  type CaseStep,
  type ProcessDefinition,
  type TimerEvent,
} from '../../libs/domain';
import { opening } from './case-fixtures';

const OPENED_AT = '2024-10-01T09:00:00.000Z';
const coordinator = { actor: 'coordinator' as const, requestId: null };

function take(state: CaseState, next: CaseStep, definition: ProcessDefinition = REGIONAL_AGREEMENT, at = OPENED_AT): CaseState {
  return applyStep(state, next, definition, { ...coordinator, at });
}

function kvinnofrid(parties = ['falun', 'hedemora', 'sater', 'vansbro']): CaseState {
  const opened = openCase(opening({ parties, deadline: '2024-12-31' }), REGIONAL_AGREEMENT, OPENED_AT);
  return take(opened, { kind: 'council', outcome: 'recommend', date: '2024-10-01' });
}

/** Runs every timer event due up to and including `through`, day by day, as the workflow would. */
function runTimers(state: CaseState, definition: ProcessDefinition, through: string): { state: CaseState; fired: (TimerEvent & { on: string })[] } {
  const fired: (TimerEvent & { on: string })[] = [];
  let current = state;
  for (;;) {
    const day = nextTimerDate(current, definition, '0000-01-01');
    const due = dueTimerEvent(current, definition, day ?? '9999-12-31');
    // The workflow asks both at once, the events worked out once: the same answers.
    for (const today of ['0000-01-01', day ?? '9999-12-31']) {
      const dueThen = dueTimerEvent(current, definition, today);
      expect(timerOutlook(current, definition, today)).toEqual({ due: dueThen, next: dueThen ? null : nextTimerDate(current, definition, today) });
    }
    if (!day || day > through || !due) break;
    const at = `${day}T06:00:00.000Z`;
    fired.push({ ...due, on: day });
    current =
      due.kind === 'reminders'
        ? recordReminder(current, { kind: due.reminderKind, date: due.date, parties: due.parties }, { reached: due.parties.map((party) => party.party), unreachable: [] }, { at, actor: 'system', requestId: null })
        : applyTimerEvent(current, due, { at, actor: 'system', requestId: null });
  }
  return { state: current, fired };
}

describe('reminders', () => {
  it('fires 14 days before, on the deadline and weekly after, for the parties that have not answered', () => {
    let state = kvinnofrid();
    state = take(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-11-20' });
    const { fired } = runTimers(state, REGIONAL_AGREEMENT, '2025-01-15');
    expect(fired.map((event) => [event.on, event.kind === 'reminders' ? event.reminderKind : event.kind])).toEqual([
      ['2024-12-17', 'before'],
      ['2024-12-31', 'on'],
      ['2025-01-07', 'after'],
      ['2025-01-14', 'after'],
    ]);
    for (const event of fired) {
      expect(event.kind === 'reminders' && event.parties.map((party) => party.party)).toEqual(['hedemora', 'sater', 'vansbro']);
    }
  });

  it('never fires the same day twice, and stops for a party once it answers', () => {
    let state = kvinnofrid(['hedemora', 'sater']);
    const first = runTimers(state, REGIONAL_AGREEMENT, '2024-12-31');
    state = first.state;
    expect(dueTimerEvent(state, REGIONAL_AGREEMENT, '2024-12-31')).toBeUndefined();
    state = take(state, { kind: 'decision', party: 'hedemora', outcome: 'adopted', date: '2025-01-02' });
    const next = dueTimerEvent(state, REGIONAL_AGREEMENT, '2025-01-07');
    expect(next).toMatchObject({ kind: 'reminders', reminderKind: 'after', parties: [{ party: 'sater', deadline: '2024-12-31' }] });
  });

  it('does not send late what fell due before the case was opened', () => {
    const opened = openCase(opening({ parties: ['falun'], deadline: '2024-10-10' }), REGIONAL_AGREEMENT, OPENED_AT);
    const state = take(opened, { kind: 'council', outcome: 'recommend', date: '2024-10-01' });
    expect(nextTimerDate(state, REGIONAL_AGREEMENT, '2024-10-01')).toBe('2024-10-10');
  });

  it('follows a deadline moved for one party, and the case is overdue by the earliest open deadline', () => {
    let state = kvinnofrid(['hedemora', 'sater']);
    state = take(state, { kind: 'deadline', party: 'sater', date: '2025-02-28' });
    expect(state.parties.find((answer) => answer.party === 'sater')?.deadline).toBe('2025-02-28');
    const { fired } = runTimers(state, REGIONAL_AGREEMENT, '2025-01-01');
    expect(fired.every((event) => event.kind === 'reminders' && event.parties.every((party) => party.party === 'hedemora'))).toBe(true);
    expect(isOverdue(state, REGIONAL_AGREEMENT, '2025-01-02')).toBe(true);
    state = take(state, { kind: 'decision', party: 'hedemora', outcome: 'adopted', date: '2025-01-02' });
    expect(isOverdue(state, REGIONAL_AGREEMENT, '2025-01-02')).toBe(false);
    expect(isOverdue(state, REGIONAL_AGREEMENT, '2025-03-01')).toBe(true);
  });

  it('a deadline moved for all replaces the parties’ own', () => {
    let state = kvinnofrid(['hedemora', 'sater']);
    state = take(state, { kind: 'deadline', party: 'sater', date: '2025-02-28' });
    state = take(state, { kind: 'deadline', date: '2025-03-31' });
    expect(state.deadline).toBe('2025-03-31');
    expect(state.parties.every((answer) => !answer.deadline)).toBe(true);
    expect(state.history.at(-1)).toMatchObject({ type: 'deadline', date: '2025-03-31', stage: 'decisions' });
  });

  it('remind now: one party or all who have not answered; refused when nobody is waited on', () => {
    let state = kvinnofrid(['hedemora', 'sater']);
    expect(partiesToRemindNow(state, REGIONAL_AGREEMENT).map((party) => party.party)).toEqual(['hedemora', 'sater']);
    expect(partiesToRemindNow(state, REGIONAL_AGREEMENT, 'sater')).toEqual([{ party: 'sater', deadline: '2024-12-31' }]);
    expect(refuseReminderNow(state, REGIONAL_AGREEMENT, 'falun')?.code).toBe('conflict');
    state = take(state, { kind: 'decision', party: 'sater', outcome: 'adopted', date: '2024-11-01' });
    expect(refuseReminderNow(state, REGIONAL_AGREEMENT, 'sater')?.code).toBe('conflict');
    const reminded = recordReminder(
      state,
      { kind: 'now', date: '2024-11-02', parties: partiesToRemindNow(state, REGIONAL_AGREEMENT) },
      { reached: [], unreachable: ['hedemora'] },
      { at: '2024-11-02T10:00:00.000Z', actor: 'coordinator', requestId: 'key-1' },
    );
    expect(reminded.history.at(-1)).toMatchObject({ type: 'reminder.sent', outcome: 'now', reopened: ['hedemora'], unreachable: ['hedemora'], requestId: 'key-1' });
    // A reminder now leaves the schedule as it was.
    expect(reminded.remindedThrough).toBe(state.remindedThrough);
    expect(refuseReminderNow(kvinnofrid(), REGIONAL_AGREEMENT_V1)?.code).toBe('conflict');
  });

  it('the timers’ day starts at 06:00 UTC', () => {
    expect(timerDay('2024-12-17T05:59:59.000Z')).toBe('2024-12-16');
    expect(timerDay('2024-12-17T06:00:00.000Z')).toBe('2024-12-17');
  });
});

describe('a consultation (remiss)', () => {
  const remiss = () => openCase(opening({ parties: ['falun', 'mora', 'orsa'], deadline: '2025-03-14' }), CONSULTATION, OPENED_AT);

  it('needs a closing date', () => {
    expect(() => openCase(opening({ deadline: null }), CONSULTATION, OPENED_AT)).toThrow('sista svarsdatum');
  });

  it('takes answers and declines, not adoptions', () => {
    const state = remiss();
    expect(state.stage).toBe('decisions');
    expect(refuseStep(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2025-01-01' }, CONSULTATION)?.code).toBe('conflict');
    const answered = take(state, { kind: 'decision', party: 'falun', outcome: 'answered', date: '2025-01-01' }, CONSULTATION);
    expect(answered.parties[0].status).toBe('answered');
  });

  it('closes the day after its closing date, naming who never answered', () => {
    let state = remiss();
    state = take(state, { kind: 'decision', party: 'falun', outcome: 'answered', date: '2025-02-01' }, CONSULTATION);
    state = take(state, { kind: 'decision', party: 'mora', outcome: 'declined', date: '2025-02-02' }, CONSULTATION);
    const { state: closed, fired } = runTimers(state, CONSULTATION, '2025-12-31');
    expect(fired.at(-1)).toMatchObject({ kind: 'close', on: '2025-03-15' });
    expect(closed.stage).toBe('closed');
    expect(closed.parties.map((answer) => answer.status)).toEqual(['answered', 'declined', 'unanswered']);
    expect(closed.history.at(-1)).toMatchObject({ type: 'round.closed', reopened: ['orsa'], actor: 'system' });
    expect(isSettled(closed, CONSULTATION, '2025-03-15')).toBe(true);
  });

  it('closes at once when everyone has answered or declined', () => {
    let state = remiss();
    for (const party of ['falun', 'mora', 'orsa']) {
      state = take(state, { kind: 'decision', party, outcome: party === 'orsa' ? 'declined' : 'answered', date: '2025-02-01' }, CONSULTATION);
    }
    expect(state.stage).toBe('closed');
  });
});

describe('a signing round and a network decision', () => {
  it('a signing round is in force when every party has signed', () => {
    let state = openCase(opening({ parties: ['falun', 'mora'] }), SIGNING_ROUND, OPENED_AT);
    state = take(state, { kind: 'decision', party: 'falun', outcome: 'signed', date: '2025-01-10' }, SIGNING_ROUND);
    expect(state.stage).toBe('decisions');
    state = take(state, { kind: 'decision', party: 'mora', outcome: 'signed', date: '2025-01-11' }, SIGNING_ROUND);
    expect(state.stage).toBe('in-force');
  });

  it('a network decision waits on the network alone and is in force when it adopts', () => {
    let state = openCase(opening({ parties: ['falun', 'mora'] }), NETWORK_DECISION, OPENED_AT);
    expect(state.stage).toBe('network');
    expect(refuseStep(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2025-01-10' }, NETWORK_DECISION)?.code).toBe('conflict');
    state = take(state, { kind: 'network', outcome: 'adopt', date: '2025-01-16' }, NETWORK_DECISION);
    expect(state.stage).toBe('in-force');
  });
});

describe('validity and renewal', () => {
  const sus = (terminate?: { party: string; date: string }) => {
    const opened = openCase(
      opening({
        parties: ['falun', 'mora'],
        validity: { from: '2023-07-01', to: '2025-06-30', renewal: { months: 12, noticeMonths: 6 }, warnDays: 90 },
      }),
      REGIONAL_AGREEMENT,
      '2023-03-01T09:00:00.000Z',
    );
    let state = take(opened, { kind: 'council', outcome: 'recommend', date: '2023-03-10' });
    state = take(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2023-04-10' });
    state = take(state, { kind: 'decision', party: 'mora', outcome: 'adopted', date: '2023-04-12' });
    if (terminate) state = take(state, { kind: 'termination', ...terminate });
    return state;
  };

  it('warns before the end and renews by a year when nobody terminated', () => {
    const state = sus();
    expect(state.stage).toBe('in-force');
    const { state: after, fired } = runTimers(state, REGIONAL_AGREEMENT, '2025-07-01');
    expect(fired.map((event) => [event.kind, event.on])).toEqual(
      expect.arrayContaining([
        ['validity-warning', '2025-04-01'],
        ['validity-end', '2025-07-01'],
      ]),
    );
    expect(after.stage).toBe('in-force');
    expect(after.validity?.to).toBe('2026-06-30');
    expect(after.history.map((entry) => entry.type)).toEqual(expect.arrayContaining(['validity.expiring', 'validity.renewed']));
    // The new end is warned of in its turn.
    const nextYear = runTimers(after, REGIONAL_AGREEMENT, '2026-04-01').fired;
    expect(nextYear.at(-1)).toMatchObject({ kind: 'validity-warning', ends: '2026-06-30', on: '2026-04-01' });
  });

  it('ends at the period’s end when a party terminated before the notice date, and says who', () => {
    const state = sus({ party: 'mora', date: '2024-11-15' });
    const { state: after } = runTimers(state, REGIONAL_AGREEMENT, '2025-07-01');
    expect(after.stage).toBe('expired');
    expect(after.history.at(-1)).toMatchObject({ type: 'validity.terminated', reopened: ['mora'], date: '2025-06-30' });
    expect(isSettled(after, REGIONAL_AGREEMENT, '2025-07-01')).toBe(true);
  });

  it('a termination after the notice date ends the agreement a period later', () => {
    const state = sus({ party: 'mora', date: '2025-03-01' });
    const { state: after } = runTimers(state, REGIONAL_AGREEMENT, '2025-07-01');
    expect(after.validity?.to).toBe('2026-06-30');
    const { state: later } = runTimers(after, REGIONAL_AGREEMENT, '2026-07-01');
    expect(later.stage).toBe('expired');
  });

  it('a termination is refused without a period, and twice for one party', () => {
    const withoutPeriod = take(take(take(kvinnofrid(['falun']), { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-11-01' }), { kind: 'posting', party: 'falun', date: '2024-11-05' }), { kind: 'follow-up', outcome: 'reassign', owner: 'Arbetsgruppen', date: '2024-11-06' });
    expect(refuseStep(withoutPeriod, { kind: 'termination', party: 'falun', date: '2025-01-01' }, REGIONAL_AGREEMENT)?.code).toBe('conflict');
    const terminated = sus({ party: 'mora', date: '2024-11-15' });
    expect(refuseStep(terminated, { kind: 'termination', party: 'mora', date: '2024-11-16' }, REGIONAL_AGREEMENT)?.code).toBe('conflict');
  });
});

describe('final or not (laga kraft) and appeals', () => {
  it('an adopted decision is final three weeks after its minutes were posted', () => {
    let state = kvinnofrid(['falun']);
    state = take(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-11-20', postedOn: '2024-11-25' });
    const answer = state.parties[0];
    expect(isFinal(answer, '2024-12-16')).toBe(false);
    expect(isFinal(answer, '2024-12-17')).toBe(true);
  });

  it('a posting date is only for an adopted decision', () => {
    const state = kvinnofrid(['falun', 'mora']);
    expect(refuseStep(state, { kind: 'posting', party: 'falun', date: '2024-11-25' }, REGIONAL_AGREEMENT)?.code).toBe('conflict');
  });

  it('an appeal re-opens that party’s answer and takes the case out of force', () => {
    let state = kvinnofrid(['falun', 'mora']);
    state = take(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-11-20' });
    state = take(state, { kind: 'decision', party: 'mora', outcome: 'adopted', date: '2024-11-21' });
    expect(state.stage).toBe('in-force');
    state = take(state, { kind: 'appeal', party: 'mora', date: '2025-01-10', note: 'Överklagat till förvaltningsrätten' });
    expect(state.stage).toBe('decisions');
    expect(state.parties.map((answer) => answer.status)).toEqual(['adopted', 'pending']);
    expect(state.history.at(-1)).toMatchObject({ type: 'appeal', party: 'mora', stage: 'decisions' });
  });

  it('a case in force without a period settles when every decision is final and the follow-up done', () => {
    let state = kvinnofrid(['falun']);
    state = take(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-11-20', postedOn: '2024-11-25' }, REGIONAL_AGREEMENT, '2024-11-20T10:00:00.000Z');
    expect(isSettled(state, REGIONAL_AGREEMENT, '2024-12-20')).toBe(false);
    state = take(state, { kind: 'follow-up', outcome: 'done', date: '2024-12-01' });
    expect(isSettled(state, REGIONAL_AGREEMENT, '2024-12-16')).toBe(false);
    expect(nextTimerDate(state, REGIONAL_AGREEMENT, '2024-12-01')).toBe('2024-12-17');
    expect(isSettled(state, REGIONAL_AGREEMENT, '2024-12-17')).toBe(true);
  });
});

describe('follow-up', () => {
  it('is created on entering force, due after the agreed months, and reminded of once', () => {
    let state = openCase(opening({ parties: ['falun'], followUp: { owner: 'Arbetsgruppen MiniMaria', months: 6 } }), REGIONAL_AGREEMENT, OPENED_AT);
    state = take(state, { kind: 'council', outcome: 'recommend', date: '2024-10-01' });
    state = take(state, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-11-20' }, REGIONAL_AGREEMENT, '2024-11-20T10:00:00.000Z');
    expect(state.followUp).toEqual({ owner: 'Arbetsgruppen MiniMaria', due: addMonths('2024-11-20', 6), status: 'open', doneOn: null, remindedFor: null });
    const { state: after, fired } = runTimers(state, REGIONAL_AGREEMENT, '2025-12-31');
    expect(fired.filter((event) => event.kind === 'follow-up-due').map((event) => event.on)).toEqual(['2025-05-20']);
    const handedOn = take(after, { kind: 'follow-up', outcome: 'reassign', due: '2025-09-30', date: '2025-05-21' });
    expect(dueTimerEvent(handedOn, REGIONAL_AGREEMENT, '2025-09-30')).toMatchObject({ kind: 'follow-up-due' });
    const done = take(handedOn, { kind: 'follow-up', outcome: 'done', date: '2025-09-01' });
    expect(done.followUp).toMatchObject({ status: 'done', doneOn: '2025-09-01' });
    expect(refuseStep(done, { kind: 'follow-up', outcome: 'done', date: '2025-09-02' }, REGIONAL_AGREEMENT)?.code).toBe('conflict');
  });
});

describe('version 1 of the regional agreement', () => {
  it('has no timers, as its running cases never had', () => {
    const state = openCase(opening(), REGIONAL_AGREEMENT_V1, OPENED_AT);
    expect(state.remindedThrough).toBeUndefined();
    expect(nextTimerDate(state, REGIONAL_AGREEMENT_V1, '2024-10-01')).toBeNull();
    expect(refuseStep(state, { kind: 'deadline', date: '2025-01-01' }, REGIONAL_AGREEMENT_V1)?.code).toBe('conflict');
  });
});

describe('escalation (regional agreement version 4)', () => {
  function recommendedV4(escalationDays?: number): CaseState {
    const opened = openCase(opening({ parties: ['falun', 'hedemora', 'sater'], deadline: '2024-12-31', ...(escalationDays ? { escalationDays } : {}) }), REGIONAL_AGREEMENT_V4, OPENED_AT);
    return take(opened, { kind: 'council', outcome: 'recommend', date: '2024-10-01' }, REGIONAL_AGREEMENT_V4);
  }

  it('escalates each party still undecided 14 days after its deadline, once per deadline, and not one that has decided', () => {
    let state = take(recommendedV4(), { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-12-01' }, REGIONAL_AGREEMENT_V4);
    const { state: after, fired } = runTimers(state, REGIONAL_AGREEMENT_V4, '2025-02-28');
    const escalations = fired.filter((event) => event.kind === 'escalation');
    expect(escalations).toEqual([expect.objectContaining({ on: '2025-01-14', parties: [{ party: 'hedemora', deadline: '2024-12-31' }, { party: 'sater', deadline: '2024-12-31' }] })]);
    expect(after.history.filter((entry) => entry.type === 'escalation.sent')).toEqual([expect.objectContaining({ date: '2025-01-14', reopened: ['hedemora', 'sater'] })]);

    // A deadline moved for Säter: escalated again for the new one, 14 days after it.
    state = take(after, { kind: 'deadline', party: 'sater', date: '2025-03-31' }, REGIONAL_AGREEMENT_V4, '2025-03-01T09:00:00.000Z');
    const again = runTimers(state, REGIONAL_AGREEMENT_V4, '2025-05-01').fired.filter((event) => event.kind === 'escalation');
    expect(again).toEqual([expect.objectContaining({ on: '2025-04-14', parties: [{ party: 'sater', deadline: '2025-03-31' }] })]);
  });

  it('waits for a meeting a party reported, and takes the case’s own number of days', () => {
    const state = take(recommendedV4(30), { kind: 'decision', party: 'hedemora', outcome: 'scheduled', date: '2025-02-20' }, REGIONAL_AGREEMENT_V4);
    const escalations = runTimers(state, REGIONAL_AGREEMENT_V4, '2025-03-31').fired.filter((event) => event.kind === 'escalation');
    expect(escalations.map((event) => [event.on, event.kind === 'escalation' ? event.parties.map((entry) => entry.party) : []])).toEqual([
      ['2025-01-30', ['falun', 'sater']],
      ['2025-02-21', ['hedemora']],
    ]);
  });

  it('does not send late what fell due before the case was entered', () => {
    const opened = openCase(opening({ parties: ['falun'], deadline: '2024-12-31' }), REGIONAL_AGREEMENT_V4, '2025-03-01T09:00:00.000Z');
    const state = take(opened, { kind: 'council', outcome: 'recommend', date: '2024-10-01' }, REGIONAL_AGREEMENT_V4, '2025-03-01T09:00:00.000Z');
    expect(runTimers(state, REGIONAL_AGREEMENT_V4, '2025-12-31').fired.some((event) => event.kind === 'escalation')).toBe(false);
  });

  it('never happens in cases of earlier versions', () => {
    const { fired } = runTimers(kvinnofrid(), REGIONAL_AGREEMENT, '2025-06-30');
    expect(fired.some((event) => event.kind === 'escalation')).toBe(false);
  });
});
