import { addDays } from '../../../libs/domain';
import { html, type SafeHtml } from '../../../libs/html/html';
import { longDate } from '../../../libs/format/swedish-dates';
import type { StatusReport } from '../status-report.service';
import { page, type SignedInCoordinator } from './layout';
import { minutesSentence, wholeNumber, type Naming } from './swedish-format';

/** Which body's meeting a report is for: the network of administrative heads, or the council. */
export type ReportForum = 'natverket' | 'radet';

export interface StatusReportPage {
  readonly report: StatusReport;
  readonly forum: ReportForum;
  readonly naming: Naming;
  readonly coordinator: SignedInCoordinator;
}

/** The report's heading, the same on the page and in the PDF. */
export function reportTitle(forum: ReportForum, meeting: string, naming: Naming): string {
  const body = forum === 'natverket' ? naming.bodies.network : naming.bodies.council;
  return `Lägesrapport till ${body}, möte ${longDate(meeting)}`;
}

/** The query that gives the same report again, for the PDF link. */
export function reportQuery(forum: ReportForum, report: Pick<StatusReport, 'meeting' | 'since'>): string {
  return new URLSearchParams({ forum, mote: report.meeting, sedan: report.since }).toString();
}

/** A printable page: the information item the minutes carry at every meeting. */
export function statusReportPage({ report, forum, naming, coordinator }: StatusReportPage): string {
  const title = reportTitle(forum, report.meeting, naming);
  return page({
    title: 'Lägesrapport',
    current: '/rapport',
    coordinator,
    main: html`<h1>${title}</h1>
<p>Beslut från och med ${longDate(addDays(report.since, 1))} till och med ${longDate(report.meeting)}. Läget den ${longDate(report.today)}.</p>
<form class="filters no-print" method="get" action="/rapport">
<p><label for="falt-forum">Möte</label>
<select id="falt-forum" name="forum">
<option value="radet"${forum === 'radet' ? html` selected` : ''}>${naming.bodies.council}</option>
<option value="natverket"${forum === 'natverket' ? html` selected` : ''}>${naming.bodies.network}</option>
</select></p>
<p><label for="falt-mote">Mötesdag</label> <input id="falt-mote" name="mote" type="date" value="${report.meeting}"></p>
<p><label for="falt-sedan">Förra mötet</label> <input id="falt-sedan" name="sedan" type="date" value="${report.since}"></p>
<button type="submit">Visa rapporten</button>
<a href="/rapport.pdf?${reportQuery(forum, report)}">Ladda ner som PDF</a>
</form>
<h2>Beslut sedan förra mötet</h2>
${report.decided.length === 0
  ? html`<p>Ingen part har beslutat sedan förra mötet.</p>`
  : html`<ul class="report-decided">${report.decided.map(
      (entry) => html`<li><a href="/arenden/${entry.id}">${entry.title}</a>${entry.reference ? ` (${entry.reference})` : ''}: ${naming.stage(entry.stage).toLowerCase()}
<ul>${entry.decisions.map((decision) => html`<li>${naming.of(decision.party)} ${naming.history(`decision.${decision.outcome}`)} ${longDate(decision.date)}</li>`)}</ul></li>`,
    )}</ul>`}
<h2>Väntar på beslut</h2>
${report.waitingTotal === 0
  ? html`<p>Inget ärende väntar.</p>`
  : html`<p>${count(report.waitingTotal)} väntar, varav ${wholeNumber(report.overdueTotal)} försenade${report.waiting.length < report.waitingTotal
      ? ` (de ${wholeNumber(report.waiting.length)} första visas; alla finns på översikten)`
      : ''}.</p>
<div class="table-scroll"><table>
<caption class="muted">Försenade ärenden först, sedan de som väntat längst.</caption>
<thead><tr><th scope="col">Ärende</th><th scope="col">Väntar på</th><th scope="col">Väntat sedan</th><th scope="col">Sista svarsdag</th><th scope="col">Väntas gälla från</th></tr></thead>
<tbody>
${report.waiting.map(
  (row) => html`<tr>
<td><a href="/arenden/${row.id}">${row.title}</a><br><span class="muted">${naming.stage(row.stage)}</span></td>
<td>${row.waitingOn.map((id) => naming.of(id)).join(', ')}</td>
<td>${longDate(row.waitingSince)}</td>
<td>${row.deadline ? longDate(row.deadline) : '–'}${row.overdue ? html` <span class="overdue">Försenat</span>` : ''}</td>
<td>${row.inForceBy ? longDate(row.inForceBy) : '–'}</td>
</tr>`,
)}
</tbody></table></div>
${forMinutes(report, naming)}`}
<h2>Överenskommelser som löper ut</h2>
${report.expiring.length === 0
  ? html`<p>Ingen överenskommelse löper ut inom ett halvår.</p>`
  : html`<ul>${report.expiring.map(
      (row) => html`<li><a href="/arenden/${row.id}">${row.title}</a>: gäller till ${longDate(row.to)}${row.renews ? ', förlängs om ingen säger upp' : ''}</li>`,
    )}</ul>`}
<h2>Uppföljningar</h2>
${report.followUps.length === 0
  ? html`<p>Ingen uppföljning förfaller inom tre månader.</p>`
  : html`<ul>${report.followUps.map(
      (row) => html`<li><a href="/arenden/${row.id}">${row.title}</a>: ${row.owner}, senast ${longDate(row.due)}${row.overdue ? html` <span class="overdue">Försenad</span>` : ''}</li>`,
    )}</ul>`}`,
  });
}

function count(cases: number): string {
  return cases === 1 ? '1 ärende' : `${wholeNumber(cases)} ärenden`;
}

/** For the minutes: per case waiting on parties, who has not yet sent its decision, as the minutes say it. */
function forMinutes(report: StatusReport, naming: Naming): SafeHtml | '' {
  const rows = report.waiting.filter((row) => row.stage === 'decisions' && row.waitingOn.length > 0);
  if (rows.length === 0) return '';
  return html`<h3>Till protokollet</h3>
<ul>${rows.map((row) => html`<li>${row.title}: ${minutesSentence(row.waitingOn, naming)}</li>`)}</ul>`;
}
