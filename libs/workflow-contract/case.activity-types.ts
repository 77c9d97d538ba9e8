import type { CaseProjection, QueuedNotice, ReminderKind } from '../domain';

export type { CaseProjection, ReminderKind };

/** A projection with the party notices its steps gave rise to, for the outbox, written with it. */
export interface CaseChange extends CaseProjection {
  readonly notices?: readonly (QueuedNotice & { readonly notice: PartyNotice })[];
}

export interface ReminderRequest {
  /** Unique per firing (case and history sequence): sending it again sends nothing twice. */
  readonly reminderId: string;
  readonly caseId: string;
  readonly title: string;
  readonly reference: string | null;
  readonly kind: ReminderKind;
  /** Each party with its deadline, and the meeting it scheduled its decision for when the reminder comes before that meeting. */
  readonly parties: readonly { readonly party: string; readonly deadline: string | null; readonly meeting?: string }[];
}

export interface ReminderResult {
  /** Parties with at least one contact address, each of which got the e-mail. */
  readonly reached: readonly string[];
  /** Parties without any contact address: nobody could be reminded. */
  readonly unreachable: readonly string[];
}

/**
 * The council's recommendation (or the network's revision) sent to each party that is now
 * to decide: what is asked, by when, the attachments, and the party's own links.
 */
export interface RecommendationNotice {
  /** Unique per recommendation (case and history sequence): sending it again sends nothing twice. */
  readonly noticeId: string;
  readonly caseId: string;
  readonly title: string;
  readonly reference: string | null;
  readonly kind: 'recommended' | 'revised';
  /** The day the council recommended, or the network revised. */
  readonly date: string;
  readonly note: string | null;
  /** A link, or an uploaded file (fetched through the party's own link). */
  readonly attachments: readonly { readonly title: string; readonly url?: string; readonly file?: { readonly id: string } }[];
  readonly parties: readonly { readonly party: string; readonly deadline: string | null }[];
  /** The cover letter and the decision wording, where the case carries them. */
  readonly proposal?: { readonly coverLetter?: string; readonly decisionWording?: string };
}

/**
 * What a party is told besides the recommendation: a receipt for the answer it gave (to
 * its own contacts, for its registry), or that the agreement is now in force (to every
 * party of the case).
 */
export type PartyNotice = {
  /** Unique per notice (case and history sequence): sending it again sends nothing twice. */
  readonly noticeId: string;
  readonly caseId: string;
  readonly title: string;
  readonly reference: string | null;
} & (
  | {
      readonly kind: 'receipt';
      readonly party: string;
      readonly outcome: string;
      /** The decision's (or the meeting's) date. */
      readonly date: string;
      readonly body: string | null;
      readonly paragraph: string | null;
      readonly partyReference: string | null;
      /** ISO 8601 instant the answer was recorded. */
      readonly recordedAt: string;
    }
  | {
      readonly kind: 'in-force';
      /** The day the last decision that was needed was taken. */
      readonly date: string;
      readonly parties: readonly string[];
      /** The parties in the agreement, and those that stood outside it. */
      readonly joined: readonly string[];
      readonly outside: readonly string[];
      readonly validity: { readonly from: string; readonly to: string } | null;
    }
  | {
      /** To the escalation contact of each party long past its deadline. */
      readonly kind: 'escalation';
      readonly parties: readonly { readonly party: string; readonly deadline: string | null }[];
      /** How many days past the deadline a party is escalated. */
      readonly days: number;
    }
);

export type CoordinatorNoticeKind =
  | 'validity-expiring'
  | 'validity-renewed'
  | 'validity-terminated'
  | 'validity-ended'
  | 'consultation-closed'
  | 'follow-up-due'
  | 'party-overdue';

export interface CoordinatorNotice {
  /** Unique per notice: sending it again sends nothing twice. */
  readonly noticeId: string;
  readonly caseId: string;
  readonly title: string;
  readonly reference: string | null;
  readonly kind: CoordinatorNoticeKind;
  /** The date the notice is about (the expiry, the new end, the closing date…), YYYY-MM-DD. */
  readonly date: string;
  /** Parties concerned, e.g. those that terminated or never answered. */
  readonly parties: readonly string[];
}

export interface CaseActivities {
  projectCase(change: CaseChange): Promise<void>;
  /** E-mails each party's contacts with the party's own link. Idempotent by reminderId. */
  sendReminders(request: ReminderRequest): Promise<ReminderResult>;
  /** E-mails every coordinator. Idempotent by noticeId. */
  notifyCoordinators(notice: CoordinatorNotice): Promise<void>;
  /** E-mails each party's contacts the recommendation with the party's own links. Idempotent by noticeId. */
  sendRecommendation(notice: RecommendationNotice): Promise<ReminderResult>;
  /** E-mails a receipt to the answering party's contacts, or the in-force notice to every party's. Idempotent by noticeId. */
  sendPartyNotice(notice: PartyNotice): Promise<ReminderResult>;
}
