import type { DecisionOutcome, Stage } from './case-types';

/** A step a process can take, named `<kind>.<outcome>`; party answers are `decision`. */
export type StepName =
  | `council.${string}`
  | `network.${string}`
  | `follow-up.${string}`
  | 'decision'
  | 'revision'
  | 'deadline'
  | 'posting'
  | 'appeal'
  | `ruling.${string}`
  | `judgement.${string}`
  | 'termination'
  | 'attachment';

export interface Transition {
  readonly step: StepName;
  readonly from: readonly Stage[];
  /** The next stage; `by-decisions` when the parties' answers decide it; `unchanged` to stay. */
  readonly to: Stage | 'by-decisions' | 'unchanged';
}

/**
 * Steps every kind of round with timers takes (the cases that live on), whatever its
 * definition: they change what the case holds, not where it stands. An attachment is
 * added or replaced while the case is open or in force.
 */
export const CASE_LEVEL_STEPS: readonly Transition[] = [
  { step: 'attachment', from: ['council', 'network', 'decisions', 'in-force'], to: 'unchanged' },
];

const TRANSITIONS = new WeakMap<ProcessDefinition, readonly Transition[]>();

/** A definition's own transitions, and the case-level steps where the definition has timers; worked out once a definition. */
export function transitionsOf(definition: ProcessDefinition): readonly Transition[] {
  let transitions = TRANSITIONS.get(definition);
  if (!transitions) {
    transitions = definition.timers ? [...definition.transitions, ...CASE_LEVEL_STEPS] : definition.transitions;
    TRANSITIONS.set(definition, transitions);
  }
  return transitions;
}

/**
 * A multi-party process as data. The case workflow interprets it, so a new kind of
 * round is a new definition, not new workflow code. A running case keeps the
 * definition version it started with: a changed process is a new version.
 */
export interface ProcessDefinition {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly initialStage: Stage;
  /** Whom each open stage waits on; `parties` means the parties that have not decided. */
  readonly waitsOn: Partial<Record<Stage, readonly string[] | 'parties'>>;
  readonly transitions: readonly Transition[];
  /** Where the case goes when a party rejects: identical decisions are required. */
  readonly onPartyRejection: Stage;
  /** The answers a party may give (besides `scheduled`, where listed). */
  readonly answers: readonly DecisionOutcome[];
  /**
   * How the parties' answers end the round: every remaining party agrees (adopts or
   * signs), or a consultation closes when all have answered or on its closing date.
   */
  readonly completion: 'all-agree' | 'closing-date';
  /**
   * Whether the case has timers (reminders, closing date, validity, follow-up) and lives
   * on after entering force. Version 1 of the regional agreement predates them.
   */
  readonly timers: boolean;
  /** Whether a case of this kind needs a deadline when it is opened (a closing date). */
  readonly requiresDeadline: boolean;
  /**
   * How an appeal against an adopted decision works. `court` (kommunallagen 13 kap.): the
   * decision stands, is not final until the court rules, and only an annulment opens the
   * party's answer again; the appeal period ends on a working day. `reopen`, the first
   * rule (regional agreement version 2): the appeal opened the answer at once. Absent: reopen.
   */
  readonly appeals?: 'reopen' | 'court';
  /**
   * A party that reported the meeting its decision is scheduled for is reminded a week
   * before that meeting instead of being chased by the deadline, until the meeting has
   * passed without a decision. Absent (version 2): the deadline's reminders all the same.
   */
  readonly meetingReminders?: boolean;
  /**
   * A party still undecided some days after its deadline (the case's `escalationDays`,
   * 14 by default) is escalated once per deadline: the coordinators are told, and the
   * party's escalation contact where it has one. Absent (version 3 and before): never.
   */
  readonly escalation?: boolean;
  /**
   * A withdrawn case can be taken up again by the network (`network.reopen`) within this
   * many months of its withdrawal; its workflow lives on until then. Absent: never.
   */
  readonly reopenMonths?: number;
}

