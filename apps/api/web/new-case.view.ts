import type { PartyGroup, RegisterParty } from '../../../libs/register';
import { acceptAttribute, acceptedKinds } from '../../../libs/files';
import { sizeOf } from './attachment-list.view';
import { errorSummary, fileField, radioGroup, selectField, textArea, textField, type FieldErrors } from './form-fields';
import type { Naming } from './swedish-format';
import { html } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';

export const NEW_CASE_LABELS: Record<string, string> = {
  title: 'Rubrik',
  reference: 'Diarienummer',
  'networkDecision.date': 'Datum för nätverksbeslutet',
  'networkDecision.note': 'Nätverkets beslut i korthet',
  owner: 'Ansvarig (den som föredrar ärendet)',
  deadline: 'Sista svarsdag',
  parties: 'Parter',
  group: 'Grupp',
  'attachments.0.title': 'Bilaga 1, namn',
  'attachments.0.url': 'Bilaga 1, webbadress',
  'attachments.0.file': 'Bilaga 1, fil',
  'attachments.1.title': 'Bilaga 2, namn',
  'attachments.1.url': 'Bilaga 2, webbadress',
  'attachments.1.file': 'Bilaga 2, fil',
  'attachments.2.title': 'Bilaga 3, namn',
  'attachments.2.url': 'Bilaga 3, webbadress',
  'attachments.2.file': 'Bilaga 3, fil',
  process: 'Sorts ärende',
  'validity.from': 'Gäller från',
  'validity.months': 'Giltighetstid (månader)',
  'validity.renewal.months': 'Förlängs med (månader)',
  'validity.renewal.noticeMonths': 'Uppsägningstid (månader)',
  'validity.warnDays': 'Varna samordnaren (dagar före slutet)',
  'proposal.coverLetter': 'Följebrev',
  'proposal.decisionWording': 'Förslag till beslut',
  'financing.amount': 'Kostnad i kronor',
  'financing.period': 'Kostnaden gäller',
  'financing.key': 'Fördelas',
  'followUp.owner': 'Uppföljning: ansvarig',
  'followUp.months': 'Uppföljning: klar inom (månader)',
  escalationDays: 'Eskalera efter (dagar efter sista svarsdag)',
};

function processChoices(naming: Naming): { value: string; label: string }[] {
  return [
    { value: 'regional-agreement', label: `Regional överenskommelse: ${naming.bodies.council} rekommenderar, parterna beslutar` },
    { value: 'network-decision', label: `Beslut i ${naming.bodies.network}` },
    { value: 'consultation', label: 'Remiss: parterna svarar eller avstår senast sista svarsdag' },
    { value: 'signing', label: 'Avtal som varje part skriver under' },
  ];
}

export const ATTACHMENT_ROWS = 3;

/** The new-case form's file fields: one an attachment row. */
export const NEW_CASE_FILE_FIELDS: readonly string[] = Array.from({ length: ATTACHMENT_ROWS }, (_, index) => `attachments.${index}.file`);

