import { isUndecided } from './case-queries';
import { stepNameOf } from './case-steps';
import type { CaseState, CaseStep } from './case-types';
import { transitionsOf, type ProcessDefinition, type StepName } from './process-definition';

/** A step that can be taken now; for a step about one party, the parties it can be taken for. */
export interface AvailableStep {
  readonly step: StepName;
  readonly parties?: readonly string[];
}

/**
 * What can happen to the case now: the definition's transitions from its stage, less the
 * ones nothing in the case allows (no adopted decision to post, no follow-up to mark
 * done). The pages offer these forms and no others; `refuseStep` refuses every step
 * outside them (a property test holds the two together).
 */
export function availableSteps(state: CaseState, definition: ProcessDefinition): AvailableStep[] {
  const names = new Set(transitionsOf(definition).filter((transition) => transition.from.includes(state.stage)).map((transition) => transition.step));
  return [...names].flatMap((step): AvailableStep[] => {
    if (!allowedByCase(step, state)) return [];
    const parties = partiesFor(step, state, definition);
    if (parties === undefined) return [{ step }];
    return parties.length > 0 ? [{ step, parties }] : [];
  });
}

/** Whether a step is among what can happen now, for the party it names. */
export function isAvailable(state: CaseState, definition: ProcessDefinition, step: CaseStep): boolean {
  const name = stepNameOf(step);
  const available = availableSteps(state, definition).find((candidate) => candidate.step === name);
  if (!available) return false;
  const party = 'party' in step ? step.party : undefined;
  return party === undefined || available.parties === undefined || available.parties.includes(party);
}

/** The parties a step about one party can be taken for; undefined for steps about the case. */
function partiesFor(step: StepName, state: CaseState, definition: ProcessDefinition): readonly string[] | undefined {
  const answers = state.parties;
  if (step.startsWith('ruling.')) return answers.filter((answer) => answer.appealedOn).map((answer) => answer.party);
  if (step.startsWith('judgement.')) return answers.filter((answer) => answer.status === 'adopted-with-changes').map((answer) => answer.party);
  switch (step) {
    case 'decision':
      // A party may correct its answer while the round is open.
      return answers.map((answer) => answer.party);
    case 'posting':
      return answers.filter((answer) => answer.status === 'adopted').map((answer) => answer.party);
    case 'appeal':
      // Under the court rules one appeal at a time awaits the court.
      return answers
        .filter((answer) => answer.status === 'adopted' && !(definition.appeals === 'court' && answer.appealedOn))
        .map((answer) => answer.party);
    case 'termination':
      return answers
        .filter((answer) => !state.validity?.terminations.some((termination) => termination.party === answer.party))
        .map((answer) => answer.party);
    case 'deadline':
      return answers.filter(isUndecided).map((answer) => answer.party);
    default:
      return undefined;
  }
}

/** What the case itself must hold for a step to make sense. */
function allowedByCase(step: StepName, state: CaseState): boolean {
  if (step === 'termination') return state.validity != null;
  if (step.startsWith('follow-up.')) return state.followUp?.status === 'open';
  return true;
}
