import type { CaseView } from '../../../libs/contract';
import { html, type SafeHtml } from '../../../libs/html/html';
import { errorSummary, fieldId, textField, type FieldErrors } from './form-fields';
import { isOpen, partiesNow } from './case-step-forms';
import { decisionChoices } from './party-response.view';
import type { Naming } from './swedish-format';

/** The form's name among the case page's forms. */
export const MEETING_ROUND = 'sammantrade';

/** The field of one party's answer in the round's form: `part.<id>.outcome`, `part.<id>.paragraph`. */
export function roundField(party: string, field: 'outcome' | 'paragraph'): string {
  return `part.${party}.${field}`;
}

/**
 * A meeting round on one form: the decisions several parties took at meetings on one day
 * (as a secretary reports them after a round of committee meetings), each party's answer
 * chosen in its own row; parties left blank are not touched.
 */
export function meetingRoundForm(model: {
  readonly view: CaseView;
  readonly naming: Naming;
  readonly csrfToken: string;
  readonly requestId: string;
  readonly failed?: { readonly values: Record<string, string>; readonly errors: FieldErrors };
}): SafeHtml | '' {
  const { view, naming, failed } = model;
  const open = partiesNow('decision', isOpen)(view) ?? [];
  if (open.length < 2) return '';
  const choices = decisionChoices(view);
  const labels: Record<string, string> = { date: 'Sammanträdets datum', body: 'Beslutande organ', _form: 'Sammanträdet' };
  for (const answer of open) labels[roundField(answer.party, 'outcome')] = `Beslut för ${naming.of(answer.party)}`;
  return html`<section aria-labelledby="${MEETING_ROUND}-rubrik">
<h3 id="${MEETING_ROUND}-rubrik">Registrera ett sammanträdes beslut för flera parter</h3>
${failed ? errorSummary(failed.errors, labels, `${MEETING_ROUND}-`) : ''}
<form method="post" action="/arenden/${view.id}/${MEETING_ROUND}" novalidate>
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<input type="hidden" name="requestId" value="${model.requestId}-${MEETING_ROUND}">
<p class="hint">Välj beslut för de parter som har beslutat; övriga lämnas som de är.</p>
${textField({ name: 'date', label: labels.date, type: 'date', required: true, value: failed?.values.date, error: failed?.errors.date, idPrefix: `${MEETING_ROUND}-`, hint: 'ÅÅÅÅ-MM-DD' })}
${textField({ name: 'body', label: labels.body, value: failed?.values.body, error: failed?.errors.body, idPrefix: `${MEETING_ROUND}-` })}
<div class="table-scroll"><table>
<thead><tr><th scope="col">Part</th><th scope="col">Beslut</th><th scope="col">Paragraf (§)</th></tr></thead>
<tbody>${open.map((answer) => {
  const outcome = roundField(answer.party, 'outcome');
  const paragraph = roundField(answer.party, 'paragraph');
  const id = `${MEETING_ROUND}-${fieldId(outcome)}`;
  const error = failed?.errors[outcome];
  return html`<tr><th scope="row">${naming.of(answer.party)}</th>
<td><label class="visually-hidden" for="${id}">Beslut för ${naming.of(answer.party)}</label>
<select id="${id}" name="${outcome}"${error ? html` aria-invalid="true" aria-describedby="${id}-fel"` : ''}><option value="">Inget beslut</option>${choices.map(
    (choice) => html`<option value="${choice.value}"${failed?.values[outcome] === choice.value ? ' selected' : ''}>${choice.label}</option>`,
  )}</select>${error ? html`<p class="field-error" id="${id}-fel">${error}</p>` : ''}</td>
<td><label class="visually-hidden" for="${MEETING_ROUND}-${fieldId(paragraph)}">Paragraf för ${naming.of(answer.party)}</label>
<input type="text" id="${MEETING_ROUND}-${fieldId(paragraph)}" name="${paragraph}" value="${failed?.values[paragraph] ?? ''}"></td></tr>`;
})}</tbody></table></div>
<button type="submit">Registrera besluten</button>
</form>
</section>`;
}
