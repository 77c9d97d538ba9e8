import { findParty } from '../domain';
import { longDate } from '../format/swedish-dates';
import type { ReminderKind, ReminderRequest } from '../workflow-contract/case.activity-types';
import { renderHtml, renderText, type ComposedEmail, type EmailContent } from './email-body';

export interface ReminderFacts {
  readonly request: Pick<ReminderRequest, 'title' | 'reference' | 'kind'>;
  readonly party: string;
  readonly deadline: string | null;
  /** The party's own response page for the case. */
  readonly link: string;
}

// The words of the reminders, in one place.
const SUBJECTS: Record<ReminderKind, (title: string, deadline: string) => string> = {
  before: (title, deadline) => (deadline ? `Påminnelse: sista svarsdag ${deadline} – ${title}` : `Påminnelse – ${title}`),
  on: (title) => `Sista svarsdag i dag – ${title}`,
  after: (title) => `Sista svarsdagen har passerat – ${title}`,
  now: (title) => `Påminnelse från RSS Dalarna – ${title}`,
};

const OPENINGS: Record<ReminderKind, (party: string, deadline: string) => string> = {
  before: (party, deadline) =>
    `RSS Dalarna väntar på beslutet från ${party} i ärendet nedan.${deadline ? ` Sista svarsdag är den ${deadline}.` : ''}`,
  on: (party, deadline) =>
    `RSS Dalarna väntar på beslutet från ${party} i ärendet nedan. I dag${deadline ? `, den ${deadline},` : ''} är sista svarsdag.`,
  after: (party, deadline) =>
    `RSS Dalarna har ännu inte fått beslutet från ${party} i ärendet nedan.${
      deadline ? ` Sista svarsdag passerades den ${deadline}.` : ''
    } Rapportera beslutet så snart ni kan.`,
  now: (party, deadline) =>
    `RSS Dalarna påminner om att vi väntar på beslutet från ${party} i ärendet nedan.${
      deadline ? ` Sista svarsdag är den ${deadline}.` : ''
    }`,
};

/** A reminder to one party (the same for each of its contacts): what is asked, by when, and its own link. */
export function reminderEmail(facts: ReminderFacts): ComposedEmail {
  const party = findParty(facts.party)?.name ?? facts.party;
  const deadline = longDate(facts.deadline);
  const subject = SUBJECTS[facts.request.kind](facts.request.title, deadline);
  const content: EmailContent = {
    greeting: 'Hej!',
    paragraphs: [
      OPENINGS[facts.request.kind](party, deadline),
      'På svarssidan rapporterar ni vilket organ som beslutade, datum och paragraf, eller att ärendet är planerat till ett sammanträde. Där finns också ärendets bilagor.',
    ],
    facts: [
      ['Ärende', facts.request.title],
      ...(facts.request.reference ? [['Diarienummer', facts.request.reference] as const] : []),
      ['Part', party],
      ...(deadline ? [['Sista svarsdag', deadline] as const] : []),
    ],
    link: { label: `Svarssidan för ${party}`, url: facts.link },
    afterLink: [
      `Länken gäller bara ${party} och det här ärendet och kräver ingen inloggning. Dela den bara med dem som ska rapportera beslutet.`,
      'Har ni redan rapporterat beslutet kan ni bortse från det här meddelandet.',
    ],
    signature: ['Med vänliga hälsningar', 'RSS Dalarna'],
    footer: 'Det här meddelandet skickades automatiskt från Överens. Svara inte på det; kontakta RSS Dalarna om något är fel.',
  };
  return { subject, text: renderText(content), html: renderHtml(subject, content) };
}
