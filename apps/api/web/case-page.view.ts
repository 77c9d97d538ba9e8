import type { CaseView } from '../../../libs/contract';
import { findParty } from '../../../libs/domain';
import { errorSummary, radioGroup, selectField, textArea, textField, type FieldErrors } from './form-fields';
import { html, type SafeHtml } from './html';
import { page, type SignedInCoordinator } from './layout';
import { DECISION_CHOICES, DECISION_LABELS } from './party-response.view';
import { bodyName, dateTime, historyLabel, longDate, stageLabel, statusLabel } from './swedish-format';

export type CaseAction = 'council' | 'network' | 'decision' | 'revision';

export interface CasePageModel {
  readonly view: CaseView;
  readonly links: Record<string, string>;
  readonly coordinator: SignedInCoordinator;
  readonly timeZone: string;
  readonly requestId: string;
  readonly recorded?: boolean;
  /** The form that was sent and refused, with what was wrong. */
  readonly failed?: { action: CaseAction; values: Record<string, string>; errors: FieldErrors };
}

const STEP_LABELS = { outcome: 'Utfall', date: 'Sammanträdets datum', note: 'Anteckning', untilMeeting: 'Till mötet', parties: 'Parter som beslutar på nytt' };

function actionForm(model: CasePageModel, action: CaseAction, heading: string, fields: SafeHtml, submit: string): SafeHtml {
  const failed = model.failed?.action === action ? model.failed : undefined;
  const labels: Record<string, string> = action === 'decision' ? { ...DECISION_LABELS, party: 'Part' } : STEP_LABELS;
  return html`<section aria-labelledby="${action}-rubrik">
<h3 id="${action}-rubrik">${heading}</h3>
${failed ? errorSummary(failed.errors, labels, `${action}-`) : ''}
<form method="post" action="/arenden/${model.view.id}/${action}" novalidate>
<input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}">
<input type="hidden" name="requestId" value="${model.requestId}-${action}">
${fields}
<button type="submit">${submit}</button>
</form>
</section>`;
}

function actions(model: CasePageModel): SafeHtml | '' {
  const { view } = model;
  const failedFor = (action: CaseAction) => (model.failed?.action === action ? model.failed : undefined);
  const forms: SafeHtml[] = [];
  const step = (action: 'council' | 'network', choices: { value: string; label: string }[]) => {
    const failed = failedFor(action);
    const prefix = `${action}-`;
    return html`${radioGroup({ name: 'outcome', legend: STEP_LABELS.outcome, choices, value: failed?.values.outcome, error: failed?.errors.outcome, idPrefix: prefix })}
${textField({ name: 'date', label: STEP_LABELS.date, type: 'date', required: true, value: failed?.values.date, error: failed?.errors.date, idPrefix: prefix, hint: 'ÅÅÅÅ-MM-DD' })}
${textArea({ name: 'note', label: STEP_LABELS.note, value: failed?.values.note, error: failed?.errors.note, idPrefix: prefix, hint: 'Varför, till exempel vad nätverket ska arbeta vidare med.' })}
${textField({ name: 'untilMeeting', label: STEP_LABELS.untilMeeting, type: 'date', value: failed?.values.untilMeeting, error: failed?.errors.untilMeeting, idPrefix: prefix, hint: 'Vid återremiss eller bordläggning: mötet då ärendet ska tas upp igen. ÅÅÅÅ-MM-DD' })}`;
  };
  if (view.stage === 'council') {
    forms.push(
      actionForm(
        model,
        'council',
        'Välfärdsrådets ställningstagande',
        step('council', [
          { value: 'recommend', label: 'Rekommenderar parterna att anta' },
          { value: 'refer-back', label: 'Återremitterar till nätverket' },
          { value: 'reject', label: 'Avslår' },
        ]),
        'Registrera',
      ),
    );
  }
  if (['council', 'network', 'decisions'].includes(view.stage)) {
    const choices =
      view.stage === 'network'
        ? [
            { value: 'forward', label: 'Skickar vidare till Välfärdsrådet' },
            { value: 'table', label: 'Bordlägger' },
            { value: 'withdraw', label: 'Återkallar ärendet' },
            { value: 'reject', label: 'Avslutar ärendet utan verkan' },
          ]
        : [{ value: 'withdraw', label: 'Återkallar ärendet' }];
    forms.push(actionForm(model, 'network', 'Länschefsnätverkets beslut', step('network', choices), 'Registrera'));
  }
  if (view.stage === 'network' || view.stage === 'decisions') {
    const failed = failedFor('revision');
    const prefix = 'revision-';
    forms.push(
      actionForm(
        model,
        'revision',
        'Revidera och öppna beslut på nytt',
        html`<p class="hint">Ny version av ärendet (nu version ${view.version}). De parter du väljer ombeds besluta på nytt; övriga behåller sina svar.</p>
<fieldset class="field${failed?.errors.parties ? ' invalid' : ''}">
<legend>${STEP_LABELS.parties}</legend>
${failed?.errors.parties ? html`<p class="field-error">${failed.errors.parties}</p>` : ''}
${view.parties.map(
  (answer) => html`<div class="choice"><input type="checkbox" id="${prefix}part-${answer.party}" name="parties" value="${answer.party}"><label for="${prefix}part-${answer.party}">${bodyName(answer.party)} <span class="muted">(${statusLabel(answer.status).toLowerCase()})</span></label></div>`,
)}
</fieldset>
${textField({ name: 'date', label: STEP_LABELS.date, type: 'date', required: true, value: failed?.values.date, error: failed?.errors.date, idPrefix: prefix, hint: 'ÅÅÅÅ-MM-DD' })}
${textArea({ name: 'note', label: 'Vad ändrades', value: failed?.values.note, error: failed?.errors.note, idPrefix: prefix })}`,
        'Revidera',
      ),
    );
  }
  if (view.stage === 'decisions') {
    const failed = failedFor('decision');
    const prefix = 'decision-';
    forms.push(
      actionForm(
        model,
        'decision',
        'Registrera ett beslut för en part',
        html`<p class="hint">När svaret kommit på annat sätt, till exempel med e-post.</p>
${selectField({ name: 'party', label: 'Part', value: failed?.values.party, error: failed?.errors.party, idPrefix: prefix,
          choices: view.parties.map((answer) => ({ value: answer.party, label: bodyName(answer.party) })) })}
${radioGroup({ name: 'outcome', legend: DECISION_LABELS.outcome, choices: DECISION_CHOICES, value: failed?.values.outcome, error: failed?.errors.outcome, idPrefix: prefix })}
${textField({ name: 'date', label: DECISION_LABELS.date, type: 'date', required: true, value: failed?.values.date, error: failed?.errors.date, idPrefix: prefix, hint: 'ÅÅÅÅ-MM-DD' })}
${textField({ name: 'body', label: DECISION_LABELS.body, value: failed?.values.body, error: failed?.errors.body, idPrefix: prefix })}
${textField({ name: 'paragraph', label: DECISION_LABELS.paragraph, value: failed?.values.paragraph, error: failed?.errors.paragraph, idPrefix: prefix })}
${textField({ name: 'minutesUrl', label: DECISION_LABELS.minutesUrl, type: 'url', value: failed?.values.minutesUrl, error: failed?.errors.minutesUrl, idPrefix: prefix })}`,
        'Registrera beslutet',
      ),
    );
  }
  return forms.length > 0 ? html`<h2>Registrera</h2><div class="actions">${forms}</div>` : '';
}

