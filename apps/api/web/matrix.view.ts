import type { CaseView } from '../../../libs/contract';
import { PARTIES, STAGES, type Stage } from '../../../libs/domain';
import { selectField } from './form-fields';
import { html, type SafeHtml } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';
import { stageLabel, statusLabel } from './swedish-format';

export interface MatrixFilter {
  readonly stage?: Stage;
  readonly party?: string;
}

/** A cell's text: the status, and for a scheduled decision the meeting date. */
export function cellText(view: CaseView, party: string): string {
  const answer = view.parties.find((candidate) => candidate.party === party);
  if (!answer) return 'Ej part';
  return answer.status === 'scheduled' && answer.date ? `${statusLabel(answer.status)} ${answer.date}` : statusLabel(answer.status);
}

function cell(view: CaseView, party: string): SafeHtml {
  const answer = view.parties.find((candidate) => candidate.party === party);
  if (!answer) return html`<td><span aria-hidden="true">–</span><span class="visually-hidden">Ej part</span></td>`;
  return html`<td><span class="status status-${answer.status}">${cellText(view, party)}</span></td>`;
}

export function filterQuery(filter: MatrixFilter): string {
  const query = new URLSearchParams();
  if (filter.stage) query.set('skede', filter.stage);
  if (filter.party) query.set('part', filter.party);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function matrixPage(cases: readonly CaseView[], filter: MatrixFilter, coordinator: SignedInCoordinator): string {
  const waitingCounts = PARTIES.map((party) => cases.filter((view) => view.waitingOn.includes(party.id)).length);
  return page({
    title: 'Matris',
    current: '/matris',
    coordinator,
    wide: true,
    main: html`<h1>Matris: ärenden och parter</h1>
<form class="filters" method="get" action="/matris">
${selectField({ name: 'skede', label: 'Skede', empty: 'Alla skeden', value: filter.stage, choices: STAGES.map((stage) => ({ value: stage, label: stageLabel(stage) })) })}
${selectField({ name: 'part', label: 'Väntar på part', empty: 'Alla parter', value: filter.party, choices: PARTIES.map((party) => ({ value: party.id, label: party.name })) })}
<button type="submit">Filtrera</button>
<a href="/matris.csv${filterQuery(filter)}">Ladda ner som CSV (Excel)</a>
</form>
${cases.length === 0
  ? html`<p>Inga ärenden matchar filtret.</p>`
  : html`<div class="table-scroll"><table class="matrix">
<caption class="muted">${cases.length === 1 ? '1 ärende' : `${cases.length} ärenden`}. Raden ”Väntar på” räknar ärenden som väntar på respektive part.</caption>
<thead><tr><th scope="col">Ärende</th><th scope="col">Skede</th>${PARTIES.map((party) => html`<th scope="col">${party.name}</th>`)}</tr></thead>
<tbody>
${cases.map(
  (view) => html`<tr><th scope="row"><a href="/arenden/${view.id}">${view.title}</a></th><td>${stageLabel(view.stage)}</td>${PARTIES.map((party) => cell(view, party.id))}</tr>`,
)}
</tbody>
<tfoot><tr><th scope="row">Väntar på</th><td></td>${waitingCounts.map((count) => html`<td>${count}</td>`)}</tr></tfoot>
</table></div>`}`,
  });
}

/** Semicolons, CRLF and a byte-order mark: what Excel set to Swedish opens as columns with å, ä, ö intact. */
export function matrixCsv(cases: readonly CaseView[]): string {
  const header = ['Ärende', 'Diarienummer', 'Skede', 'Sista svarsdag', 'Väntar på', ...PARTIES.map((party) => party.name)];
  const rows = cases.map((view) => [
    view.title,
    view.reference ?? '',
    stageLabel(view.stage),
    view.deadline ?? '',
    String(view.waitingOn.length),
    ...PARTIES.map((party) => cellText(view, party.id)),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  // A leading = + - @ would make Excel run the text as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
