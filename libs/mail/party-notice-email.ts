import { PARTY_STATUS_LABELS, type PartyStatus } from '../domain';
import { dateTime, longDate } from '../format/swedish-dates';
import type { PartyNotice } from '../workflow-contract/case.activity-types';
import { renderHtml, renderText, type ComposedEmail, type EmailContent } from './email-body';

export interface PartyNoticeFacts {
  readonly notice: PartyNotice;
  /** The party the e-mail goes to, by id and by name. */
  readonly party: string;
  readonly partyName: string;
  /** Every party of the case by name, for the in-force notice's lists. */
  readonly names: ReadonlyMap<string, string>;
  readonly organisation: string;
  readonly timeZone: string;
  readonly link: string;
  readonly overviewLink: string;
}

/** A receipt for a party's answer, or the notice that the agreement is in force, in Swedish. */
export function partyNoticeEmail(facts: PartyNoticeFacts): ComposedEmail {
  const { notice, partyName: party, organisation } = facts;
  const named = (ids: readonly string[]) => ids.map((id) => facts.names.get(id) ?? id).join(', ');
  const common = {
    greeting: 'Hej!',
    signature: ['Med vänliga hälsningar', organisation],
    footer: `Det här meddelandet skickades automatiskt från Överens. Svara inte på det; kontakta ${organisation} om något är fel.`,
  } as const;
  if (notice.kind === 'receipt') {
    const subject = `Kvitto: ${party} har svarat – ${notice.title}`;
    const status = PARTY_STATUS_LABELS[notice.outcome as PartyStatus] ?? notice.outcome;
    const content: EmailContent = {
      ...common,
      paragraphs: [
        `${organisation} har tagit emot svaret från ${party} i ärendet nedan. Spara gärna det här kvittot i ert diarium.`,
        'Stämmer något inte kan ni rätta svaret på svarssidan så länge ärendet väntar på beslut.',
      ],
      facts: [
        ['Ärende', notice.title],
        ...(notice.reference ? [['Diarienummer', notice.reference] as const] : []),
        ['Part', party],
        ['Svar', status.charAt(0).toUpperCase() + status.slice(1)],
        [notice.outcome === 'scheduled' ? 'Sammanträde' : 'Beslutsdatum', longDate(notice.date)],
        ...([notice.body, notice.paragraph].some(Boolean) ? [['Organ och paragraf', [notice.body, notice.paragraph].filter(Boolean).join(' ')] as const] : []),
        ...(notice.partyReference ? [['Ert diarienummer', notice.partyReference] as const] : []),
        ['Mottaget', dateTime(notice.recordedAt, facts.timeZone)],
      ],
      link: { label: `Svarssidan för ${party}`, url: facts.link },
      alsoLink: { label: `Allt som väntar på svar från ${party}`, url: facts.overviewLink },
      afterLink: [],
    };
    return { subject, text: renderText(content), html: renderHtml(subject, content) };
  }
  if (notice.kind === 'escalation') {
    const deadline = notice.parties.find((entry) => entry.party === facts.party)?.deadline ?? null;
    const subject = `Ärende som väntar på beslut från ${party} – ${notice.title}`;
    const content: EmailContent = {
      ...common,
      paragraphs: [
        `${organisation} väntar fortfarande på beslutet från ${party} i ärendet nedan${deadline ? `. Sista svarsdag var ${longDate(deadline)}` : ''}, och påminnelser har skickats. Ni får det här som ${party}s kontakt när ett beslut dröjer.`,
        'Se gärna till att ärendet kommer upp i rätt nämnd, eller hör av er om när beslutet kan väntas. Har ärendet redan planerats till ett sammanträde kan det rapporteras på svarssidan.',
      ],
      facts: [
        ['Ärende', notice.title],
        ...(notice.reference ? [['Diarienummer', notice.reference] as const] : []),
        ['Part', party],
        ...(deadline ? [['Sista svarsdag', longDate(deadline)] as const] : []),
      ],
      link: { label: `Svarssidan för ${party}`, url: facts.link },
      alsoLink: { label: `Allt som väntar på svar från ${party}`, url: facts.overviewLink },
      afterLink: [],
    };
    return { subject, text: renderText(content), html: renderHtml(subject, content) };
  }
  const subject = `Överenskommelsen gäller – ${notice.title}`;
  const content: EmailContent = {
    ...common,
    paragraphs: [
      `Alla parter har nu fattat sina beslut, och överenskommelsen nedan gäller sedan ${longDate(notice.date)}.`,
      ...(notice.validity ? [`Giltighetstiden är ${longDate(notice.validity.from)} – ${longDate(notice.validity.to)}.`] : []),
    ],
    facts: [
      ['Ärende', notice.title],
      ...(notice.reference ? [['Diarienummer', notice.reference] as const] : []),
      ['Parter i överenskommelsen', named(notice.joined)],
      ...(notice.outside.length > 0 ? [['Står utanför', named(notice.outside)] as const] : []),
    ],
    link: { label: `Ärendet för ${party}`, url: facts.link },
    alsoLink: { label: `Allt som väntar på svar från ${party}`, url: facts.overviewLink },
    afterLink: [],
  };
  return { subject, text: renderText(content), html: renderHtml(subject, content) };
}
