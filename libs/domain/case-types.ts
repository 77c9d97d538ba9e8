export const STAGES = ['council', 'network', 'decisions', 'in-force', 'rejected', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

export const CLOSED_STAGES: readonly Stage[] = ['in-force', 'rejected', 'withdrawn'];

export const PARTY_STATUSES = ['pending', 'scheduled', 'adopted', 'rejected', 'opted-out'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

export const COUNCIL_OUTCOMES = ['recommend', 'refer-back', 'reject'] as const;
export type CouncilOutcome = (typeof COUNCIL_OUTCOMES)[number];

export const NETWORK_OUTCOMES = ['forward', 'table', 'withdraw', 'reject'] as const;
export type NetworkOutcome = (typeof NETWORK_OUTCOMES)[number];

export const DECISION_OUTCOMES = ['scheduled', 'adopted', 'rejected', 'opted-out'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Who did a step: the coordinator, or a party through its own link. */
export type Actor = 'coordinator' | `party:${string}`;

export interface CouncilStep {
  readonly kind: 'council';
  readonly outcome: CouncilOutcome;
  readonly date: string;
  readonly note?: string;
  /** For a send-back: the network meeting the case is to come back to. */
  readonly untilMeeting?: string;
}

export interface NetworkStep {
  readonly kind: 'network';
  readonly outcome: NetworkOutcome;
  readonly date: string;
  readonly note?: string;
  /** For tabling: the meeting the item is tabled until. */
  readonly untilMeeting?: string;
}

/** The network revises the case and asks some or all parties to decide again. */
export interface RevisionStep {
  readonly kind: 'revision';
  readonly date: string;
  readonly note?: string;
  /** The parties whose decisions are re-opened; the others keep their answers. */
  readonly reopen: readonly string[];
}

export interface DecisionStep {
  readonly kind: 'decision';
  readonly party: string;
  readonly outcome: DecisionOutcome;
  /** The decision date, or for `scheduled` the date of the committee meeting. */
  readonly date: string;
  readonly body?: string;
  readonly paragraph?: string;
  readonly minutesUrl?: string;
  /** The party's own registry number for the matter. */
  readonly partyReference?: string;
  readonly note?: string;
}

export type CaseStep = CouncilStep | NetworkStep | DecisionStep | RevisionStep;

export interface PartyAnswer {
  readonly party: string;
  readonly status: PartyStatus;
  readonly date: string | null;
  readonly body: string | null;
  readonly paragraph: string | null;
  readonly minutesUrl: string | null;
  readonly partyReference: string | null;
  readonly note: string | null;
  readonly answeredAt: string | null;
  /** The version of the case this answer was given to; null while pending. */
  readonly version?: number | null;
}

export interface Attachment {
  readonly title: string;
  readonly url: string;
}

export interface HistoryEntry {
  /** 1, 2, 3 … per case: what makes projecting the history idempotent. */
  readonly sequence: number;
  readonly at: string;
  readonly type: string;
  readonly actor: Actor;
  /** The idempotency key of the request that caused it, if any. */
  readonly requestId: string | null;
  readonly stage: Stage;
  readonly party?: string;
  readonly outcome?: string;
  readonly date?: string;
  readonly note?: string;
  readonly untilMeeting?: string;
  /** The version of the case after this step. */
  readonly version?: number;
  /** For a revision: the parties asked to decide again. */
  readonly reopened?: readonly string[];
}

export interface CaseOpening {
  readonly id: string;
  readonly title: string;
  readonly reference: string | null;
  readonly parties: readonly string[];
  readonly deadline: string | null;
  readonly attachments: readonly Attachment[];
  readonly networkDecision: { readonly date: string; readonly note?: string };
  readonly actor: Actor;
  readonly requestId: string | null;
}

/** Everything known about a case: held by its workflow, mirrored in the read model. */
export interface CaseState {
  readonly id: string;
  readonly process: { readonly id: string; readonly version: number };
  readonly title: string;
  readonly reference: string | null;
  readonly deadline: string | null;
  readonly attachments: readonly Attachment[];
  readonly stage: Stage;
  /** When the case entered its current stage: what `waitingSince` reports. */
  readonly stageSince: string;
  readonly openedAt: string;
  readonly parties: readonly PartyAnswer[];
  readonly history: readonly HistoryEntry[];
  /** The sequence of the newest history entry. */
  readonly sequence: number;
  /** 1, raised by each revision. Older cases without it are at version 1. */
  readonly version?: number;
}

export interface StepContext {
  readonly at: string;
  readonly actor: Actor;
  readonly requestId: string | null;
}
