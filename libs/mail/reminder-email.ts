import { longDate } from '../format/swedish-dates';
import type { ReminderKind, ReminderRequest } from '../workflow-contract/case.activity-types';
import { renderHtml, renderText, type ComposedEmail, type EmailContent } from './email-body';

export interface ReminderFacts {
  readonly request: Pick<ReminderRequest, 'title' | 'reference' | 'kind'>;
  readonly party: string;
  /** The party's name as the case knows it. */
  readonly partyName: string;
  /** The organisation that coordinates, which signs the reminder. */
  readonly organisation: string;
  readonly deadline: string | null;
  /** The meeting the party scheduled its decision for, when the reminder comes before it. */
  readonly meeting?: string;
  /** The party's own response page for the case. */
  readonly link: string;
  /** The party's overview of everything that waits on it. */
  readonly overviewLink?: string;
}

// The words of the reminders, in one place.
const SUBJECTS: Record<ReminderKind, (title: string, deadline: string, organisation: string) => string> = {
  before: (title, deadline) => (deadline ? `Påminnelse: sista svarsdag ${deadline} – ${title}` : `Påminnelse – ${title}`),
  on: (title) => `Sista svarsdag i dag – ${title}`,
  after: (title) => `Sista svarsdagen har passerat – ${title}`,
  now: (title, _deadline, organisation) => `Påminnelse från ${organisation} – ${title}`,
};

const OPENINGS: Record<ReminderKind, (party: string, deadline: string, organisation: string) => string> = {
  before: (party, deadline, organisation) =>
    `${organisation} väntar på beslutet från ${party} i ärendet nedan.${deadline ? ` Sista svarsdag är den ${deadline}.` : ''}`,
  on: (party, deadline, organisation) =>
    `${organisation} väntar på beslutet från ${party} i ärendet nedan. I dag${deadline ? `, den ${deadline},` : ''} är sista svarsdag.`,
  after: (party, deadline, organisation) =>
    `${organisation} har ännu inte fått beslutet från ${party} i ärendet nedan.${
      deadline ? ` Sista svarsdag passerades den ${deadline}.` : ''
    } Rapportera beslutet så snart ni kan.`,
  now: (party, deadline, organisation) =>
    `${organisation} påminner om att vi väntar på beslutet från ${party} i ärendet nedan.${
      deadline ? ` Sista svarsdag är den ${deadline}.` : ''
    }`,
};

/** Before a party's own meeting, the reminder is about that meeting, not about the deadline. */
const BEFORE_MEETING = {
  subject: (title: string, meeting: string) => `Påminnelse inför ert sammanträde ${meeting} – ${title}`,
  opening: (party: string, meeting: string, organisation: string) =>
    `${party} har planerat ärendet nedan till sammanträdet den ${meeting}. ${organisation} påminner om det och ber er rapportera beslutet på svarssidan efter sammanträdet. Fram till dess får ni inga påminnelser om sista svarsdagen.`,
};

/** A reminder to one party (the same for each of its contacts): what is asked, by when, and its own link. */
export function reminderEmail(facts: ReminderFacts): ComposedEmail {
  const party = facts.partyName;
  const organisation = facts.organisation;
  const deadline = longDate(facts.deadline);
  const meeting = facts.meeting ? longDate(facts.meeting) : undefined;
  const subject = meeting ? BEFORE_MEETING.subject(facts.request.title, meeting) : SUBJECTS[facts.request.kind](facts.request.title, deadline, organisation);
  const content: EmailContent = {
    greeting: 'Hej!',
    paragraphs: [
      meeting ? BEFORE_MEETING.opening(party, meeting, organisation) : OPENINGS[facts.request.kind](party, deadline, organisation),
      'På svarssidan rapporterar ni vilket organ som beslutade, datum och paragraf, eller att ärendet är planerat till ett sammanträde. Där finns också ärendets bilagor.',
    ],
    facts: [
      ['Ärende', facts.request.title],
      ...(facts.request.reference ? [['Diarienummer', facts.request.reference] as const] : []),
      ['Part', party],
      ...(meeting ? [['Planerat sammanträde', meeting] as const] : []),
      ...(deadline ? [['Sista svarsdag', deadline] as const] : []),
    ],
    link: { label: `Svarssidan för ${party}`, url: facts.link },
    ...(facts.overviewLink ? { alsoLink: { label: `Allt som väntar på svar från ${party}`, url: facts.overviewLink } } : {}),
    afterLink: [
      `Länken gäller bara ${party} och det här ärendet och kräver ingen inloggning. Dela den bara med dem som ska rapportera beslutet.`,
      'Har ni redan rapporterat beslutet kan ni bortse från det här meddelandet.',
    ],
    signature: ['Med vänliga hälsningar', organisation],
    footer: `Det här meddelandet skickades automatiskt från Överens. Svara inte på det; kontakta ${organisation} om något är fel.`,
  };
  return { subject, text: renderText(content), html: renderHtml(subject, content) };
}
