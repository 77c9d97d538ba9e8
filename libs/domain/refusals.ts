import type { CaseStep, Stage } from './case-types';
import { DomainError, type DomainErrorCode } from './domain-error';
import { STAGE_LABELS } from './stage-labels';

const AS_DATE = 'ska vara ett datum i formen ÅÅÅÅ-MM-DD.';

type Refusal = readonly [DomainErrorCode, string];

/**
 * Every refusal the domain gives, by reason: the code (one HTTP status at the edge) and the
 * message in Swedish that the coordinator or the party reads. One place, so the words stay
 * alike and a reason can be tested without its wording.
 */
const REFUSALS = {
  // Opening a case
  'title-missing': (): Refusal => ['validation', 'Ärendet behöver en rubrik.'],
  'no-parties': (): Refusal => ['validation', 'Ärendet behöver minst en part.'],
  'party-malformed': (party: string): Refusal => ['validation', `Ogiltig part: ${party}.`],
  'party-unnamed': (party: string): Refusal => ['validation', `Parten ${party} saknar namn.`],
  'network-date-malformed': (): Refusal => ['validation', `Nätverksbeslutets datum ${AS_DATE}`],
  'deadline-malformed': (): Refusal => ['validation', `Sista svarsdag ${AS_DATE}`],
  'deadline-required': (process: string): Refusal => ['validation', `${process} behöver ett sista svarsdatum.`],
  'amount-invalid': (): Refusal => ['validation', 'Beloppet ska vara ett helt antal kronor, större än noll.'],
  'weights-for-strangers': (parties: readonly string[]): Refusal => [
    'validation',
    `Vikter för parter som inte är med i ärendet: ${parties.join(', ')}.`,
  ],
  'weights-missing': (parties: readonly string[]): Refusal => ['validation', `Vikt saknas för: ${parties.join(', ')}.`],
  'validity-date-malformed': (): Refusal => ['validation', 'Giltighetstidens datum ska vara i formen ÅÅÅÅ-MM-DD.'],
  'validity-reversed': (): Refusal => ['validation', 'Giltighetstiden kan inte sluta innan den börjar.'],

  // A step on a case
  'date-malformed': (): Refusal => ['validation', `Datum ${AS_DATE}`],
  'meeting-date-malformed': (): Refusal => ['validation', `Mötets datum ${AS_DATE}`],
  'posted-date-malformed': (): Refusal => ['validation', `Anslagsdatum ${AS_DATE}`],
  'due-malformed': (): Refusal => ['validation', `Slutdatum ${AS_DATE}`],
  'step-not-in-process': (process: string): Refusal => ['conflict', `Steget hör inte till ${process.toLowerCase()}.`],
  'step-before-timers': (): Refusal => [
    'conflict',
    'Ärendet startades innan påminnelser, giltighet och uppföljning fanns och tar inte det steget.',
  ],
  'case-closed': (stage: Stage): Refusal => ['conflict', `Ärendet är avslutat (${STAGE_LABELS[stage]}) och tar inte emot fler steg.`],
  'revision-without-parties': (): Refusal => ['validation', 'Välj minst en part vars beslut ska öppnas på nytt.'],
  'not-a-party': (name: string): Refusal => ['conflict', `${name} är inte part i det här ärendet.`],
  'step-misfits': (stage: Stage, step: Pick<CaseStep, 'kind'> & { outcome?: string }): Refusal => ['conflict', misfit(stage, step)],
  'answer-not-in-process': (outcome: string, process: string): Refusal => [
    'conflict',
    `Svaret (${outcome}) hör inte till ${process.toLowerCase()}.`,
  ],
  'nothing-to-post': (name: string): Refusal => ['conflict', `${name} har inget antaget beslut att anslå.`],
  'nothing-to-appeal': (name: string): Refusal => ['conflict', `${name} har inget antaget beslut som kan ha överklagats.`],
  'already-appealed': (name: string): Refusal => ['conflict', `${name}s beslut är redan överklagat och väntar på domstolen.`],
  'no-appeal-pending': (name: string): Refusal => ['conflict', `${name}s beslut har inget överklagande som väntar på domstolen.`],
  'no-validity': (): Refusal => ['conflict', 'Ärendet har ingen giltighetstid att säga upp.'],
  'already-terminated': (name: string): Refusal => ['conflict', `${name} har redan sagt upp överenskommelsen.`],
  'no-follow-up': (): Refusal => ['conflict', 'Ärendet har inget uppföljningsuppdrag.'],
  'follow-up-done': (): Refusal => ['conflict', 'Uppföljningsuppdraget är redan klart.'],
  'reassign-empty': (): Refusal => ['validation', 'Ange ny ansvarig eller nytt slutdatum.'],
  'already-answered': (name: string): Refusal => ['conflict', `${name} har redan svarat.`],
  'changes-undescribed': (): Refusal => ['validation', 'Beskriv i meddelandet vad som skiljer ert beslut från förslaget.'],
  'nothing-to-judge': (name: string): Refusal => ['conflict', `${name} har inget beslut med ändringar att bedöma.`],
  'no-such-attachment': (number: number, count: number): Refusal => [
    'validation',
    count === 0 ? `Ärendet har ingen bilaga ${number} att ersätta.` : `Ärendet har bilagorna 1–${count}; bilaga ${number} finns inte.`,
  ],
  'link-not-replaceable': (number: number): Refusal => ['conflict', `Bilaga ${number} är en länk; lägg till filen som en ny bilaga.`],
  'reopen-too-late': (until: string | null): Refusal => [
    'conflict',
    until ? `Ett återkallat ärende kan tas upp igen till och med ${until}.` : 'Ärendet kan inte tas upp igen.',
  ],

  // Reminders sent by hand
  'no-reminders': (): Refusal => ['conflict', 'Det här ärendet skickar inga påminnelser.'],
  'not-waiting-on-parties': (): Refusal => ['conflict', 'Ärendet väntar inte på parternas svar just nu.'],
  'all-answered': (): Refusal => ['conflict', 'Alla parter har svarat.'],

  // Cost shares
  'nobody-to-share': (): Refusal => ['conflict', 'Ingen part står kvar i ärendet att fördela kostnaden på.'],
  'key-gives-nothing': (): Refusal => ['conflict', 'Fördelningsnyckeln ger ingen part någon andel.'],
  'population-missing': (names: readonly string[]): Refusal => ['conflict', `Folkmängd saknas i registret för: ${names.join(', ')}.`],
  'weight-missing': (names: readonly string[]): Refusal => ['conflict', `Vikt saknas för: ${names.join(', ')}.`],
};