const REGIONAL_TRANSITIONS: readonly Transition[] = [
  { step: 'council.recommend', from: ['council'], to: 'decisions' },
  { step: 'council.refer-back', from: ['council'], to: 'network' },
  { step: 'council.reject', from: ['council'], to: 'rejected' },
  { step: 'network.forward', from: ['network'], to: 'council' },
  { step: 'network.table', from: ['network'], to: 'network' },
  { step: 'network.withdraw', from: ['council', 'network', 'decisions'], to: 'withdrawn' },
  { step: 'network.reject', from: ['network'], to: 'rejected' },
  { step: 'decision', from: ['decisions'], to: 'by-decisions' },
  { step: 'revision', from: ['network', 'decisions'], to: 'by-decisions' },
];

/** What every kind of round with timers can do besides its own steps. */
const LIFECYCLE_TRANSITIONS: readonly Transition[] = [
  { step: 'deadline', from: ['council', 'network', 'decisions'], to: 'unchanged' },
  { step: 'posting', from: ['decisions', 'in-force'], to: 'unchanged' },
  { step: 'appeal', from: ['decisions', 'in-force'], to: 'by-decisions' },
  { step: 'termination', from: ['in-force'], to: 'unchanged' },
  { step: 'follow-up.done', from: ['in-force'], to: 'unchanged' },
  { step: 'follow-up.reassign', from: ['in-force'], to: 'unchanged' },
];

/** The same, for rounds without political decisions to post or appeal. */
const LIFECYCLE_WITHOUT_APPEALS = LIFECYCLE_TRANSITIONS.filter((transition) => transition.step !== 'appeal' && transition.step !== 'posting');

/** The regional agreement (RÖK), as first built: network → council → political decisions. */
export const REGIONAL_AGREEMENT_V1: ProcessDefinition = {
  id: 'regional-agreement',
  version: 1,
  name: 'Regional samverkansöverenskommelse',
  initialStage: 'council',
  waitsOn: { council: ['valfardsradet'], network: ['lchnv'], decisions: 'parties' },
  transitions: REGIONAL_TRANSITIONS,
  onPartyRejection: 'network',
  answers: ['scheduled', 'adopted', 'rejected', 'opted-out'],
  completion: 'all-agree',
  timers: false,
  requiresDeadline: false,
};

/** The regional agreement with reminders, deadlines that move, validity, appeals and follow-up. */
export const REGIONAL_AGREEMENT: ProcessDefinition = {
  ...REGIONAL_AGREEMENT_V1,
  version: 2,
  transitions: [...REGIONAL_TRANSITIONS, ...LIFECYCLE_TRANSITIONS],
  timers: true,
};

/** Version 3: appeals as the law has them (the decision stands until the court rules), and reminders before a party's meeting. */
export const REGIONAL_AGREEMENT_V3: ProcessDefinition = {
  ...REGIONAL_AGREEMENT,
  version: 3,
  transitions: [
    ...REGIONAL_TRANSITIONS,
    ...LIFECYCLE_TRANSITIONS.map((transition) => (transition.step === 'appeal' ? { ...transition, to: 'unchanged' as const } : transition)),
    { step: 'ruling.annulled', from: ['decisions', 'in-force'], to: 'by-decisions' },
    { step: 'ruling.dismissed', from: ['decisions', 'in-force'], to: 'unchanged' },
  ],
  appeals: 'court',
  meetingReminders: true,
};

/**
 * Version 4: a party may adopt with changes (a reservation, other wording); the coordinator
 * judges it under the rule of identical decisions, as adopted or as a rejection. A party
 * long past its deadline is escalated. The council can table an item to a later meeting,
 * and the network can take a case back from the council's agenda.
 */
