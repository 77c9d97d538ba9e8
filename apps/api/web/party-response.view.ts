import type { CaseView } from '../../../libs/contract';
import { findProcessDefinition } from '../../../libs/domain';
import { genitive } from '../../../libs/format/body-names';
import { acceptAttribute, acceptedKinds } from '../../../libs/files';
import { attachmentList, fileFacts, sizeOf, type FileHref } from './attachment-list.view';
import { errorSummary, fileField, radioGroup, textArea, textField, type FieldErrors } from './form-fields';
import { partyFileAddress } from '../../../libs/links/party-link';
import { html, type SafeHtml } from '../../../libs/html/html';
import { page } from './layout';
import { longDate } from '../../../libs/format/swedish-dates';
import { statusLabel, type Naming } from './swedish-format';

const OUTCOME_CHOICES: Record<string, string> = {
  scheduled: 'Planerat till sammanträde',
  adopted: 'Antaget',
  rejected: 'Avslaget',
  'opted-out': 'Står utanför',
  answered: 'Vi svarar på remissen',
  declined: 'Vi avstår från att svara',
  signed: 'Avtalet är undertecknat',
  'adopted-with-changes': 'Antaget med ändringar eller reservation (beskriv dem i meddelandet)',
};

/** Whether the case's process records when minutes were posted (and so when a decision is final). */
export function takesPosting(view: Pick<CaseView, 'process'>): boolean {
  return findProcessDefinition(view.process.id, view.process.version)?.transitions.some((transition) => transition.step === 'posting') ?? false;
}

/** The answers this kind of case takes, as radio choices. */
export function decisionChoices(view: Pick<CaseView, 'process'>): { value: string; label: string }[] {
  const answers = findProcessDefinition(view.process.id, view.process.version)?.answers ?? [];
  return answers.map((value) => ({ value, label: OUTCOME_CHOICES[value] }));
}

/** What a party is asked, by the kind of case. */
function askedText(view: CaseView, name: string, naming: Naming): string {
  switch (view.process.id) {
    case 'consultation':
      return `${name} ombeds svara på remissen, eller meddela att ni avstår, senast sista svarsdagen.`;
    case 'signing':
      return `${name} ombeds skriva under avtalet och meddela när det är gjort.`;
    default:
      return `${naming.bodies.council} rekommenderar ${name} att anta överenskommelsen. Beslutet ska vara likalydande hos alla parter.
Rapportera här vad ni har beslutat, eller när ärendet ska upp i er nämnd.`;
  }
}

export const DECISION_LABELS: Record<string, string> = {
  outcome: 'Ert beslut',
  date: 'Datum',
  body: 'Beslutande organ',
  paragraph: 'Paragraf (§)',
  partyReference: 'Ert diarienummer',
  postedOn: 'Protokollet anslogs',
  minutesUrl: 'Länk till protokollsutdraget',
  minutesFile: 'Protokollsutdraget som fil',
  answeredBy: 'Ditt namn',
  note: 'Meddelande till samordnarna',
};

export interface PartyResponseModel {
  readonly view: CaseView;
  readonly party: string;
  readonly naming: Naming;
  /** The body that usually decides for the party (the register's), to prefill the form. */
  readonly usualBody: string | null;
  readonly formAction: string;
  readonly requestId: string;
  readonly values?: Record<string, string>;
  readonly errors?: FieldErrors;
  /** The largest file the form takes, in bytes. */
  readonly maxFileBytes: number;
  /** The excerpt already uploaded with this form when it came back with an error. */
  readonly keptFile?: { readonly id: string; readonly name: string };
}

function answeredCount(view: CaseView): number {
  return view.parties.filter((answer) => answer.status !== 'pending' && answer.status !== 'scheduled').length;
}

