import { PARTIES } from '../../../libs/domain';
import { errorSummary, textArea, textField, type FieldErrors } from './form-fields';
import { html } from './html';
import { page, type SignedInCoordinator } from './layout';

export const NEW_CASE_LABELS: Record<string, string> = {
  title: 'Rubrik',
  reference: 'Diarienummer',
  'networkDecision.date': 'Datum för nätverksbeslutet',
  'networkDecision.note': 'Nätverkets beslut i korthet',
  deadline: 'Sista svarsdag',
  parties: 'Parter',
  'attachments.0.title': 'Bilaga 1, namn',
  'attachments.0.url': 'Bilaga 1, webbadress',
  'attachments.1.title': 'Bilaga 2, namn',
  'attachments.1.url': 'Bilaga 2, webbadress',
  'attachments.2.title': 'Bilaga 3, namn',
  'attachments.2.url': 'Bilaga 3, webbadress',
};

export const ATTACHMENT_ROWS = 3;

export function newCasePage(options: {
  coordinator: SignedInCoordinator;
  requestId: string;
  values?: Record<string, string>;
  parties?: readonly string[];
  errors?: FieldErrors;
}): string {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const chosen = options.parties ?? PARTIES.map((party) => party.id);
  return page({
    title: 'Nytt ärende',
    current: '/arenden/nytt',
    coordinator: options.coordinator,
    main: html`<h1>Nytt ärende</h1>
<p>Starta ett ärende när Länschefsnätverket har godkänt ett förslag och skickat det till Välfärdsrådet.</p>
${errorSummary(errors, NEW_CASE_LABELS)}
<form class="stacked" method="post" action="/arenden/nytt" novalidate>
<input type="hidden" name="_csrf" value="${options.coordinator.csrfToken}">
<input type="hidden" name="requestId" value="${options.requestId}">
${textField({ name: 'title', label: NEW_CASE_LABELS.title, required: true, value: values.title, error: errors.title })}
${textField({ name: 'reference', label: NEW_CASE_LABELS.reference, value: values.reference, error: errors.reference, hint: 'Till exempel HSN 2024/1905.' })}
${textField({ name: 'networkDecision.date', label: NEW_CASE_LABELS['networkDecision.date'], type: 'date', required: true, value: values['networkDecision.date'], error: errors['networkDecision.date'], hint: 'ÅÅÅÅ-MM-DD' })}
${textArea({ name: 'networkDecision.note', label: NEW_CASE_LABELS['networkDecision.note'], value: values['networkDecision.note'], error: errors['networkDecision.note'] })}
${textField({ name: 'deadline', label: NEW_CASE_LABELS.deadline, type: 'date', value: values.deadline, error: errors.deadline, hint: 'Sista dag för parterna att rapportera sina beslut. ÅÅÅÅ-MM-DD' })}
<fieldset class="field${errors.parties ? ' invalid' : ''}" id="falt-parties">
<legend>${NEW_CASE_LABELS.parties}</legend>
<p class="hint">Alla 16 är valda. Avmarkera de parter som inte berörs.</p>
${errors.parties ? html`<p class="field-error">${errors.parties}</p>` : ''}
${PARTIES.map(
  (party) => html`<div class="choice"><input type="checkbox" id="part-${party.id}" name="parties" value="${party.id}"${chosen.includes(party.id) ? html` checked` : ''}><label for="part-${party.id}">${party.name}</label></div>`,
)}
</fieldset>
<fieldset class="field">
<legend>Bilagor <span class="muted">(frivilligt)</span></legend>
<p class="hint">Överenskommelsen och annat underlag, som länkar.</p>
${Array.from({ length: ATTACHMENT_ROWS }, (_, index) => html`
${textField({ name: `attachments.${index}.title`, label: NEW_CASE_LABELS[`attachments.${index}.title`], value: values[`attachments.${index}.title`], error: errors[`attachments.${index}.title`] })}
${textField({ name: `attachments.${index}.url`, label: NEW_CASE_LABELS[`attachments.${index}.url`], type: 'url', value: values[`attachments.${index}.url`], error: errors[`attachments.${index}.url`] })}`)}
</fieldset>
<button type="submit">Starta ärendet</button>
</form>`,
  });
}
