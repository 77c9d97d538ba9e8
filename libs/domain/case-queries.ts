import type { CaseState, PartyAnswer, Stage } from './case-types';
import { CLOSED_STAGES, FINAL_STAGES } from './case-types';
import { addDays, addMonths } from './dates';
import type { ProcessDefinition } from './process-definition';
import { onOrAfterWorkingDay } from './swedish-holidays';

export function isClosed(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/** Nothing more can happen to a case in this stage. */
export function isFinalStage(stage: Stage): boolean {
  return FINAL_STAGES.includes(stage);
}

/** Whom the case waits on now: bodies or parties, in the county's order. */
export function waitingOn(state: Pick<CaseState, 'stage' | 'parties'>, definition: ProcessDefinition): string[] {
  const waits = definition.waitsOn[state.stage];
  if (waits === undefined) return [];
  // A decision adopted with changes holds the case up too, until the coordinator has judged it.
  if (waits === 'parties') return state.parties.filter((answer) => isUndecided(answer) || answer.status === 'adopted-with-changes').map((answer) => answer.party);
  return [...waits];
}

/** The deadline has passed while parties still have to decide. `today` is YYYY-MM-DD. */
export function isOverdue(
  state: Pick<CaseState, 'stage' | 'parties' | 'deadline'>,
  definition: ProcessDefinition,
  today: string,
): boolean {
  const earliest = earliestOpenDeadline(state, definition);
  return earliest !== null && earliest < today;
}

/** A party's deadline: its own, where the coordinator moved it, else the case's. */
export function deadlineOf(answer: PartyAnswer, state: Pick<CaseState, 'deadline'>): string | null {
  return answer.deadline ?? state.deadline;
}

/** The earliest deadline among the parties the case waits on, or null: what makes a case overdue. */
export function earliestOpenDeadline(
  state: Pick<CaseState, 'stage' | 'parties' | 'deadline'>,
  definition: ProcessDefinition,
): string | null {
  if (definition.waitsOn[state.stage] !== 'parties') return null;
  let earliest: string | null = null;
  for (const answer of state.parties) {
    const deadline = deadlineOf(answer, state);
    if (isUndecided(answer) && deadline !== null && (earliest === null || deadline < earliest)) earliest = deadline;
  }
  return earliest;
}

export function isUndecided(answer: PartyAnswer): boolean {
  return answer.status === 'pending' || answer.status === 'scheduled';
}

/**
 * The last day an appeal can come in: three weeks from the day the minutes were posted;
 * under the court rules moved off a weekend or holiday to the next working day.
 */
export function lastAppealDay(postedOn: string, definition?: Pick<ProcessDefinition, 'appeals'>): string {
  const threeWeeks = addDays(postedOn, 21);
  return definition?.appeals === 'court' ? onOrAfterWorkingDay(threeWeeks) : threeWeeks;
}

/**
 * The first day an adopted decision is final (vinner laga kraft): after its appeal period,
 * or under the court rules from the day the court dismissed an appeal; null while it cannot
 * be told (not posted, or an appeal awaits the court).
 */
export function finalFrom(answer: PartyAnswer, definition?: Pick<ProcessDefinition, 'appeals'>): string | null {
  if (answer.status !== 'adopted') return null;
  if (definition?.appeals === 'court') {
    if (answer.appealedOn) return null;
    if (answer.finalOn) return answer.finalOn;
  }
  return answer.postedOn ? addDays(lastAppealDay(answer.postedOn, definition), 1) : null;
}

/** An adopted decision is final (vunnit laga kraft) from its `finalFrom` day. */
export function isFinal(answer: PartyAnswer, today: string, definition?: Pick<ProcessDefinition, 'appeals'>): boolean {
  const from = finalFrom(answer, definition);
  return from !== null && from <= today;
}

/** The case's version: 1 until the first revision. */
export function versionOf(state: Pick<CaseState, 'version'>): number {
  return state.version ?? 1;
}

/**
 * The last day a withdrawn case can be taken up again (the withdrawal's date plus the
 * definition's reopenMonths), or null when it cannot be.
 */
export function reopenableUntil(state: Pick<CaseState, 'stage' | 'history'>, definition: Pick<ProcessDefinition, 'reopenMonths'>): string | null {
  if (state.stage !== 'withdrawn' || !definition.reopenMonths) return null;
  const withdrawal = [...state.history].reverse().find((entry) => entry.type === 'network.withdraw');
  const withdrawnOn = withdrawal?.date ?? withdrawal?.at.slice(0, 10);
  return withdrawnOn ? addMonths(withdrawnOn, definition.reopenMonths) : null;
}
