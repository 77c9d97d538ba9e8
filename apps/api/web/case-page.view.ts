import type { CaseView, CostSharesView } from '../../../libs/contract';
import { isClosed } from '../../../libs/domain';
import type { FieldErrors } from './form-fields';
import { html, type SafeHtml } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';
import { finality } from './party-response.view';
import { dateTime, longDate } from '../../../libs/format/swedish-dates';
import { days, historyText, statusLabel, type Naming } from './swedish-format';
import { partiesNow, stepForms, type CaseAction } from './case-step-forms';
import { MEETING_ROUND, meetingRoundForm } from './meeting-round-form';
import { attachmentList, fileFacts } from './attachment-list.view';

/** Where the coordinator downloads an uploaded file. */
const coordinatorFileHref = (fileId: string) => `/filer/${fileId}`;

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
  readonly failed?: { action: CaseAction | typeof MEETING_ROUND; values: Record<string, string>; errors: FieldErrors; keptFile?: { id: string; name: string } };
  /** The largest file the forms take, in bytes. */
  readonly maxFileBytes: number;
}

/** Who recorded a step: a coordinator by name, the timers, or a party through its link — by the person who said who they were, for the party. */
function recordedBy(entry: CaseView['history'][number], naming: Naming): string {
  if (entry.actor === 'coordinator') return `registrerat av ${entry.by ?? 'samordnare'}`;
  if (entry.actor === 'system') return 'automatiskt';
  const party = naming.of(entry.actor.slice('party:'.length));
  return entry.by ? `registrerat av ${entry.by} för ${party} via partens länk` : 'via partens länk';
}

/** The parties that adopted with changes, whose decisions the coordinator has still to judge. */
function toJudge(view: CaseView): CaseView['parties'] {
  return view.parties.filter((answer) => answer.status === 'adopted-with-changes');
}