export const REGIONAL_AGREEMENT_V4: ProcessDefinition = {
  ...REGIONAL_AGREEMENT_V3,
  version: 4,
  escalation: true,
  reopenMonths: 6,
  answers: [...REGIONAL_AGREEMENT_V3.answers, 'adopted-with-changes'],
  transitions: [
    ...REGIONAL_AGREEMENT_V3.transitions,
    { step: 'judgement.identical', from: ['decisions'], to: 'by-decisions' },
    { step: 'judgement.rejection', from: ['decisions'], to: 'by-decisions' },
    // The council tables the item to a later meeting; the network takes it back from the council's agenda.
    { step: 'council.table', from: ['council'], to: 'council' },
    { step: 'network.recall', from: ['council'], to: 'network' },
    // A withdrawn case taken up again, within reopenMonths of its withdrawal.
    { step: 'network.reopen', from: ['withdrawn'], to: 'network' },
  ],
};

/** A matter the network decides alone, for the parties concerned. */
export const NETWORK_DECISION: ProcessDefinition = {
  id: 'network-decision',
  version: 1,
  name: 'Beslut i nätverket',
  initialStage: 'network',
  waitsOn: { network: ['lchnv'] },
  transitions: [
    { step: 'network.adopt', from: ['network'], to: 'in-force' },
    { step: 'network.table', from: ['network'], to: 'network' },
    { step: 'network.withdraw', from: ['network'], to: 'withdrawn' },
    { step: 'network.reject', from: ['network'], to: 'rejected' },
    ...LIFECYCLE_WITHOUT_APPEALS,
  ],
  onPartyRejection: 'network',
  answers: [],
  completion: 'all-agree',
  timers: true,
  requiresDeadline: false,
};

/** A consultation (remiss): the chosen recipients answer or decline by the closing date. */
export const CONSULTATION: ProcessDefinition = {
  id: 'consultation',
  version: 1,
  name: 'Remiss',
  initialStage: 'decisions',
  waitsOn: { decisions: 'parties' },
  transitions: [
    { step: 'decision', from: ['decisions'], to: 'by-decisions' },
    { step: 'network.withdraw', from: ['decisions'], to: 'withdrawn' },
    { step: 'deadline', from: ['decisions'], to: 'unchanged' },
  ],
  onPartyRejection: 'decisions',
  answers: ['answered', 'declined'],
  completion: 'closing-date',
  timers: true,
  requiresDeadline: true,
};

/** An agreement each party signs; it holds when all have signed. */
export const SIGNING_ROUND: ProcessDefinition = {
  id: 'signing',
  version: 1,
  name: 'Underskrift av avtal',
  initialStage: 'decisions',
  waitsOn: { decisions: 'parties' },
  transitions: [
    { step: 'decision', from: ['decisions'], to: 'by-decisions' },
    { step: 'network.withdraw', from: ['decisions'], to: 'withdrawn' },
    ...LIFECYCLE_WITHOUT_APPEALS,
  ],
  onPartyRejection: 'decisions',
  answers: ['signed'],
  completion: 'all-agree',
  timers: true,
  requiresDeadline: false,
};

const DEFINITIONS: readonly ProcessDefinition[] = [
  REGIONAL_AGREEMENT_V1,
  REGIONAL_AGREEMENT,
  REGIONAL_AGREEMENT_V3,
  REGIONAL_AGREEMENT_V4,
  NETWORK_DECISION,
  CONSULTATION,
  SIGNING_ROUND,
];

/** The kinds of round a new case can be, each at its newest version. */
export const PROCESS_IDS = ['regional-agreement', 'network-decision', 'consultation', 'signing'] as const;
export type ProcessId = (typeof PROCESS_IDS)[number];

export function findProcessDefinition(id: string, version: number): ProcessDefinition | undefined {
  return DEFINITIONS.find((definition) => definition.id === id && definition.version === version);
}

/** The version new cases of a kind start with. */
export function newestProcessDefinition(id: ProcessId): ProcessDefinition {
  const versions = DEFINITIONS.filter((definition) => definition.id === id);
  return versions.reduce((newest, definition) => (definition.version > newest.version ? definition : newest));
}
