import { longDate } from '../format/swedish-dates';
import type { CoordinatorNotice, CoordinatorNoticeKind } from '../workflow-contract/case.activity-types';
import { renderHtml, renderText, type ComposedEmail, type EmailContent } from './email-body';

interface NoticeWords {
  readonly subject: string;
  readonly says: (date: string) => string;
  /** What the parties listed are to the notice. */
  readonly partiesLabel: string;
}

// The words of the notices, in one place.
const NOTICES: Record<CoordinatorNoticeKind, NoticeWords> = {
  'validity-expiring': {
    subject: 'Giltighetstiden går snart ut',
    says: (date) => `Överenskommelsens giltighetstid går ut den ${date}. Se över om den ska förlängas, eller om någon part har sagt upp den.`,
    partiesLabel: 'Berörda parter',
  },
  'validity-renewed': {
    subject: 'Överenskommelsen har förlängts',
    says: (date) => `Ingen part sade upp överenskommelsen, så den har förlängts och gäller nu till och med den ${date}.`,
    partiesLabel: 'Berörda parter',
  },
  'validity-terminated': {
    subject: 'Överenskommelsen har sagts upp',
    says: (date) => `Överenskommelsen har sagts upp och upphör att gälla den ${date}.`,
    partiesLabel: 'Parter som har sagt upp',
  },
  'validity-ended': {
    subject: 'Giltighetstiden har gått ut',
    says: (date) => `Överenskommelsens giltighetstid gick ut den ${date}.`,
    partiesLabel: 'Berörda parter',
  },
  'consultation-closed': {
    subject: 'Remisstiden har gått ut',
    says: (date) => `Remisstiden gick ut den ${date}. Remissen är nu stängd för svar.`,
    partiesLabel: 'Parter som inte svarade',
  },
  'party-overdue': {
    subject: 'Parter har inte beslutat långt efter sista svarsdagen',
    says: (date) =>
      `Den ${date} hade parterna nedan ännu inte fattat beslut, fast deras sista svarsdag passerade för länge sedan. ` +
      'De har fått påminnelser; deras eskaleringskontakt har fått besked där en sådan finns. Kontakta dem, eller flytta deras sista svarsdag.',
    partiesLabel: 'Parter som inte har beslutat',
  },
  'follow-up-due': {
    subject: 'Dags för uppföljning',
    says: (date) => `Det är dags att följa upp överenskommelsen. Uppföljningen är planerad till den ${date}.`,
    partiesLabel: 'Berörda parter',
  },
};

/** A notice to the coordinators about one case, with a link to the case page. */
export function coordinatorNoticeEmail(
  notice: CoordinatorNotice,
  casePageUrl: string,
  named: { readonly partyNames: ReadonlyMap<string, string>; readonly organisation: string },
): ComposedEmail {
  const words = NOTICES[notice.kind];
  const subject = `${words.subject} – ${notice.title}`;
  const parties = notice.parties.map((party) => named.partyNames.get(party) ?? party);
  const content: EmailContent = {
    greeting: 'Hej!',
    paragraphs: [words.says(longDate(notice.date))],
    facts: [
      ['Ärende', notice.title],
      ...(notice.reference ? [['Diarienummer', notice.reference] as const] : []),
      ...(parties.length > 0 ? [[words.partiesLabel, parties.join(', ')] as const] : []),
    ],
    link: { label: 'Ärendet i Överens', url: casePageUrl },
    afterLink: [],
    signature: ['Överens'],
    footer: `Det här meddelandet skickades automatiskt från Överens till samordnarna på ${named.organisation}.`,
  };
  return { subject, text: renderText(content), html: renderHtml(subject, content) };
}
