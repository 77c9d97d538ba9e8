import type { CaseView, CostSharesView } from '../../../libs/contract';
import { findProcessDefinition } from '../../../libs/domain';
import { genitive } from '../../../libs/format/body-names';
import { errorSummary, radioGroup, selectField, textArea, textField, type FieldErrors } from './form-fields';
import { html, type SafeHtml } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';
import { DECISION_LABELS, decisionChoices, finality } from './party-response.view';
import { dateTime, longDate } from '../../../libs/format/swedish-dates';
import { days, statusLabel, type Naming } from './swedish-format';

export const CASE_ACTIONS = ['council', 'network', 'decision', 'revision', 'deadline', 'reminder', 'posting', 'appeal', 'ruling', 'termination', 'follow-up'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface CasePageModel {
  readonly view: CaseView;
  readonly links: Record<string, string>;
  readonly coordinator: SignedInCoordinator;
  readonly timeZone: string;
  /** The deployment's bodies and the case's parties by name. */
  readonly naming: Naming;
  readonly requestId: string;
  readonly recorded?: boolean;
  /** The party whose links the coordinator has just revoked from this page. */
  readonly revoked?: string;
  /** Each party's share of the cost, or why it cannot be worked out; absent when the case carries no financing. */
  readonly costShares?: CostSharesView | { readonly refused: string };
  /** The form that was sent and refused, with what was wrong. */
  readonly failed?: { action: CaseAction; values: Record<string, string>; errors: FieldErrors };
}

const STEP_LABELS = {
  outcome: 'Utfall',
  date: 'Sammanträdets datum',
  note: 'Anteckning',
  untilMeeting: 'Till mötet',
  parties: 'Parter som beslutar på nytt',
  deadline: 'Ny sista svarsdag',
  party: 'Part',
  postedOn: 'Protokollet anslogs',
  owner: 'Ansvarig',
  due: 'Nytt slutdatum',
};

function actionForm(model: CasePageModel, action: CaseAction, heading: string, fields: SafeHtml, submit: string): SafeHtml {
  const failed = model.failed?.action === action ? model.failed : undefined;
  const labels: Record<string, string> = action === 'decision' ? { ...DECISION_LABELS, party: 'Part' } : { ...STEP_LABELS };
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

/** The outcomes the case takes now for a body's step (`council.recommend` → `recommend`). */
function outcomesNow(view: CaseView, kind: 'council' | 'network' | 'follow-up' | 'ruling'): string[] {
  return view.availableSteps.filter((available) => available.step.startsWith(`${kind}.`)).map((available) => available.step.slice(kind.length + 1));
}

/** Whether the case's appeals follow the court rules: a decision stands until the court rules. */
function courtRules(view: CaseView): boolean {
  return findProcessDefinition(view.process.id, view.process.version)?.appeals === 'court';
}

/** Whether a step can be taken now, and the parties it can be taken for. */
function partiesNow(view: CaseView, step: string): CaseView['parties'] | undefined {
  const available = view.availableSteps.find((candidate) => candidate.step === step);
  if (!available) return undefined;
  return available.parties ? view.parties.filter((answer) => available.parties?.includes(answer.party)) : view.parties;
}

const COUNCIL_CHOICES: Record<string, string> = {
  recommend: 'Rekommenderar parterna att anta',
  'refer-back': 'Återremitterar till nätverket',
  reject: 'Avslår',
};

const NETWORK_CHOICES: Record<string, string> = {
  forward: 'Skickar vidare till rådet',
  adopt: 'Beslutar i ärendet',
  table: 'Bordlägger',
  withdraw: 'Återkallar ärendet',
  reject: 'Avslutar ärendet utan verkan',
};

function choicesOf(labels: Record<string, string>, outcomes: string[]): { value: string; label: string }[] {
  return Object.entries(labels)
    .filter(([value]) => outcomes.includes(value))
    .map(([value, label]) => ({ value, label }));
}

function actions(model: CasePageModel): SafeHtml | '' {
  const { view, naming } = model;
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
  const councilOutcomes = outcomesNow(view, 'council');
  if (councilOutcomes.length > 0) {
    forms.push(actionForm(model, 'council', `${genitive(naming.bodies.council)} ställningstagande`, step('council', choicesOf(COUNCIL_CHOICES, councilOutcomes)), 'Registrera'));
  }
  const networkOutcomes = outcomesNow(view, 'network');
  if (networkOutcomes.length > 0) {
    forms.push(actionForm(model, 'network', `${genitive(naming.bodies.network)} beslut`, step('network', choicesOf(NETWORK_CHOICES, networkOutcomes)), 'Registrera'));
  }
  if (partiesNow(view, 'revision')) {
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
  (answer) => html`<div class="choice"><input type="checkbox" id="${prefix}part-${answer.party}" name="parties" value="${answer.party}"><label for="${prefix}part-${answer.party}">${naming.of(answer.party)} <span class="muted">(${statusLabel(answer.status).toLowerCase()})</span></label></div>`,
)}
</fieldset>
${textField({ name: 'date', label: STEP_LABELS.date, type: 'date', required: true, value: failed?.values.date, error: failed?.errors.date, idPrefix: prefix, hint: 'ÅÅÅÅ-MM-DD' })}
${textArea({ name: 'note', label: 'Vad ändrades', value: failed?.values.note, error: failed?.errors.note, idPrefix: prefix })}`,
        'Revidera',
      ),
    );
  }
  const deciding = partiesNow(view, 'decision');
  if (deciding) {
    const failed = failedFor('decision');
    const prefix = 'decision-';
    forms.push(
      actionForm(
        model,
        'decision',
        'Registrera ett beslut för en part',
        html`<p class="hint">När svaret kommit på annat sätt, till exempel med e-post.</p>
${selectField({ name: 'party', label: 'Part', value: failed?.values.party, error: failed?.errors.party, idPrefix: prefix,
          choices: deciding.map((answer) => ({ value: answer.party, label: naming.of(answer.party) })) })}
${radioGroup({ name: 'outcome', legend: DECISION_LABELS.outcome, choices: decisionChoices(view), value: failed?.values.outcome, error: failed?.errors.outcome, idPrefix: prefix })}
${textField({ name: 'date', label: DECISION_LABELS.date, type: 'date', required: true, value: failed?.values.date, error: failed?.errors.date, idPrefix: prefix, hint: 'ÅÅÅÅ-MM-DD' })}
${textField({ name: 'body', label: DECISION_LABELS.body, value: failed?.values.body, error: failed?.errors.body, idPrefix: prefix })}
${textField({ name: 'paragraph', label: DECISION_LABELS.paragraph, value: failed?.values.paragraph, error: failed?.errors.paragraph, idPrefix: prefix })}
${textField({ name: 'minutesUrl', label: DECISION_LABELS.minutesUrl, type: 'url', value: failed?.values.minutesUrl, error: failed?.errors.minutesUrl, idPrefix: prefix })}`,
        'Registrera beslutet',
      ),
    );
  }
  forms.push(...lifecycleForms(model));
  return forms.length > 0 ? html`<h2>Registrera</h2><div class="actions">${forms}</div>` : '';
}

/** Deadlines, reminders, posting, appeals, termination and follow-up, where the case takes them now. */
function lifecycleForms(model: CasePageModel): SafeHtml[] {
  const { view, naming } = model;
  const forms: SafeHtml[] = [];
  const failedFor = (action: CaseAction) => (model.failed?.action === action ? model.failed : undefined);
  const partyChoices = (parties: CaseView['parties']) => parties.map((answer) => ({ value: answer.party, label: naming.of(answer.party) }));
  const open = view.parties.filter((answer) => answer.status === 'pending' || answer.status === 'scheduled');
  const dateField = (action: CaseAction, name: string, label: string, hint = 'ÅÅÅÅ-MM-DD') => {
    const failed = failedFor(action);
    return textField({ name, label, type: 'date', required: true, value: failed?.values[name], error: failed?.errors[name], idPrefix: `${action}-`, hint });
  };
  const partySelect = (action: CaseAction, parties: CaseView['parties'], all?: string) => {
    const failed = failedFor(action);
    return selectField({ name: 'party', label: 'Part', value: failed?.values.party, error: failed?.errors.party, idPrefix: `${action}-`, choices: partyChoices(parties), ...(all ? { empty: all } : {}) });
  };
  const noteField = (action: CaseAction) => {
    const failed = failedFor(action);
    return textArea({ name: 'note', label: STEP_LABELS.note, value: failed?.values.note, error: failed?.errors.note, idPrefix: `${action}-` });
  };

  // Reminders go to the parties the case waits on, on cases that send them.
  if (view.reminders !== null && view.waitingOn.some((id) => open.some((answer) => answer.party === id))) {
    forms.push(
      actionForm(
        model,
        'reminder',
        'Påminn nu',
        html`<p class="hint">Skickar e-post med partens egen länk till partens kontaktadresser.</p>
${partySelect('reminder', open, 'Alla som inte har svarat')}`,
        'Skicka påminnelse',
      ),
    );
  }
  const undecided = partiesNow(view, 'deadline');
  if (undecided) {
    forms.push(
      actionForm(
        model,
        'deadline',
        'Flytta sista svarsdag',
        html`<p class="hint">Påminnelserna följer den nya dagen. Ärendet fortsätter som förut.</p>
${dateField('deadline', 'deadline', STEP_LABELS.deadline)}
${partySelect('deadline', undecided, 'Alla parter')}
${noteField('deadline')}`,
        'Flytta',
      ),
    );
  }
  const notPosted = (partiesNow(view, 'posting') ?? []).filter((answer) => answer.postedOn === null);
  if (notPosted.length > 0) {
    forms.push(
      actionForm(
        model,
        'posting',
        'Anslag av protokoll',
        html`<p class="hint">Beslutet vinner laga kraft tre veckor efter att protokollet anslogs, om det inte överklagas.</p>
${partySelect('posting', notPosted)}
${dateField('posting', 'postedOn', STEP_LABELS.postedOn)}`,
        'Registrera anslaget',
      ),
    );
  }
  const appealable = partiesNow(view, 'appeal');
  if (appealable) {
    forms.push(
      actionForm(
        model,
        'appeal',
        'Överklagande',
        html`<p class="hint">${courtRules(view)
          ? 'Beslutet gäller men vinner inte laga kraft förrän förvaltningsrätten avgjort målet. Bara om domstolen upphäver beslutet öppnas partens svar igen.'
          : 'Partens svar öppnas igen och ärendet väntar på ett nytt beslut från parten.'}</p>
${partySelect('appeal', appealable)}
${dateField('appeal', 'date', 'Överklagandet kom in')}
${noteField('appeal')}`,
        'Registrera överklagandet',
      ),
    );
  }
  const awaitingCourt = view.parties.filter((answer) => answer.appealedOn);
  if (awaitingCourt.length > 0 && outcomesNow(view, 'ruling').length > 0) {
    const failed = failedFor('ruling');
    forms.push(
      actionForm(
        model,
        'ruling',
        'Domstolens avgörande',
        html`${partySelect('ruling', awaitingCourt)}
${radioGroup({ name: 'outcome', legend: STEP_LABELS.outcome, idPrefix: 'ruling-', value: failed?.values.outcome, error: failed?.errors.outcome,
          choices: [
            { value: 'dismissed', label: 'Överklagandet avslogs: beslutet vinner laga kraft' },
            { value: 'annulled', label: 'Beslutet upphävdes: partens svar öppnas igen' },
          ] })}
${dateField('ruling', 'date', 'Domens datum')}
${noteField('ruling')}`,
        'Registrera avgörandet',
      ),
    );
  }
  const terminating = partiesNow(view, 'termination');
  if (terminating) {
    forms.push(
      actionForm(
        model,
        'termination',
        'Uppsägning',
        html`${partySelect('termination', terminating)}
${dateField('termination', 'date', 'Uppsagt den')}
${noteField('termination')}`,
        'Registrera uppsägningen',
      ),
    );
  }
  if (outcomesNow(view, 'follow-up').length > 0) {
    const failed = failedFor('follow-up');
    forms.push(
      actionForm(
        model,
        'follow-up',
        'Uppföljningsuppdraget',
        html`${radioGroup({ name: 'outcome', legend: STEP_LABELS.outcome, idPrefix: 'follow-up-', value: failed?.values.outcome, error: failed?.errors.outcome,
          choices: [{ value: 'done', label: 'Klart' }, { value: 'reassign', label: 'Ny ansvarig eller nytt slutdatum' }] })}
${dateField('follow-up', 'date', 'Datum')}
${textField({ name: 'owner', label: STEP_LABELS.owner, value: failed?.values.owner, error: failed?.errors.owner, idPrefix: 'follow-up-' })}
${textField({ name: 'due', label: STEP_LABELS.due, type: 'date', value: failed?.values.due, error: failed?.errors.due, idPrefix: 'follow-up-', hint: 'ÅÅÅÅ-MM-DD' })}
${noteField('follow-up')}`,
        'Registrera',
      ),
    );
  }
  return forms;
}

function lifecycleFacts(view: CaseView, naming: Naming): SafeHtml {
  const validity = view.validity;
  const followUp = view.followUp;
  return html`${validity
    ? html`<dt>Giltighetstid</dt><dd>${longDate(validity.from)} – ${longDate(validity.to)}${validity.renewal
        ? html`<br><span class="muted">Förlängs med ${validity.renewal.months} månader om ingen part säger upp senast ${longDate(validity.noticeDate)}</span>`
        : ''}${validity.terminations.length > 0
        ? html`<br>Uppsagt av ${validity.terminations.map((termination) => `${naming.of(termination.party)} (${longDate(termination.date)})`).join(', ')}`
        : ''}</dd>`
    : ''}
${followUp
    ? html`<dt>Uppföljning</dt><dd>${followUp.owner}, ${followUp.status === 'done' ? html`klar ${longDate(followUp.doneOn)}` : html`senast ${longDate(followUp.due)}${followUp.overdue ? html` <span class="overdue">Försenad</span>` : ''}`}</dd>`
    : ''}
${view.extendsCase ? html`<dt>Förlänger</dt><dd><a href="/arenden/${view.extendsCase}">det tidigare ärendet</a></dd>` : ''}`;
}

export function casePage(model: CasePageModel): string {
  const { view, naming } = model;
  return page({
    title: view.title,
    coordinator: model.coordinator,
    main: html`${model.recorded ? html`<p class="notice" role="status">Registrerat.</p>` : ''}${model.revoked
  ? html`<p class="notice" role="status">Alla länkar som ${naming.of(model.revoked)} fått hittills är indragna. Länken i tabellen nedan är ny: skicka den till parten, eller låt nästa påminnelse göra det.</p>`
  : ''}
<h1>${view.title}</h1>
<dl class="facts">
${view.reference ? html`<dt>Diarienummer</dt><dd>${view.reference}</dd>` : ''}
<dt>Sorts ärende</dt><dd>${view.processName}</dd>
<dt>Skede</dt><dd>${naming.stage(view.stage)}</dd>
${view.version > 1 ? html`<dt>Version</dt><dd>${view.version}</dd>` : ''}
<dt>Väntar på</dt><dd>${view.waitingOn.length > 0 ? view.waitingOn.map((id) => naming.of(id)).join(', ') : 'Ingen'}</dd>
${view.waitingSince
  ? html`<dt>Väntar sedan</dt><dd>${longDate(view.waitingSince)} (${days(view.daysWaiting ?? 0)})<br><span class="muted">registrerat ${dateTime(view.stageRecordedAt, model.timeZone)}</span></dd>`
  : ''}
${view.deadline ? html`<dt>Sista svarsdag</dt><dd>${longDate(view.deadline)}${view.overdue ? html` <span class="overdue">Försenat</span>` : ''}</dd>` : ''}
${view.forecast?.inForceBy ? html`<dt>Väntas gälla från</dt><dd>${longDate(view.forecast.inForceBy)} <span class="muted">(prognos: när den sista parten väntas besluta)</span></dd>` : ''}
${lifecycleFacts(view, naming)}
</dl>
${view.validity && view.stage === 'in-force' ? html`<p><a href="/arenden/nytt?forlanger=${view.id}">Starta ett förlängningsärende</a></p>` : ''}
${view.attachments.length > 0 ? html`<h2>Bilagor</h2><ul>${view.attachments.map((item) => html`<li><a href="${item.url}">${item.title}</a></li>`)}</ul>` : ''}
${costSharesSection(model)}
${actions(model)}
<h2>Parternas beslut</h2>
<div class="table-scroll"><table>
<thead><tr><th scope="col">Part</th><th scope="col">Status</th><th scope="col">Tillfrågad sedan</th><th scope="col">Datum</th><th scope="col">Organ och §</th><th scope="col">Underlag</th><th scope="col">Partens egen länk</th></tr></thead>
<tbody>
${view.parties.map((answer) => {
  const name = answer.name;
  return html`<tr>
<th scope="row">${name}</th>
<td><span class="status status-${answer.status}">${statusLabel(answer.status)}</span>${answer.status === 'adopted' && (answer.postedOn !== null || partiesNow(view, 'posting')?.some((posting) => posting.party === answer.party))
    ? html`<br><span class="muted">${finality(answer)}</span>`
    : ''}${answer.deadline && answer.deadline !== view.deadline ? html`<br><span class="muted">Egen sista svarsdag ${longDate(answer.deadline)}</span>` : ''}${expectedText(view, answer.party)}</td>
<td>${answer.askedSince ? longDate(answer.askedSince) : '–'}</td>
<td>${answer.date ? longDate(answer.date) : '–'}</td>
<td>${[answer.body, answer.paragraph].filter(Boolean).join(' ') || '–'}${answer.partyReference ? html`<br><span class="muted">Dnr ${answer.partyReference}</span>` : ''}</td>
<td>${answer.minutesUrl ? html`<a href="${answer.minutesUrl}">Protokollsutdrag<span class="visually-hidden"> för ${name}</span></a>` : '–'}</td>
<td><label class="visually-hidden" for="lank-${answer.party}">Länk för ${name}</label><input class="link" id="lank-${answer.party}" type="text" readonly value="${model.links[answer.party]}">
<form class="inline" method="post" action="/parter/${answer.party}/dra-in-lankar"><input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}"><input type="hidden" name="tillbaka" value="/arenden/${view.id}"><button type="submit" class="secondary">Dra in länkar<span class="visually-hidden"> till ${name}</span></button></form></td>
</tr>`;
})}
</tbody></table></div>
<h2>Historik</h2>
<ol class="timeline">
${view.history.map(
  (entry) => html`<li><strong>${entry.date ? longDate(entry.date) : dateTime(entry.at, model.timeZone)}</strong>: ${historyText(entry, naming)}${entry.note ? html` – ”${entry.note}”` : ''}
<span class="muted">(${entry.actor === 'coordinator' ? 'registrerat av samordnare' : entry.actor === 'system' ? 'automatiskt' : 'via partens länk'}${entry.date ? ` ${dateTime(entry.at, model.timeZone)}` : ''})</span></li>`,
)}
</ol>`,
  });
}

const BASIS_TEXT = { scheduled: 'planerat sammanträde', history: 'partens vanliga tid', deadline: 'sista svarsdag' } as const;

/** A party's expected decision, and what the forecast goes by. */
function expectedText(view: CaseView, party: string): SafeHtml | '' {
  const expected = view.forecast?.parties.find((entry) => entry.party === party);
  return expected ? html`<br><span class="muted">Väntas besluta ${longDate(expected.expected)} (${BASIS_TEXT[expected.basis]})</span>` : '';
}

const KRONOR = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('sv-SE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const KEY_TEXT = { population: 'efter folkmängd', equal: 'lika delar', weights: 'efter överenskomna vikter' } as const;

/** Who pays what, over the parties still in: recomputed whenever one stands outside or rejects. */
function costSharesSection(model: CasePageModel): SafeHtml | '' {
  const shares = model.costShares;
  if (!shares) return '';
  if ('refused' in shares) return html`<h2>Kostnadsfördelning</h2><p class="notice">${shares.refused}</p>`;
  if (shares.key === null) return '';
  const period = shares.period === 'year' ? 'per år' : 'en gång';
  return html`<h2 id="kostnader-rubrik">Kostnadsfördelning</h2>
<p>${KRONOR.format(shares.amount)} kr ${period}, fördelat ${KEY_TEXT[shares.key]}${shares.populationYear ? html` (folkmängd 31 december ${shares.populationYear}, SCB)` : ''} på de ${shares.shares.length} parter som står kvar.
<a href="/arenden/${model.view.id}/kostnader.csv">Ladda ner som CSV</a></p>
<div class="table-scroll"><table aria-labelledby="kostnader-rubrik">
<thead><tr><th scope="col">Part</th><th scope="col">Andel</th><th scope="col">Belopp (kr ${period})</th></tr></thead>
<tbody>${shares.shares.map((share) => html`<tr><th scope="row">${share.name}</th><td>${PERCENT.format(share.share)}</td><td>${KRONOR.format(share.amount)}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">Summa</th><td>${PERCENT.format(1)}</td><td>${KRONOR.format(shares.amount)}</td></tr></tfoot>
</table></div>`;
}

function historyText(entry: CaseView['history'][number], naming: Naming): string {
  const parts = [naming.history(entry.type, entry.party)];
  if (entry.untilMeeting) parts.push(`till mötet ${longDate(entry.untilMeeting)}`);
  if (entry.type === 'revision' && entry.reopened) {
    parts.push(`(version ${entry.version}); nya beslut begärs av ${entry.reopened.map((id) => naming.of(id)).join(', ')}`);
  } else if (entry.reopened && entry.reopened.length > 0) {
    parts.push(`: ${entry.reopened.map((id) => naming.of(id)).join(', ')}`);
  }
  if (entry.unreachable && entry.unreachable.length > 0) {
    parts.push(`– saknar e-postadress: ${entry.unreachable.map((id) => naming.of(id)).join(', ')}`);
  }
  return parts.join(' ');
}