export function casePage(model: CasePageModel): string {
  const { view } = model;
  return page({
    title: view.title,
    coordinator: model.coordinator,
    main: html`${model.recorded ? html`<p class="notice" role="status">Registrerat.</p>` : ''}
<h1>${view.title}</h1>
<dl class="facts">
${view.reference ? html`<dt>Diarienummer</dt><dd>${view.reference}</dd>` : ''}
<dt>Skede</dt><dd>${stageLabel(view.stage)}</dd>
${view.version > 1 ? html`<dt>Version</dt><dd>${view.version}</dd>` : ''}
<dt>Väntar på</dt><dd>${view.waitingOn.length > 0 ? view.waitingOn.map(bodyName).join(', ') : 'Ingen'}</dd>
${view.waitingSince ? html`<dt>Väntar sedan</dt><dd>${dateTime(view.waitingSince, model.timeZone)}</dd>` : ''}
${view.deadline ? html`<dt>Sista svarsdag</dt><dd>${longDate(view.deadline)}${view.overdue ? html` <span class="overdue">Försenat</span>` : ''}</dd>` : ''}
</dl>
${view.attachments.length > 0 ? html`<h2>Bilagor</h2><ul>${view.attachments.map((item) => html`<li><a href="${item.url}">${item.title}</a></li>`)}</ul>` : ''}
${actions(model)}
<h2>Parternas beslut</h2>
<div class="table-scroll"><table>
<thead><tr><th scope="col">Part</th><th scope="col">Status</th><th scope="col">Datum</th><th scope="col">Organ och §</th><th scope="col">Underlag</th><th scope="col">Partens egen länk</th></tr></thead>
<tbody>
${view.parties.map((answer) => {
  const name = findParty(answer.party)?.name ?? answer.party;
  return html`<tr>
<th scope="row">${name}</th>
<td><span class="status status-${answer.status}">${statusLabel(answer.status)}</span></td>
<td>${answer.date ?? '–'}</td>
<td>${[answer.body, answer.paragraph].filter(Boolean).join(' ') || '–'}${answer.partyReference ? html`<br><span class="muted">Dnr ${answer.partyReference}</span>` : ''}</td>
<td>${answer.minutesUrl ? html`<a href="${answer.minutesUrl}">Protokollsutdrag<span class="visually-hidden"> för ${name}</span></a>` : '–'}</td>
<td><label class="visually-hidden" for="lank-${answer.party}">Länk för ${name}</label><input class="link" id="lank-${answer.party}" type="text" readonly value="${model.links[answer.party]}"></td>
</tr>`;
})}
</tbody></table></div>
<h2>Historik</h2>
<ol class="timeline">
${view.history.map(
  (entry) => html`<li><strong>${dateTime(entry.at, model.timeZone)}</strong>: ${historyText(entry)}${entry.note ? html` – ”${entry.note}”` : ''}
<span class="muted">(${entry.actor === 'coordinator' ? 'registrerat av samordnare' : 'via partens länk'})</span></li>`,
)}
</ol>`,
  });
}

function historyText(entry: CaseView['history'][number]): string {
  const parts = [`${historyLabel(entry.type, entry.party)}${entry.date ? ` ${longDate(entry.date)}` : ''}`];
  if (entry.untilMeeting) parts.push(`till mötet ${longDate(entry.untilMeeting)}`);
  if (entry.reopened) parts.push(`(version ${entry.version}); nya beslut begärs av ${entry.reopened.map(bodyName).join(', ')}`);
  return parts.join(' ');
}
