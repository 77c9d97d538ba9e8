import type { CaseView } from '../../../libs/contract';
import { swedishExcelCsv } from './swedish-csv';
import { STAGES, type Stage } from '../../../libs/domain';
import type { PartyGroup } from '../../../libs/register';
import { selectField } from './form-fields';
import { html, type SafeHtml } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';
import { statusLabel, wholeNumber, type Naming } from './swedish-format';
import { longDate } from '../../../libs/format/swedish-dates';

/** Party columns a page shows at once: with 311 parties the matrix pages its columns, the case column stays. */
export const MATRIX_COLUMNS_PER_PAGE = 20;

export interface MatrixFilter {
  readonly stage?: Stage;
  readonly party?: string;
  /** Words the title or the registry number contains. */
  readonly text?: string;
  /** Only the cases the signed-in coordinator owns. */
  readonly mine?: boolean;
  /** Only this group's parties as columns. */
  readonly group?: string;
  /** Which page of party columns, from 1. */
  readonly columnPage?: number;
}

/** A column of the matrix: a party of the register, or a retired one that a shown case still holds. */
export interface MatrixParty {
  readonly id: string;
  readonly name: string;
}

export interface MatrixModel {
  readonly cases: readonly CaseView[];
  /** How many cases match the filter: more than `cases` when the page shows only the newest. */
  readonly total: number;
  readonly filter: MatrixFilter;
  /** Every party a column could be for, in the register's order. */
  readonly parties: readonly MatrixParty[];
  readonly groups: readonly PartyGroup[];
  readonly naming: Naming;
  readonly coordinator: SignedInCoordinator;
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

export function filterQuery(filter: MatrixFilter, columnPage?: number): string {
  const query = new URLSearchParams();
  if (filter.stage) query.set('skede', filter.stage);
  if (filter.party) query.set('part', filter.party);
  if (filter.text) query.set('sok', filter.text);
  if (filter.mine) query.set('mina', '1');
  if (filter.group) query.set('grupp', filter.group);
  if (columnPage !== undefined && columnPage > 1) query.set('kolumner', String(columnPage));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The columns for the filter: the group's parties when one is chosen, otherwise the register's, then the retired ones cases hold. */
export function matrixColumns(model: Pick<MatrixModel, 'cases' | 'filter' | 'parties' | 'groups'>): MatrixParty[] {
  const group = model.groups.find((candidate) => candidate.id === model.filter.group);
  const held = new Set(model.cases.flatMap((view) => view.parties.map((answer) => answer.party)));
  const known = new Set(model.parties.map((party) => party.id));
  // A party the register no longer holds at all is still a column of the cases it was part of, by the case's name.
  const unregistered = model.cases
    .flatMap((view) => view.parties)
    .filter((answer, index, all) => !known.has(answer.party) && all.findIndex((other) => other.party === answer.party) === index)
    .map((answer) => ({ id: answer.party, name: answer.name }));
  const all = [...model.parties, ...unregistered];
  return group ? all.filter((party) => group.parties.includes(party.id)) : all.filter((party) => held.has(party.id) || known.has(party.id));
}

export function matrixPage(model: MatrixModel): string {
  const { cases, filter, naming } = model;
  const columns = matrixColumns(model);
  const pages = Math.max(1, Math.ceil(columns.length / MATRIX_COLUMNS_PER_PAGE));
  const current = Math.min(Math.max(filter.columnPage ?? 1, 1), pages);
  const shown = columns.slice((current - 1) * MATRIX_COLUMNS_PER_PAGE, current * MATRIX_COLUMNS_PER_PAGE);
  const waitingCounts = shown.map((party) => cases.filter((view) => view.waitingOn.includes(party.id)).length);
  const first = (current - 1) * MATRIX_COLUMNS_PER_PAGE + 1;
  const columnNavigation =
    pages > 1
      ? html`<nav class="column-pages" aria-label="Parter i matrisen">
<p>Visar parterna ${first}–${first + shown.length - 1} av ${columns.length}.</p>
<ul>${Array.from({ length: pages }, (_, index) => index + 1).map(
          (number) =>
            html`<li><a href="/matris${filterQuery(filter, number)}"${number === current ? html` aria-current="page"` : ''}>${columnRange(number, columns.length)}</a></li>`,
        )}</ul>
</nav>`
      : '';
  return page({
    title: 'Matris',
    current: '/matris',
    coordinator: model.coordinator,
    wide: true,
    main: html`<h1>Matris: ärenden och parter</h1>
<form class="filters" method="get" action="/matris">
${selectField({ name: 'skede', label: 'Skede', empty: 'Alla skeden', value: filter.stage, choices: STAGES.map((stage) => ({ value: stage, label: naming.stage(stage) })) })}
<div class="field"><label for="falt-sok">Sök titel eller diarienummer</label>
<input type="search" id="falt-sok" name="sok" value="${filter.text ?? ''}"></div>
<div class="choice"><input type="checkbox" id="falt-mina" name="mina" value="1"${filter.mine ? ' checked' : ''}><label for="falt-mina">Bara ärenden där jag är ansvarig</label></div>
${selectField({ name: 'part', label: 'Väntar på part', empty: 'Alla parter', value: filter.party, choices: model.parties.map((party) => ({ value: party.id, label: party.name })) })}
${model.groups.length > 0
  ? selectField({ name: 'grupp', label: 'Visa parterna i gruppen', empty: 'Alla parter', value: filter.group, choices: model.groups.map((group) => ({ value: group.id, label: group.name })) })
  : ''}
<button type="submit">Filtrera</button>
<a href="/matris.csv${filterQuery(filter)}">Ladda ner som CSV (Excel), alla parter</a>
</form>
${cases.length === 0
  ? html`<p>Inga ärenden matchar filtret.</p>`
  : html`${columnNavigation}<div class="table-scroll" tabindex="0" role="region" aria-labelledby="matris-beskrivning"><table class="matrix">
<caption class="muted" id="matris-beskrivning">${model.total > cases.length
  ? `De ${wholeNumber(cases.length)} senaste av ${wholeNumber(model.total)} ärenden (alla finns i CSV-filen).`
  : cases.length === 1 ? '1 ärende.' : `${cases.length} ärenden.`} Raden ”Väntar på” räknar ärenden som väntar på respektive part${model.total > cases.length ? ' bland dem som visas' : ''}.</caption>
<thead><tr><th scope="col">Ärende</th><th scope="col">Skede</th><th scope="col">Sista svarsdag</th>${shown.map((party) => html`<th scope="col">${party.name}</th>`)}</tr></thead>
<tbody>
${cases.map(
  (view) => html`<tr><th scope="row"><a href="/arenden/${view.id}">${view.title}</a></th><td>${naming.stage(view.stage)}</td><td>${view.deadline ? longDate(view.deadline) : '–'}${view.overdue ? html` <span class="overdue">Försenat</span>` : ''}</td>${shown.map((party) => cell(view, party.id))}</tr>`,
)}
</tbody>
<tfoot><tr><th scope="row">Väntar på</th><td></td><td></td>${waitingCounts.map((count) => html`<td>${count}</td>`)}</tr></tfoot>
</table></div>`}`,
  });
}

function columnRange(page: number, total: number): string {
  const from = (page - 1) * MATRIX_COLUMNS_PER_PAGE + 1;
  return `${from}–${Math.min(page * MATRIX_COLUMNS_PER_PAGE, total)}`;
}

/** The matrix as CSV for Swedish Excel: every party, unpaged. */
export function matrixCsv(model: Pick<MatrixModel, 'cases' | 'filter' | 'parties' | 'groups' | 'naming'>): string {
  const columns = matrixColumns(model);
  const header = ['Ärende', 'Diarienummer', 'Skede', 'Sista svarsdag', 'Väntar på', ...columns.map((party) => party.name)];
  const rows = model.cases.map((view) => [
    view.title,
    view.reference ?? '',
    model.naming.stage(view.stage),
    view.deadline ?? '',
    String(view.waitingOn.length),
    ...columns.map((party) => cellText(view, party.id)),
  ]);
  return swedishExcelCsv([header, ...rows]);
}