function caseFacts(view: CaseView, party: string, naming: Naming, fileHref: FileHref): SafeHtml {
  const deadline = view.parties.find((answer) => answer.party === party)?.deadline ?? view.deadline;
  return html`<dl class="facts">
${view.reference ? html`<dt>Diarienummer</dt><dd>${view.reference}</dd>` : ''}
<dt>Sorts ärende</dt><dd>${view.processName}</dd>
<dt>Skede</dt><dd>${naming.stage(view.stage)}</dd>
${deadline ? html`<dt>Er sista svarsdag</dt><dd>${longDate(deadline)}</dd>` : ''}
<dt>Svar hittills</dt><dd>${answeredCount(view)} av ${view.parties.length} parter har fattat beslut</dd>
</dl>
${view.proposal.decisionWording
    ? html`<h2>Förslag till beslut</h2><p class="hint">Samma lydelse hos alla parter.</p><blockquote class="wording">${view.proposal.decisionWording}</blockquote>`
    : ''}
${view.attachments.length > 0 ? html`<h2>Bilagor</h2>${attachmentList(view.attachments, fileHref)}` : ''}`;
}

/** What a party sees behind its own link: the case, what is asked, and the form. */
export function partyResponsePage(model: PartyResponseModel): string {
  const { view, party, naming } = model;
  const name = naming.of(party);
  const answer = view.parties.find((candidate) => candidate.party === party);
  const values = model.values ?? {};
  const errors = model.errors ?? {};
  const open = view.availableSteps.some((available) => available.step === 'decision' && (available.parties?.includes(party) ?? true));
  // Whether this kind of case has its decisions posted and appealed (laga kraft).
  const appealable = takesPosting(view);

  const asked = open
    ? html`<p class="lead">${askedText(view, name, naming)}</p>`
    : view.stage === 'council' || view.stage === 'network'
      ? html`<p class="notice">Ärendet väntar ännu på ${view.stage === 'council' ? `${genitive(naming.bodies.council)} rekommendation` : naming.bodies.network}.
Ni kan svara här när ${naming.bodies.council} har rekommenderat parterna att anta.</p>`
      : html`<p class="notice">Ärendet är avslutat: ${naming.stage(view.stage).toLowerCase()}. Inga fler svar tas emot.</p>`;

  const current = answer && answer.status !== 'pending'
    ? html`<h2>Ert registrerade svar</h2>
<p><span class="status status-${answer.status}">${statusLabel(answer.status)}</span>
${answer.date ? html` ${answer.status === 'scheduled' ? 'till sammanträdet' : ''} ${longDate(answer.date)}` : ''}
${answer.body ? html`, ${answer.body}` : ''}${answer.paragraph ? html` ${answer.paragraph}` : ''}</p>
${answer.status === 'adopted' ? html`<p>${finality(answer)}</p>` : ''}
${open ? html`<p>Ni kan ändra ert svar så länge ärendet väntar på beslut. Det tidigare svaret finns kvar i ärendets historik.</p>` : ''}`
    : '';

  const form = open
    ? html`<h2>${answer && answer.status !== 'pending' ? 'Ändra ert svar' : 'Ert svar'}</h2>
${errorSummary(errors, DECISION_LABELS)}
<form class="stacked" method="post" action="${model.formAction}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="requestId" value="${model.requestId}">
${radioGroup({ name: 'outcome', legend: DECISION_LABELS.outcome, choices: decisionChoices(view), value: values.outcome, error: errors.outcome })}
${textField({ name: 'date', label: DECISION_LABELS.date, type: 'date', required: true, value: values.date, error: errors.date,
    hint: 'Beslutsdatum, eller sammanträdets datum om ärendet är planerat. Skriv ÅÅÅÅ-MM-DD.' })}
<fieldset class="field group">
<legend>När ni har fattat beslut</legend>
<p class="hint">Lämna de här fälten tomma om ärendet bara är planerat till ett sammanträde.</p>
${textField({ name: 'body', label: DECISION_LABELS.body, value: values.body ?? model.usualBody ?? undefined, error: errors.body })}
${textField({ name: 'paragraph', label: DECISION_LABELS.paragraph, value: values.paragraph, error: errors.paragraph, hint: 'Till exempel § 45.' })}
${textField({ name: 'partyReference', label: DECISION_LABELS.partyReference, value: values.partyReference, error: errors.partyReference })}
${fileField({ name: 'minutesFile', label: DECISION_LABELS.minutesFile, accept: acceptAttribute(), error: errors.minutesFile, ...(model.keptFile ? { kept: model.keptFile } : {}),
    hint: `Till exempel en PDF. ${acceptedKinds()}; högst ${sizeOf(model.maxFileBytes)}.` })}
${textField({ name: 'minutesUrl', label: DECISION_LABELS.minutesUrl, type: 'url', value: values.minutesUrl, error: errors.minutesUrl,
    hint: 'Om utdraget i stället finns på webben: en adress som börjar med https://' })}
${appealable
    ? textField({ name: 'postedOn', label: DECISION_LABELS.postedOn, type: 'date', value: values.postedOn, error: errors.postedOn,
        hint: 'Om ni vet det: dagen protokollet anslogs. Beslutet vinner laga kraft tre veckor senare. ÅÅÅÅ-MM-DD' })
    : ''}
</fieldset>
${textArea({ name: 'note', label: DECISION_LABELS.note, value: values.note, error: errors.note,
    ...(decisionChoices(view).some((choice) => choice.value === 'adopted-with-changes') ? { hint: 'Har ni antagit med ändringar eller reservation: beskriv dem här.' } : {}) })}
${textField({ name: 'answeredBy', label: DECISION_LABELS.answeredBy, value: values.answeredBy, error: errors.answeredBy, autocomplete: 'name',
    hint: `Står i ärendets historik: vem som lämnade svaret för ${name}, till exempel en ersättare.` })}
<button type="submit">Skicka svaret</button>
</form>`
    : '';

  return page({
    title: `Svar från ${name}: ${view.title}`,
    main: html`<p class="muted">Svar från ${name}</p>
<h1>${view.title}</h1>
${asked}
${caseFacts(view, party, model.naming, (id) => partyFileAddress(model.formAction, id))}
${current}
${form}`,
  });
}