export type RefusalReason = keyof typeof REFUSALS;

/** The refusal for a reason, with what its message names. */
export function refusal<Reason extends RefusalReason>(reason: Reason, ...details: Parameters<(typeof REFUSALS)[Reason]>): DomainError {
  const [code, message] = (REFUSALS[reason] as (...args: unknown[]) => Refusal)(...details);
  return new DomainError(code, message, reason);
}

/** Why a step that exists in the process does not fit the stage the case is in. */
function misfit(stage: Stage, step: Pick<CaseStep, 'kind'> & { outcome?: string }): string {
  const now = `Ärendet ${STAGE_LABELS[stage]}.`;
  switch (step.kind) {
    case 'council':
      return `Rådets ställningstagande passar inte nu: ${now}`;
    case 'network':
      return `Nätverkets beslut (${step.outcome}) passar inte nu: ${now}`;
    case 'decision':
      return `Politiska beslut tas emot först efter rådets rekommendation: ${now}`;
    case 'revision':
      return `Ärendet kan revideras när det är hos nätverket eller väntar på beslut: ${now}`;
    case 'deadline':
      return `Sista svarsdag kan flyttas medan ärendet pågår: ${now}`;
    case 'posting':
    case 'appeal':
    case 'ruling':
      return `Anslag och överklaganden gäller antagna beslut: ${now}`;
    case 'termination':
      return `Bara en överenskommelse som gäller kan sägas upp: ${now}`;
    case 'judgement':
      return `Ett beslut med ändringar bedöms medan ärendet väntar på beslut: ${now}`;
    case 'follow-up':
      return `Uppföljningen gäller ett ärende som trätt i kraft: ${now}`;
    case 'attachment':
      return `Bilagor läggs till medan ärendet pågår eller gäller: ${now}`;
  }
}
