import { partyFileAddress } from '../links/party-link';
import { longDate } from '../format/swedish-dates';
import type { RecommendationNotice } from '../workflow-contract/case.activity-types';
import { renderHtml, renderText, type ComposedEmail, type EmailContent } from './email-body';

export interface RecommendationFacts {
  readonly notice: RecommendationNotice;
  readonly partyName: string;
  readonly deadline: string | null;
  /** The organisation that coordinates, which signs the e-mail. */
  readonly organisation: string;
  /** What the deployment calls the council that recommends. */
  readonly council: string;
  readonly link: string;
  readonly overviewLink: string;
}

/** The recommendation to one party (the same for each of its contacts): what to decide, by when, and where to answer. */
export function recommendationEmail(facts: RecommendationFacts): ComposedEmail {
  const { notice, partyName: party, organisation, council } = facts;
  const deadline = facts.deadline ? longDate(facts.deadline) : '';
  const revised = notice.kind === 'revised';
  const subject = revised ? `Reviderat ärende att besluta på nytt – ${notice.title}` : `Rekommendation att besluta – ${notice.title}`;
  const content: EmailContent = {
    greeting: 'Hej!',
    paragraphs: [
      revised
        ? `Ärendet nedan har reviderats den ${longDate(notice.date)}, och ${organisation} ber ${party} att fatta beslut i det på nytt.`
        : `${council} rekommenderade den ${longDate(notice.date)} länets parter att anta ärendet nedan. ${organisation} ber ${party} att fatta beslut i det.`,
      ...(notice.note ? [`”${notice.note}”`] : []),
      ...(notice.proposal?.coverLetter ? [notice.proposal.coverLetter] : []),
      ...(notice.proposal?.decisionWording
        ? [`Förslag till beslut, med samma lydelse hos alla parter:\n”${notice.proposal.decisionWording}”`]
        : ['Beslutet ska ha samma lydelse hos alla parter.']),
      `När ${party} har beslutat rapporterar ni organ, datum och paragraf på svarssidan; har ärendet planerats till ett sammanträde kan ni rapportera det där också.`,
      ...(notice.attachments.length > 0
        ? [`Bilagor:\n${notice.attachments.map((attachment, index) => `${index + 1}. ${attachment.title}: ${attachment.url ?? partyFileAddress(facts.link, attachment.file?.id ?? '')}`).join('\n')}`]
        : []),
    ],
    facts: [
      ['Ärende', notice.title],
      ...(notice.reference ? [['Diarienummer', notice.reference] as const] : []),
      ['Part', party],
      ...(deadline ? [['Sista svarsdag', deadline] as const] : []),
    ],
    link: { label: `Svarssidan för ${party}`, url: facts.link },
    alsoLink: { label: `Allt som väntar på svar från ${party}`, url: facts.overviewLink },
    afterLink: [`Länken gäller bara ${party} och det här ärendet och kräver ingen inloggning. Dela den bara med dem som ska rapportera beslutet.`],
    signature: ['Med vänliga hälsningar', organisation],
    footer: `Det här meddelandet skickades automatiskt från Överens. Svara inte på det; kontakta ${organisation} om något är fel.`,
  };
  return { subject, text: renderText(content), html: renderHtml(subject, content) };
}