export function partyReceiptPage(view: CaseView, party: string, backTo: string, naming: Naming, overview?: string): string {
  const fileHref: FileHref = (id) => partyFileAddress(backTo, id);
  const name = naming.of(party);
  const answer = view.parties.find((candidate) => candidate.party === party);
  return page({
    title: `Kvitto: ${view.title}`,
    main: html`<div class="notice" role="status"><h1>Tack, ert svar är registrerat</h1></div>
<dl class="facts">
<dt>Ärende</dt><dd>${view.title}</dd>
${view.reference ? html`<dt>Diarienummer</dt><dd>${view.reference}</dd>` : ''}
<dt>Part</dt><dd>${name}</dd>
<dt>Svar</dt><dd>${answer ? statusLabel(answer.status) : ''}</dd>
${answer?.date ? html`<dt>Datum</dt><dd>${longDate(answer.date)}</dd>` : ''}
${answer?.body ? html`<dt>Beslutande organ</dt><dd>${answer.body}</dd>` : ''}
${answer?.paragraph ? html`<dt>Paragraf</dt><dd>${answer.paragraph}</dd>` : ''}
${answer?.partyReference ? html`<dt>Ert diarienummer</dt><dd>${answer.partyReference}</dd>` : ''}
${answer?.minutesFile ? html`<dt>Protokollsutdrag</dt><dd><a href="${fileHref(answer.minutesFile.id)}" download>${answer.minutesFile.name}</a> <span class="muted">(${fileFacts(answer.minutesFile)})</span></dd>` : ''}
${answer?.minutesUrl ? html`<dt>Länk till protokollsutdrag</dt><dd><a href="${answer.minutesUrl}">${answer.minutesUrl}</a></dd>` : ''}
</dl>
<p>${naming.bodies.organisation} ser ert svar direkt. <a href="${backTo}">Tillbaka till ärendet</a></p>
${overview ? html`<p><a href="${overview}">Allt som väntar på svar från ${name}</a></p>` : ''}`,
  });
}

/** Whether an adopted decision has become final (laga kraft), in words. */
export function finality(answer: CaseView['parties'][number]): string {
  if (answer.final) return 'Beslutet har vunnit laga kraft.';
  if (answer.appealedOn) return `Beslutet är överklagat (${longDate(answer.appealedOn)}) och vinner inte laga kraft förrän domstolen avgjort målet. Det gäller under tiden.`;
  if (answer.finalFrom) return `Beslutet vinner laga kraft ${longDate(answer.finalFrom)} om det inte överklagas.`;
  return 'Beslutet har inte vunnit laga kraft: anslagsdatum saknas.';
}
