import { deadlineOf, finalFrom, isFinal, isFinalStage, isUndecided, reopenableUntil } from './case-queries';
import type { Actor, CaseState, HistoryEntry, PartyAnswer, ReminderPolicy } from './case-types';
import { addDays, addMonths, timerDay } from './dates';
import type { DomainError } from './domain-error';
import { refusal } from './refusals';
import { partyNameIn } from './parties';
import type { ProcessDefinition } from './process-definition';

/**
 * What a case's own timers do, as pure rules: which event is due on a day, and the case
 * after it. The workflow sleeps until `nextTimerDate`, does the event's I/O (e-mails)
 * and applies it; each applied event moves the state so that it is never due again.
 */
/** Why a party is reminded: before its deadline, on it, after it, or because the coordinator asked now. */
export type ReminderKind = 'before' | 'on' | 'after' | 'now';

export interface PartyReminder {
  readonly party: string;
  readonly deadline: string | null;
  /** The meeting the party scheduled its decision for, when this reminder comes before it. */
  readonly meeting?: string;
}

/** How many days before a party's reported meeting it is reminded (definitions with meeting reminders). */
export const MEETING_REMINDER_DAYS = 7;

export type TimerEvent =
  | { readonly kind: 'close'; readonly date: string }
  | { readonly kind: 'reminders'; readonly date: string; readonly reminderKind: ReminderKind; readonly parties: readonly PartyReminder[] }
  | { readonly kind: 'validity-warning'; readonly date: string; readonly ends: string }
  | { readonly kind: 'validity-end'; readonly date: string; readonly renewTo: string | null; readonly terminatedBy: readonly string[] }
  | { readonly kind: 'follow-up-due'; readonly date: string }
  | { readonly kind: 'escalation'; readonly date: string; readonly parties: readonly PartyReminder[] };

/** The events the case's timers will take, each with the day it falls due (YYYY-MM-DD). */
function scheduledEvents(state: CaseState, definition: ProcessDefinition): TimerEvent[] {
  if (!definition.timers || isFinalStage(state.stage)) return [];
  const events: TimerEvent[] = [];
  const waitsOnParties = definition.waitsOn[state.stage] === 'parties';
  if (waitsOnParties && definition.completion === 'closing-date') {
    const closing = latestOpenDeadline(state);
    if (closing !== null) events.push({ kind: 'close', date: addDays(closing, 1) });
  }
  if (waitsOnParties && state.reminders && state.remindedThrough) {
    const next = nextReminderDate(state, definition, state.reminders, state.remindedThrough);
    if (next !== null) events.push({ kind: 'reminders', date: next, reminderKind: 'before', parties: [] });
  }
  if (waitsOnParties && definition.escalation && state.escalation) {
    const next = escalationsFrom(state).map((due) => due.date).sort()[0];
    if (next !== undefined) events.push({ kind: 'escalation', date: next, parties: [] });
  }
  const validity = state.validity;
  if (state.stage === 'in-force' && validity) {
    if (validity.warnedFor !== validity.to) {
      events.push({ kind: 'validity-warning', date: addDays(validity.to, -validity.warnDays), ends: validity.to });
    }
    const noticeDate = validity.renewal ? addMonths(validity.to, -validity.renewal.noticeMonths) : null;
    const terminatedBy = validity.terminations
      .filter((termination) => noticeDate === null || termination.date <= noticeDate)
      .map((termination) => termination.party);
    const renews = validity.renewal !== null && terminatedBy.length === 0;
    events.push({
      kind: 'validity-end',
      date: addDays(validity.to, 1),
      renewTo: renews && validity.renewal ? addMonths(validity.to, validity.renewal.months) : null,
      terminatedBy,
    });
  }
  const followUp = state.followUp;
  if (state.stage === 'in-force' && followUp && followUp.status === 'open' && followUp.remindedFor !== followUp.due) {
    events.push({ kind: 'follow-up-due', date: followUp.due });
  }
  return events;
}

/** The first event due on `today`, or undefined. A closing comes before reminders of the same day. */
export function dueTimerEvent(state: CaseState, definition: ProcessDefinition, today: string): TimerEvent | undefined {
  return dueAmong(scheduledEvents(state, definition), state, definition, today);
}

/** The next day an event falls due, or null when the case waits only on people. */
export function nextTimerDate(state: CaseState, definition: ProcessDefinition, today: string): string | null {
  return nextAmong(scheduledEvents(state, definition), state, definition, today);
}