export function newCasePage(options: {
  coordinator: SignedInCoordinator;
  requestId: string;
  naming: Naming;
  /** The register's active parties and its groups: what a case can be for. */
  register: { parties: readonly RegisterParty[]; groups: readonly PartyGroup[] };
  values?: Record<string, string>;
  parties?: readonly string[];
  errors?: FieldErrors;
  /** The case this one extends, when started from an expiring agreement. */
  extendsCase?: { id: string; title: string };
  /** The largest file an attachment may be, in bytes. */
  maxFileBytes: number;
  /** Files already uploaded with this form when it came back with an error, by field. */
  keptFiles?: Readonly<Record<string, { id: string; name: string }>>;
}): string {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const { naming, register } = options;
  const chosen = options.parties ?? register.parties.map((party) => party.id);
  return page({
    title: 'Nytt ärende',
    current: '/arenden/nytt',
    coordinator: options.coordinator,
    main: html`<h1>Nytt ärende</h1>
<p>Starta ett ärende när ${naming.bodies.network} har godkänt ett förslag och skickat det till ${naming.bodies.council}.</p>
${errorSummary(errors, NEW_CASE_LABELS)}
<form class="stacked" method="post" action="/arenden/nytt" enctype="multipart/form-data" novalidate>
<input type="hidden" name="_csrf" value="${options.coordinator.csrfToken}">
<input type="hidden" name="requestId" value="${options.requestId}">
${options.extendsCase
    ? html`<input type="hidden" name="extendsCase" value="${options.extendsCase.id}"><p class="notice">Förlänger ”${options.extendsCase.title}”.</p>`
    : ''}
${radioGroup({ name: 'process', legend: NEW_CASE_LABELS.process, choices: processChoices(naming), value: values.process ?? 'regional-agreement', error: errors.process })}
${textField({ name: 'title', label: NEW_CASE_LABELS.title, required: true, value: values.title, error: errors.title })}
${textField({ name: 'reference', label: NEW_CASE_LABELS.reference, value: values.reference, error: errors.reference, hint: 'Till exempel HSN 2024/1905.' })}
${textField({ name: 'owner', label: NEW_CASE_LABELS.owner, value: values.owner ?? options.coordinator.name, error: errors.owner })}
${textField({ name: 'networkDecision.date', label: NEW_CASE_LABELS['networkDecision.date'], type: 'date', required: true, value: values['networkDecision.date'], error: errors['networkDecision.date'], hint: 'ÅÅÅÅ-MM-DD' })}
${textArea({ name: 'networkDecision.note', label: NEW_CASE_LABELS['networkDecision.note'], value: values['networkDecision.note'], error: errors['networkDecision.note'] })}
${textField({ name: 'deadline', label: NEW_CASE_LABELS.deadline, type: 'date', value: values.deadline, error: errors.deadline, hint: 'Sista dag för parterna att rapportera sina beslut. ÅÅÅÅ-MM-DD' })}
<fieldset class="field${errors.parties ? ' invalid' : ''}" id="falt-parties">
<legend>${NEW_CASE_LABELS.parties}</legend>
${register.groups.length > 0
  ? selectField({ name: 'group', label: NEW_CASE_LABELS.group, empty: 'Ingen grupp: de parter som är markerade', value: values.group, error: errors.group,
      choices: register.groups.map((group) => ({ value: group.id, label: `${group.name} (${group.parties.length})` })) })
  : ''}
<p class="hint">Alla ${register.parties.length} parter i registret är valda. Avmarkera de parter som inte berörs${register.groups.length > 0 ? ', eller välj en grupp ovan: den gäller då i stället för markeringarna' : ''}.</p>
${errors.parties ? html`<p class="field-error">${errors.parties}</p>` : ''}
${register.parties.map(
  (party) => html`<div class="choice"><input type="checkbox" id="part-${party.id}" name="parties" value="${party.id}"${chosen.includes(party.id) ? html` checked` : ''}><label for="part-${party.id}">${party.name}</label></div>`,
)}
</fieldset>
<fieldset class="field">
<legend>Bilagor <span class="muted">(frivilligt)</span></legend>
<p class="hint">Överenskommelsen och annat underlag: för varje bilaga en fil (${acceptedKinds()}; högst ${sizeOf(options.maxFileBytes)}) eller en länk. Fler bilagor och nya versioner läggs till på ärendets sida.</p>
${Array.from({ length: ATTACHMENT_ROWS }, (_, index) => {
  const field = (name: 'title' | 'url' | 'file') => `attachments.${index}.${name}`;
  const kept = options.keptFiles?.[field('file')];
  return html`
${textField({ name: field('title'), label: NEW_CASE_LABELS[field('title')], value: values[field('title')], error: errors[field('title')] })}
${fileField({ name: field('file'), label: NEW_CASE_LABELS[field('file')], accept: acceptAttribute(), error: errors[field('file')], ...(kept ? { kept } : {}) })}
${textField({ name: field('url'), label: NEW_CASE_LABELS[field('url')], type: 'url', hint: 'I stället för en fil.', value: values[field('url')], error: errors[field('url')] })}`;
})}
</fieldset>
<fieldset class="field">
<legend>Till parterna med rekommendationen</legend>
<p class="hint">Skickas till varje part när rådet rekommenderar, med bilagorna och partens egen länk.</p>
${textArea({ name: 'proposal.coverLetter', label: NEW_CASE_LABELS['proposal.coverLetter'], value: values['proposal.coverLetter'], error: errors['proposal.coverLetter'] })}
${textArea({ name: 'proposal.decisionWording', label: NEW_CASE_LABELS['proposal.decisionWording'], value: values['proposal.decisionWording'], error: errors['proposal.decisionWording'], hint: 'Beslutet som varje part ombeds fatta, ordagrant: alla parter ska ha samma lydelse.' })}
</fieldset>
<fieldset class="field">
<legend>Giltighetstid <span class="muted">(frivilligt)</span></legend>
<p class="hint">För en överenskommelse som gäller en viss tid. Lämna tomt om den gäller tills vidare.</p>
${textField({ name: 'validity.from', label: NEW_CASE_LABELS['validity.from'], type: 'date', value: values['validity.from'], error: errors['validity.from'], hint: 'ÅÅÅÅ-MM-DD' })}
${textField({ name: 'validity.months', label: NEW_CASE_LABELS['validity.months'], type: 'number', value: values['validity.months'], error: errors['validity.months'], hint: 'Till exempel 24: från 1 juli 2025 gäller den då till och med 30 juni 2027.' })}
${textField({ name: 'validity.renewal.months', label: NEW_CASE_LABELS['validity.renewal.months'], type: 'number', value: values['validity.renewal.months'], error: errors['validity.renewal.months'], hint: 'Till exempel 12, om den förlängs ett år i taget när ingen part säger upp den. Tomt: ingen förlängning.' })}
${textField({ name: 'validity.renewal.noticeMonths', label: NEW_CASE_LABELS['validity.renewal.noticeMonths'], type: 'number', value: values['validity.renewal.noticeMonths'], error: errors['validity.renewal.noticeMonths'], hint: 'Hur många månader före slutet en part senast måste säga upp.' })}
${textField({ name: 'validity.warnDays', label: NEW_CASE_LABELS['validity.warnDays'], type: 'number', value: values['validity.warnDays'] ?? '90', error: errors['validity.warnDays'] })}
</fieldset>
<fieldset class="field">
<legend>Finansiering <span class="muted">(frivilligt)</span></legend>
<p class="hint">Vad överenskommelsen kostar. Kostnaden fördelas på de parter som står kvar och räknas om när någon står utanför eller avslår.</p>
${textField({ name: 'financing.amount', label: NEW_CASE_LABELS['financing.amount'], type: 'number', value: values['financing.amount'], error: errors['financing.amount'] ?? errors.financing, hint: 'Hela kronor, till exempel 2400000.' })}
${radioGroup({ name: 'financing.period', legend: NEW_CASE_LABELS['financing.period'], choices: [{ value: 'year', label: 'Per år' }, { value: 'once', label: 'En gång' }], value: values['financing.period'] ?? 'year', error: errors['financing.period'] })}
${radioGroup({ name: 'financing.key', legend: NEW_CASE_LABELS['financing.key'], choices: [{ value: 'population', label: 'Efter folkmängd (från registret)' }, { value: 'equal', label: 'Lika delar' }], value: values['financing.key'] ?? 'population', error: errors['financing.key'] })}
</fieldset>
<fieldset class="field">
<legend>Uppföljning <span class="muted">(när ärendet börjar gälla)</span></legend>
${textField({ name: 'followUp.owner', label: NEW_CASE_LABELS['followUp.owner'], value: values['followUp.owner'] ?? 'Styrgruppen', error: errors['followUp.owner'] })}
${textField({ name: 'followUp.months', label: NEW_CASE_LABELS['followUp.months'], type: 'number', value: values['followUp.months'] ?? '12', error: errors['followUp.months'] })}
</fieldset>
${textField({ name: 'escalationDays', label: NEW_CASE_LABELS.escalationDays, type: 'number', value: values.escalationDays ?? '14', error: errors.escalationDays, hint: 'En part som ännu inte beslutat så många dagar efter sista svarsdagen eskaleras till samordnarna och partens eskaleringskontakt.' })}
<button type="submit">Starta ärendet</button>
</form>`,
  });
}
