import type { Financing } from './cost-shares';
export const STAGES = ['council', 'network', 'decisions', 'in-force', 'rejected', 'withdrawn', 'closed', 'expired'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages that take no more council, network or decision steps. */
export const CLOSED_STAGES: readonly Stage[] = ['in-force', 'rejected', 'withdrawn', 'closed', 'expired'];

/** Stages after which nothing more can happen: the workflow ends there. */
export const FINAL_STAGES: readonly Stage[] = ['rejected', 'withdrawn', 'closed', 'expired'];

export const PARTY_STATUSES = [
  'pending',
  'scheduled',
  'adopted',
  'rejected',
  'opted-out',
  'answered',
  'declined',
  'signed',
  'unanswered',
  'adopted-with-changes',
] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

export const COUNCIL_OUTCOMES = ['recommend', 'refer-back', 'reject', 'table'] as const;
export type CouncilOutcome = (typeof COUNCIL_OUTCOMES)[number];

export const NETWORK_OUTCOMES = ['forward', 'table', 'withdraw', 'reject', 'adopt', 'recall', 'reopen'] as const;
export type NetworkOutcome = (typeof NETWORK_OUTCOMES)[number];

export const DECISION_OUTCOMES = ['scheduled', 'adopted', 'rejected', 'opted-out', 'answered', 'declined', 'signed', 'adopted-with-changes'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Who did a step: the coordinator, a party through its own link, or the case's own timers. */
export type Actor = 'coordinator' | `party:${string}` | 'system';

export interface CouncilStep {
  readonly kind: 'council';
  readonly outcome: CouncilOutcome;
  readonly date: string;
  readonly note?: string;
  /** For a send-back: the network meeting the case is to come back to; for tabling, the council's own later meeting. */
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
  /** The parties whose decisions are re-opened (all of the case's when left out); the others keep their answers. */
  readonly reopen?: readonly string[];
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
  /** The minutes excerpt as an uploaded file: its id and checksum (the file itself is never in the history). */
  readonly minutesFile?: FileRef;
  /** The party's own registry number for the matter. */
  readonly partyReference?: string;
  /** The day the minutes were posted (anslagna): the appeal period runs from it. */
  readonly postedOn?: string;
  readonly note?: string;
}

/** A new deadline for every party, or for one party only. `date` is the new deadline. */
export interface DeadlineStep {
  readonly kind: 'deadline';
  readonly date: string;
  readonly party?: string;
  readonly note?: string;
}

/** The day a party's minutes were posted, reported after its decision. */
export interface PostingStep {
  readonly kind: 'posting';
  readonly party: string;
  readonly date: string;
}

/**
 * A party's adopted decision was appealed (laglighetsprövning). Under the court rules the
 * decision stands and is not final until the court rules; under the first rules of
 * version 2 of the regional agreement the party's answer was opened again.
 */
export interface AppealStep {
  readonly kind: 'appeal';
  readonly party: string;
  readonly date: string;
  readonly note?: string;
}

export const RULING_OUTCOMES = ['annulled', 'dismissed'] as const;
export type RulingOutcome = (typeof RULING_OUTCOMES)[number];

/**
 * The administrative court's ruling on an appealed decision: annulled (upphävt) opens the
 * party's answer again; dismissed (avslaget) makes the decision final from the ruling's date.
 */
export interface RulingStep {
  readonly kind: 'ruling';
  readonly party: string;
  readonly outcome: RulingOutcome;
  readonly date: string;
  readonly note?: string;
}

/** A party terminates (säger upp) an agreement in force. */
export interface TerminationStep {
  readonly kind: 'termination';
  readonly party: string;
  readonly date: string;
  readonly note?: string;
}

/** The follow-up assignment is done, or handed to someone else or a new due date. */
export interface FollowUpStep {
  readonly kind: 'follow-up';
  readonly outcome: 'done' | 'reassign';
  readonly date: string;
  readonly owner?: string;
  readonly due?: string;
  readonly note?: string;
}

/** Steps a person takes. The case's own timers take the others (see case-timers). */
export const JUDGEMENT_OUTCOMES = ['identical', 'rejection'] as const;
export type JudgementOutcome = (typeof JUDGEMENT_OUTCOMES)[number];

/**
 * The coordinator's judgement of a decision adopted with changes (a reservation, other
 * wording): the rule of identical decisions asks whether it is the same decision. Identical:
 * it counts as adopted. Rejection: it counts as a rejection of the agreement.
 */
export interface JudgementStep {
  readonly kind: 'judgement';
  readonly party: string;
  readonly outcome: JudgementOutcome;
  readonly date: string;
  readonly note?: string;
}

export type CaseStep =
  | CouncilStep
  | NetworkStep
  | DecisionStep
  | RevisionStep
  | DeadlineStep
  | PostingStep
  | AppealStep
  | RulingStep
  | JudgementStep
  | TerminationStep
  | FollowUpStep
  | AttachmentStep;

export interface PartyAnswer {
  readonly party: string;
  readonly status: PartyStatus;
  readonly date: string | null;
  readonly body: string | null;
  readonly paragraph: string | null;
  readonly minutesUrl: string | null;
  /** The minutes excerpt uploaded as a file; absent on answers from before files. */
  readonly minutesFile?: FileRef | null;
  readonly partyReference: string | null;
  readonly note: string | null;
  readonly answeredAt: string | null;
  /** The version of the case this answer was given to; null while pending. */
  readonly version?: number | null;
  /** This party's own deadline, when the coordinator moved it for this party alone. */
  readonly deadline?: string | null;
  /** The day the minutes with this decision were posted; final three weeks later. */
  readonly postedOn?: string | null;
  /** Under the court rules: the day an appeal against this decision came in, until the court rules. */
  readonly appealedOn?: string | null;
  /** Under the court rules: the day the court dismissed an appeal, from which the decision is final. */
  readonly finalOn?: string | null;
}

/** An uploaded file as a case refers to it: the file's bytes are stored beside the case, never in its history. */
export interface FileRef {
  readonly id: string;
  /** SHA-256 of the content, hex: what the stored file must still match. */
  readonly sha256: string;
}

/** One of the case's attachments (bilagor): a link, or an uploaded file with its versions. */
export interface Attachment {
  readonly title: string;
  /** A link; attachments given as links at the opening carry it. */
  readonly url?: string;
  readonly file?: FileRef;
  /** 1 for the first file; raised each time the file is replaced. */
  readonly version?: number;
  /** What the latest version changed ("nytt underlag"). */
  readonly note?: string;
  /** The day the latest version is dated. */
  readonly date?: string;
  /** The versions it replaced, oldest first. */
  readonly earlier?: readonly AttachmentVersion[];
}

export interface AttachmentVersion {
  readonly version: number;
  readonly file: FileRef;
  readonly date: string;
  readonly note?: string;
}

/** An attachment added to an open case, or one replaced by a new version (`replaces`: its number, from 1). */
export interface AttachmentStep {
  readonly kind: 'attachment';
  readonly title: string;
  readonly file: FileRef;
  readonly date: string;
  readonly replaces?: number;
  readonly note?: string;
}

/** What a history entry records: a person's step (`<kind>.<outcome>` or the kind) or what the case's timers did. */
export type HistoryType =
  | 'network.approve'
  | `network.${NetworkOutcome}`
  | `council.${CouncilOutcome}`
  | `decision.${DecisionOutcome}`
  | `follow-up.${'done' | 'reassign' | 'due'}`
  | `ruling.${RulingOutcome}`
  | `judgement.${JudgementOutcome}`
  | 'revision'
  | 'deadline'
  | 'posting'
  | 'appeal'
  | 'termination'
  | 'attachment'
  | 'reminder.sent'
  | 'escalation.sent'
  | 'round.closed'
  | 'validity.expiring'
  | 'validity.renewed'
  | 'validity.ended'
  | 'validity.terminated';

export interface HistoryEntry {
  /** 1, 2, 3 … per case: what makes projecting the history idempotent. */
  readonly sequence: number;
  readonly at: string;
  readonly type: HistoryType;
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
  /** For a revision: the parties asked to decide again; for a reminder: those reminded. */
  readonly reopened?: readonly string[];
  /** Parties a reminder or notice could not reach (no contact address). */
  readonly unreachable?: readonly string[];
  /** The person who took the step, by name, where it is known. */
  readonly by?: string;
  /** For an attachment added or replaced: its number among the case's attachments, from 1. */
  readonly attachment?: number;
}

/** When parties are reminded: days before their deadline, on it, and every week after. */
export interface ReminderPolicy {
  readonly daysBefore: readonly number[];
  readonly onDeadline: boolean;
  readonly weeklyAfter: boolean;
}

/** An agreement's period and renewal clause ("förlängs med ett år om ingen part säger upp"). */
export interface ValidityTerms {
  readonly from: string;
  readonly to: string;
  /** Renewed by this many months unless a party terminates at least noticeMonths before the end. */
  readonly renewal: { readonly months: number; readonly noticeMonths: number } | null;
  /** How many days before the end the coordinator is warned. */
  readonly warnDays: number;
}

export interface Validity extends ValidityTerms {
  readonly terminations: readonly { readonly party: string; readonly date: string }[];
  /** The end date the coordinator was last warned about, so each end is warned of once. */
  readonly warnedFor: string | null;
}

export interface FollowUp {
  readonly owner: string;
  readonly due: string;
  readonly status: 'open' | 'done';
  readonly doneOn: string | null;
  /** The due date a reminder was sent for, so each due date is reminded of once. */
  readonly remindedFor: string | null;
}

export interface FollowUpTerms {
  readonly owner: string;
  /** Months from entering force to the due date. */
  readonly months: number;
}

export interface CaseOpening {
  readonly id: string;
  readonly title: string;
  readonly reference: string | null;
  /** The parties in the order the case shows them (the register's, resolved by the API). */
  readonly parties: readonly string[];
  /** Each party's name when the case started: renaming a party in the register never changes the case. */
  readonly partyNames?: Readonly<Record<string, string>>;
  readonly deadline: string | null;
  readonly attachments: readonly Attachment[];
  readonly networkDecision: { readonly date: string; readonly note?: string };
  readonly actor: Actor;
  readonly requestId: string | null;
  readonly reminders?: ReminderPolicy;
  readonly validity?: ValidityTerms;
  readonly followUp?: FollowUpTerms;
  /** Days past its deadline after which an undecided party is escalated (definitions that escalate; default 14). */
  readonly escalationDays?: number;
  /** The case whose agreement this one extends. */
  readonly extendsCase?: string;
  /** What the agreement costs and how it is split among the parties still in. */
  readonly financing?: Financing;
  readonly proposal?: Proposal;
  /** Who owns the case: the development lead who presents it, by name. */
  readonly owner?: string;
}

export interface Escalation {
  readonly days: number;
  readonly sent: Readonly<Record<string, string>>;
}

/** What the parties are sent with the recommendation: the cover letter, and the decision to adopt word for word. */
export interface Proposal {
  readonly coverLetter?: string;
  readonly decisionWording?: string;
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
  /** The parties' names from the opening; cases opened before names were kept carry none. */
  readonly partyNames?: Readonly<Record<string, string>>;
  readonly history: readonly HistoryEntry[];
  /** The sequence of the newest history entry. */
  readonly sequence: number;
  /** 1, raised by each revision. Older cases without it are at version 1. */
  readonly version?: number;
  /** Cases of process definitions without timers carry none of the following. */
  readonly reminders?: ReminderPolicy;
  /** The day through which the reminder schedule has been acted on. */
  readonly remindedThrough?: string;
  readonly validity?: Validity | null;
  readonly followUpTerms?: FollowUpTerms | null;
  readonly followUp?: FollowUp | null;
  /** Definitions that escalate: after how many days overdue, and the deadline each party was escalated for. */
  readonly escalation?: Escalation;
  readonly extendsCase?: string | null;
  /** When the case entered force. */
  readonly inForceSince?: string | null;
  /** What the agreement costs and how it is split; absent when the case carries none. */
  readonly financing?: Financing;
  /** The cover letter and decision wording; absent when the case carries none. */
  readonly proposal?: Proposal;
  /** Who owns the case, by name; absent when nobody was named. */
  readonly owner?: string;
}

export interface StepContext {
  readonly at: string;
  readonly actor: Actor;
  readonly requestId: string | null;
  /** The person who took the step, by name, where it is known (a signed-in coordinator). */
  readonly by?: string;
}