/**
 * Both at once, the case's timer events worked out once: what is due today (taken before
 * anything else), and otherwise the next day to wake for.
 */
export function timerOutlook(state: CaseState, definition: ProcessDefinition, today: string): { due: TimerEvent | undefined; next: string | null } {
  const events = scheduledEvents(state, definition);
  const due = dueAmong(events, state, definition, today);
  return { due, next: due ? null : nextAmong(events, state, definition, today) };
}

function dueAmong(events: readonly TimerEvent[], state: CaseState, definition: ProcessDefinition, today: string): TimerEvent | undefined {
  const due = events.filter((event) => event.date <= today);
  if (due.length === 0) return undefined;
  const first = due.reduce((earliest, event) => (event.date < earliest.date ? event : earliest));
  if (first.kind === 'escalation') {
    // Every party due by today, in one notice.
    const parties = escalationsFrom(state).filter((entry) => entry.date <= today);
    return { ...first, date: today, parties: parties.map(({ party, deadline }) => ({ party, deadline })) };
  }
  if (first.kind !== 'reminders') return first;
  const parties = remindersDue(state, definition, state.reminders as ReminderPolicy, state.remindedThrough as string, today);
  return {
    ...first,
    date: today,
    reminderKind: parties[0]?.kind ?? 'after',
    parties: parties.map(({ party, deadline, meeting }) => ({ party, deadline, ...(meeting ? { meeting } : {}) })),
  };
}

function nextAmong(events: readonly TimerEvent[], state: CaseState, definition: ProcessDefinition, today: string): string | null {
  const dates = events.map((event) => event.date);
  const finality = finalityDate(state, definition, today);
  if (finality !== null) dates.push(finality);
  const reopenable = reopenableUntil(state, definition);
  if (reopenable !== null) dates.push(addDays(reopenable, 1));
  return dates.length === 0 ? null : dates.reduce((earliest, date) => (date < earliest ? date : earliest));
}

/**
 * Whether the case can hold nothing more: a final stage, or in force with no period to
 * watch, the follow-up done and every adopted decision final (past its appeal period).
 */
export function isSettled(state: CaseState, definition: ProcessDefinition, today: string): boolean {
  if (isFinalStage(state.stage)) {
    // A withdrawn case that may still be taken up again lives on until its last day.
    const until = reopenableUntil(state, definition);
    return until === null || today > until;
  }
  if (state.stage !== 'in-force') return false;
  if (!definition.timers) return true;
  if (state.validity) return false;
  if (state.followUp && state.followUp.status === 'open') return false;
  return state.parties.every((answer) => answer.status !== 'adopted' || isFinal(answer, today, definition));
}

/** The day after the last appeal period ends, once every adopted decision has its posting date. */
function finalityDate(state: CaseState, definition: ProcessDefinition, today: string): string | null {
  if (state.stage !== 'in-force' || !definition.timers) return null;
  const adopted = state.parties.filter((answer) => answer.status === 'adopted');
  const finals = adopted.map((answer) => finalFrom(answer, definition));
  if (finals.length === 0 || finals.some((final) => final === null)) return null;
  const final = (finals as string[]).reduce((a, b) => (a > b ? a : b));
  return final > today ? final : null;
}

/** The parties the case waits on and, per party, its reminder days for a deadline. */
function reminderDays(deadline: string, policy: ReminderPolicy, after: string, through: string | null): string[] {
  const days: string[] = [];
  for (const before of policy.daysBefore) days.push(addDays(deadline, -before));
  if (policy.onDeadline) days.push(deadline);
  if (policy.weeklyAfter) {
    // The first weekly day after `after`, without walking every week since the deadline.
    const weeksPassed = after > deadline ? Math.floor(daysBetween(deadline, after) / 7) : 0;
    for (let week = Math.max(1, weeksPassed); week <= weeksPassed + 2; week += 1) days.push(addDays(deadline, 7 * week));
  }
  return days.filter((day) => day > after && (through === null || day <= through)).sort();
}

function nextReminderDate(state: CaseState, definition: ProcessDefinition, policy: ReminderPolicy, after: string): string | null {
  let next: string | null = null;
  for (const answer of openAnswers(state)) {
    const first = partyReminderDays(answer, state, definition, policy, after, null)[0];
    if (first !== undefined && (next === null || first < next)) next = first;
  }
  return next;
}