function actions(model: CasePageModel): SafeHtml | '' {
  const { failed, ...rest } = model;
  const forms = stepForms({ ...rest, csrfToken: model.coordinator.csrfToken, ...(failed && failed.action !== MEETING_ROUND ? { failed: { ...failed, action: failed.action } } : {}) });
  const round = meetingRoundForm({ ...rest, csrfToken: model.coordinator.csrfToken, ...(failed?.action === MEETING_ROUND ? { failed } : {}) });
  if (round) forms.unshift(round);
  return forms.length > 0 ? html`<h2>Registrera</h2><div class="actions">${forms}</div>` : '';
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
${view.owner ? html`<dt>Ansvarig</dt><dd>${view.owner}</dd>` : ''}
<dt>Skede</dt><dd>${naming.stage(view.stage)}</dd>
${view.version > 1 ? html`<dt>Version</dt><dd>${view.version}</dd>` : ''}
<dt>Väntar på</dt><dd>${view.waitingOn.length > 0 ? view.waitingOn.map((id) => naming.of(id)).join(', ') : 'Ingen'}</dd>
${toJudge(view).length > 0
  ? html`<dt>Att bedöma</dt><dd>${toJudge(view).map((answer) => answer.name).join(', ')} antog med ändringar: bedöm om beslutet är likalydande (formuläret nedan)</dd>`
  : ''}
${view.waitingSince
  ? html`<dt>Väntar sedan</dt><dd>${longDate(view.waitingSince)} (${days(view.daysWaiting ?? 0)})<br><span class="muted">registrerat ${dateTime(view.stageRecordedAt, model.timeZone)}</span></dd>`
  : ''}
${view.deadline ? html`<dt>Sista svarsdag</dt><dd>${longDate(view.deadline)}${view.overdue ? html` <span class="overdue">Försenat</span>` : ''}</dd>` : ''}
${view.escalationDays !== null && view.stage === 'decisions'
  ? html`<dt>Eskalering</dt><dd>${days(view.escalationDays)} efter sista svarsdag <span class="muted">(samordnarna och partens eskaleringskontakt får besked)</span></dd>`
  : ''}
${view.forecast?.inForceBy ? html`<dt>Väntas gälla från</dt><dd>${longDate(view.forecast.inForceBy)} <span class="muted">(prognos: när den sista parten väntas besluta)</span></dd>` : ''}
${lifecycleFacts(view, naming)}
</dl>
${view.validity && view.stage === 'in-force' ? html`<p><a href="/arenden/nytt?forlanger=${view.id}">Starta ett förlängningsärende</a></p>` : ''}
${isClosed(view.stage)
  ? html`<p><a href="/arenden/${view.id}/arkivpaket.zip" download>Ladda ner arkivpaket</a> <span class="muted">(E-ARK SIP som zip: ärendet, svaren med underlag, historiken och ärendeakten som PDF, med kontrollsummor)</span></p>`
  : ''}
${view.proposal.decisionWording || view.proposal.coverLetter
  ? html`<h2>Till parterna med rekommendationen</h2>
${view.proposal.decisionWording ? html`<h3>Förslag till beslut</h3><blockquote class="wording">${view.proposal.decisionWording}</blockquote>` : ''}
${view.proposal.coverLetter ? html`<details><summary>Följebrev</summary><div class="letter">${view.proposal.coverLetter}</div></details>` : ''}`
  : ''}
${view.attachments.length > 0 ? html`<h2>Bilagor</h2>${attachmentList(view.attachments, coordinatorFileHref)}` : ''}
${costSharesSection(model)}
<h2>Parternas beslut</h2>
<p><a href="/arenden/${view.id}/lankar">Alla parters länkar på en sida, att kopiera eller skicka med e-post</a></p>
<div class="table-scroll"><table>
<thead><tr><th scope="col">Part</th><th scope="col">Status</th><th scope="col">Tillfrågad sedan</th><th scope="col">Datum</th><th scope="col">Organ och §</th><th scope="col">Underlag</th><th scope="col">Partens egen länk</th></tr></thead>
<tbody>
${view.parties.map((answer) => {
  const name = answer.name;
  return html`<tr>
<th scope="row">${name}</th>
<td><span class="status status-${answer.status}">${statusLabel(answer.status)}</span>${answer.status === 'adopted' && (answer.postedOn !== null || partiesNow('posting')(view)?.some((posting) => posting.party === answer.party))
    ? html`<br><span class="muted">${finality(answer)}</span>`
    : ''}${answer.deadline && answer.deadline !== view.deadline ? html`<br><span class="muted">Egen sista svarsdag ${longDate(answer.deadline)}</span>` : ''}${expectedText(view, answer.party)}</td>
<td>${answer.askedSince ? longDate(answer.askedSince) : '–'}</td>
<td>${answer.date ? longDate(answer.date) : '–'}</td>
<td>${[answer.body, answer.paragraph].filter(Boolean).join(' ') || '–'}${answer.partyReference ? html`<br><span class="muted">Dnr ${answer.partyReference}</span>` : ''}</td>
<td>${answer.minutesFile
    ? html`<a href="${coordinatorFileHref(answer.minutesFile.id)}" download>Protokollsutdrag<span class="visually-hidden"> för ${name}</span></a> <span class="muted">(${fileFacts(answer.minutesFile)})</span>`
    : ''}${answer.minutesFile && answer.minutesUrl ? html`<br>` : ''}${answer.minutesUrl
    ? html`<a href="${answer.minutesUrl}">Protokollsutdrag${answer.minutesFile ? ' på webben' : ''}<span class="visually-hidden"> för ${name}</span></a>`
    : ''}${answer.minutesFile || answer.minutesUrl ? '' : '–'}</td>
<td><label class="visually-hidden" for="lank-${answer.party}">Länk för ${name}</label><input class="link" id="lank-${answer.party}" type="text" readonly value="${model.links[answer.party]}">
<form class="inline" method="post" action="/parter/${answer.party}/dra-in-lankar"><input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}"><input type="hidden" name="tillbaka" value="/arenden/${view.id}"><button type="submit" class="secondary">Dra in länkar<span class="visually-hidden"> till ${name}</span></button></form></td>
</tr>`;
})}
</tbody></table></div>
${actions(model)}
<h2>Historik</h2>
<ol class="timeline">
${view.history.map(
  (entry) => html`<li><strong>${entry.date ? longDate(entry.date) : dateTime(entry.at, model.timeZone)}</strong>: ${historyText(entry, naming)}${entry.note ? html` – ”${entry.note}”` : ''}
<span class="muted">(${recordedBy(entry, model.naming)}${entry.date ? ` ${dateTime(entry.at, model.timeZone)}` : ''})</span></li>`,
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

