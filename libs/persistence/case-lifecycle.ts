import type { CaseState } from '../domain';

/** The parts of a case's state that only cases with timers have: the `cases.lifecycle` document. */
export type CaseLifecycle = Pick<
  CaseState,
  'reminders' | 'remindedThrough' | 'validity' | 'followUpTerms' | 'followUp' | 'extendsCase' | 'inForceSince' | 'financing' | 'proposal' | 'escalation' | 'owner'
>;
