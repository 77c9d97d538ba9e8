import type { CaseOpening, CaseState, HistoryEntry, PartyAnswer, ReminderPolicy } from './case-types';
import { isIsoDate, timerDay } from './dates';
import type { DomainError } from './domain-error';
import { distinctInOrder, isPartySlug } from './parties';
import type { ProcessDefinition } from './process-definition';
import { refusal } from './refusals';

/** Reminders when the coordinator chooses none: two weeks before, on the day, weekly after. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { daysBefore: [14], onDeadline: true, weeklyAfter: true };
/** Days past a party's deadline before it is escalated, when the coordinator chooses none. */
export const DEFAULT_ESCALATION_DAYS = 14;
export const DEFAULT_FOLLOW_UP = { owner: 'Styrgruppen', months: 12 } as const;

/** The state of a case the moment the network has approved it. */
export function openCase(opening: CaseOpening, definition: ProcessDefinition, at: string): CaseState {
  const refusal = refuseOpening(opening, definition);
  if (refusal) throw refusal;
  const stage = definition.initialStage;
  const opened: HistoryEntry = {
    sequence: 1,
    at,
    type: 'network.approve',
    actor: opening.actor,
    requestId: opening.requestId,
    stage,
    version: 1,
    date: opening.networkDecision.date,
    ...(opening.networkDecision.note ? { note: opening.networkDecision.note } : {}),
  };
  return {
    id: opening.id,
    process: { id: definition.id, version: definition.version },
    title: opening.title,
    reference: opening.reference,
    deadline: opening.deadline,
    // Cases opened before attachments existed carry none.
    attachments: opening.attachments ?? [],
    stage,
    stageSince: at,
    openedAt: at,
    parties: distinctInOrder(opening.parties).map(pendingAnswer),
    ...(opening.partyNames ? { partyNames: namesOf(opening.parties, opening.partyNames) } : {}),
    ...(opening.financing ? { financing: opening.financing } : {}),
    ...(opening.proposal ? { proposal: opening.proposal } : {}),
    ...(opening.owner ? { owner: opening.owner } : {}),
    ...(definition.escalation ? { escalation: { days: opening.escalationDays ?? DEFAULT_ESCALATION_DAYS, sent: {} } } : {}),
    history: [opened],
    sequence: 1,
    version: 1,
    ...(definition.timers
      ? {
          reminders: opening.reminders ?? DEFAULT_REMINDER_POLICY,
          // What was due before the case existed is not sent late.
          remindedThrough: timerDay(at),
          validity: opening.validity ? { ...opening.validity, terminations: [], warnedFor: null } : null,
          followUpTerms: opening.followUp ?? DEFAULT_FOLLOW_UP,
          followUp: null,
          extendsCase: opening.extendsCase ?? null,
          inForceSince: null,
        }
      : {}),
  };
}

export function refuseOpening(opening: CaseOpening, definition?: ProcessDefinition): DomainError | undefined {
  if (opening.title.trim() === '') return refusal('title-missing');
  if (opening.parties.length === 0) return refusal('no-parties');
  const malformed = opening.parties.find((party) => !isPartySlug(party));
  if (malformed !== undefined) return refusal('party-malformed', malformed);
  const unnamed = opening.partyNames && opening.parties.find((party) => !opening.partyNames?.[party]);
  if (unnamed) return refusal('party-unnamed', unnamed);
  if (!isIsoDate(opening.networkDecision.date)) return refusal('network-date-malformed');
  if (opening.deadline !== null && !isIsoDate(opening.deadline)) return refusal('deadline-malformed');
  if (definition?.requiresDeadline && opening.deadline === null) return refusal('deadline-required', definition.name);
  const financing = opening.financing;
  if (financing) {
    if (!Number.isSafeInteger(financing.amount) || financing.amount <= 0) return refusal('amount-invalid');
    if (typeof financing.key === 'object') {
      const strangers = Object.keys(financing.key).filter((party) => !opening.parties.includes(party));
      if (strangers.length > 0) return refusal('weights-for-strangers', strangers);
      const missing = opening.parties.filter((party) => !(financing.key as Record<string, number>)[party]);
      if (missing.length > 0) return refusal('weights-missing', missing);
    }
  }
  const validity = opening.validity;
  if (validity) {
    if (!isIsoDate(validity.from) || !isIsoDate(validity.to)) return refusal('validity-date-malformed');
    if (validity.to < validity.from) return refusal('validity-reversed');
  }
  return undefined;
}

/** Only the names of the case's own parties, so the state holds nothing it does not use. */
function namesOf(parties: readonly string[], names: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(distinctInOrder(parties).map((party) => [party, names[party]]));
}

/** A party's answer before it has answered. */
export function pendingAnswer(party: string): PartyAnswer {
  return {
    party,
    status: 'pending',
    date: null,
    body: null,
    paragraph: null,
    minutesUrl: null,
    partyReference: null,
    note: null,
    answeredAt: null,
    version: null,
  };
}