function remindersDue(
  state: CaseState,
  definition: ProcessDefinition,
  policy: ReminderPolicy,
  after: string,
  today: string,
): { party: string; deadline: string | null; kind: ReminderKind; meeting?: string }[] {
  const due: { party: string; deadline: string | null; kind: ReminderKind; meeting?: string }[] = [];
  for (const answer of openAnswers(state)) {
    const deadline = deadlineOf(answer, state);
    const days = partyReminderDays(answer, state, definition, policy, after, today);
    // Several days passed at once (a moved deadline): one reminder, the newest kind.
    const latest = days[days.length - 1];
    if (latest === undefined) continue;
    const meeting = meetingAhead(answer, definition);
    if (meeting !== null && latest <= meeting) due.push({ party: answer.party, deadline, kind: 'before', meeting });
    else if (deadline !== null) due.push({ party: answer.party, deadline, kind: kindOf(latest, deadline) });
  }
  return due;
}

/**
 * A party's reminder days after `after` (through `through`): by its deadline; or, when it
 * reported a meeting still ahead, one a week before that meeting and the deadline's only
 * once the meeting has passed without a decision.
 */
function partyReminderDays(
  answer: PartyAnswer,
  state: CaseState,
  definition: ProcessDefinition,
  policy: ReminderPolicy,
  after: string,
  through: string | null,
): string[] {
  const deadline = deadlineOf(answer, state);
  const meeting = meetingAhead(answer, definition);
  if (meeting === null) return deadline === null ? [] : reminderDays(deadline, policy, after, through);
  const before = addDays(meeting, -MEETING_REMINDER_DAYS);
  const beforeMeeting = before > after && (through === null || before <= through) ? [before] : [];
  const afterMeeting = deadline === null ? [] : reminderDays(deadline, policy, after > meeting ? after : meeting, through);
  return [...beforeMeeting, ...afterMeeting].sort();
}

/** The meeting a party scheduled its decision for, under definitions that remind before it. */
function meetingAhead(answer: PartyAnswer, definition: ProcessDefinition): string | null {
  return definition.meetingReminders && answer.status === 'scheduled' && answer.date ? answer.date : null;
}

function kindOf(day: string, deadline: string): ReminderKind {
  return day < deadline ? 'before' : day === deadline ? 'on' : 'after';
}

/**
 * Each undecided party's escalation day (its deadline plus the case's days), where it has not
 * been escalated for that deadline yet. A party with its meeting still ahead is waiting for
 * that meeting, not late: it is not escalated until the meeting has passed.
 */
function escalationsFrom(state: CaseState): { party: string; deadline: string; date: string }[] {
  const escalation = state.escalation;
  if (!escalation) return [];
  // What fell due before the case existed (an old case entered afterwards) is not sent late.
  const opened = timerDay(state.openedAt);
  return openAnswers(state).flatMap((answer) => {
    const deadline = deadlineOf(answer, state);
    if (deadline === null || escalation.sent[answer.party] === deadline) return [];
    const meeting = answer.status === 'scheduled' && answer.date ? answer.date : null;
    const due = addDays(deadline, escalation.days);
    const date = meeting !== null && meeting >= due ? addDays(meeting, 1) : due;
    return date < opened ? [] : [{ party: answer.party, deadline, date }];
  });
}

function openAnswers(state: CaseState): PartyAnswer[] {
  return state.parties.filter((answer) => isUndecided(answer));
}

function latestOpenDeadline(state: CaseState): string | null {
  let latest: string | null = null;
  for (const answer of openAnswers(state)) {
    const deadline = deadlineOf(answer, state);
    if (deadline !== null && (latest === null || deadline > latest)) latest = deadline;
  }
  return latest;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The parties a reminder sent now would go to: one named party, or every party not yet answered. */
export function partiesToRemindNow(state: CaseState, definition: ProcessDefinition, party?: string): PartyReminder[] {
  const refusal = refuseReminderNow(state, definition, party);
  if (refusal) throw refusal;
  return openAnswers(state)
    .filter((answer) => party === undefined || answer.party === party)
    .map((answer) => ({ party: answer.party, deadline: deadlineOf(answer, state) }));
}

export function refuseReminderNow(state: CaseState, definition: ProcessDefinition, party?: string): DomainError | undefined {
  if (!definition.timers) return refusal('no-reminders');
  if (definition.waitsOn[state.stage] !== 'parties') return refusal('not-waiting-on-parties');
  if (party !== undefined) {
    const answer = state.parties.find((candidate) => candidate.party === party);
    if (!answer) return refusal('not-a-party', partyNameIn(state, party));
    if (!isUndecided(answer)) return refusal('already-answered', partyNameIn(state, party));
  } else if (openAnswers(state).length === 0) {
    return refusal('all-answered');
  }
  return undefined;
}

export interface TimerContext {
  readonly at: string;
  readonly actor: Actor;
  readonly requestId: string | null;
}

/** Who a reminder or notice reached: parties without an address are named in the history. */
export interface Delivery {
  readonly reached: readonly string[];
  readonly unreachable: readonly string[];
}

/** The case after a reminder went out (by a timer or because the coordinator asked). */
export function recordReminder(
  state: CaseState,
  reminder: { readonly kind: ReminderKind; readonly date: string; readonly parties: readonly PartyReminder[] },
  delivery: Delivery,
  context: TimerContext,
): CaseState {
  const after = withEntry(state, context, {
    type: 'reminder.sent',
    outcome: reminder.kind,
    date: reminder.date,
    reopened: reminder.parties.map((party) => party.party),
    ...(delivery.unreachable.length > 0 ? { unreachable: delivery.unreachable } : {}),
  });
  // A reminder asked for now does not move the schedule; a scheduled one has been acted on.
  return reminder.kind === 'now' ? after : { ...after, remindedThrough: reminder.date };
}

/** The case after a timer event other than reminders. */
export function applyTimerEvent(state: CaseState, event: Exclude<TimerEvent, { kind: 'reminders' }>, context: TimerContext): CaseState {
  switch (event.kind) {
    case 'close': {
      const unanswered = openAnswers(state).map((answer) => answer.party);
      const closed: CaseState = {
        ...state,
        stage: 'closed',
        stageSince: context.at,
        parties: state.parties.map((answer) => (isUndecided(answer) ? { ...answer, status: 'unanswered' } : answer)),
      };
      return withEntry(closed, context, { type: 'round.closed', date: event.date, reopened: unanswered });
    }
    case 'validity-warning': {
      const validity = state.validity;
      if (!validity) return state;
      return withEntry({ ...state, validity: { ...validity, warnedFor: event.ends } }, context, {
        type: 'validity.expiring',
        date: validity.to,
      });
    }
    case 'validity-end': {
      const validity = state.validity;
      if (!validity) return state;
      if (event.renewTo !== null) {
        return withEntry({ ...state, validity: { ...validity, to: event.renewTo } }, context, {
          type: 'validity.renewed',
          date: event.renewTo,
        });
      }
      return withEntry({ ...state, stage: 'expired', stageSince: context.at }, context, {
        type: event.terminatedBy.length > 0 ? 'validity.terminated' : 'validity.ended',
        date: validity.to,
        ...(event.terminatedBy.length > 0 ? { reopened: event.terminatedBy } : {}),
      });
    }
    case 'escalation': {
      const escalation = state.escalation;
      if (!escalation) return state;
      const sent = { ...escalation.sent, ...Object.fromEntries(event.parties.map((entry) => [entry.party, entry.deadline as string])) };
      return withEntry({ ...state, escalation: { ...escalation, sent } }, context, {
        type: 'escalation.sent',
        date: event.date,
        reopened: event.parties.map((entry) => entry.party),
      });
    }
    case 'follow-up-due': {
      const followUp = state.followUp;
      if (!followUp) return state;
      return withEntry({ ...state, followUp: { ...followUp, remindedFor: followUp.due } }, context, {
        type: 'follow-up.due',
        date: followUp.due,
      });
    }
  }
}

function withEntry(
  state: CaseState,
  context: TimerContext,
  fields: Pick<HistoryEntry, 'type'> & Partial<Pick<HistoryEntry, 'outcome' | 'date' | 'reopened' | 'unreachable'>>,
): CaseState {
  const entry: HistoryEntry = {
    sequence: state.sequence + 1,
    at: context.at,
    actor: context.actor,
    requestId: context.requestId,
    stage: state.stage,
    version: state.version ?? 1,
    ...fields,
  };
  return { ...state, history: [...state.history, entry], sequence: entry.sequence };
}
