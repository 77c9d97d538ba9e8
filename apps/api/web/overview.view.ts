import type { DashboardView } from '../../../libs/contract';
import { STAGES } from '../../../libs/domain';
import { html, type SafeHtml } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';
import { longDate } from '../../../libs/format/swedish-dates';
import { days, wholeNumber, type Naming } from './swedish-format';

/** Which page of the waiting cases is shown: its number from 1, and how many a page holds. */
export interface WaitingPage {
  readonly number: number;
  readonly size: number;
}

/** `inForceBy`: when each case that waits on parties is expected in force (the forecast). */
export function overviewPage(
  dashboard: DashboardView,
  waitingPage: WaitingPage,
  inForceBy: ReadonlyMap<string, string | null>,
  coordinator: SignedInCoordinator,
  naming: Naming,
): string {
  const blocked = dashboard.blocked;
  const pages = Math.max(1, Math.ceil(dashboard.blockedTotal / waitingPage.size));
  const first = (waitingPage.number - 1) * waitingPage.size + 1;
  return page({
    title: 'Översikt',
    current: '/oversikt',
    coordinator,
    main: html`<h1>Översikt</h1>
<h2 id="per-skede">Ärenden per skede</h2>
<ul class="counts" aria-labelledby="per-skede">
${STAGES.map((stage) => html`<li><strong>${dashboard.byStage[stage] ?? 0}</strong> ${naming.stage(stage)}</li>`)}
</ul>
<h2>Väntar på svar</h2>
${dashboard.blockedTotal === 0
  ? html`<p>Inget ärende väntar just nu.</p>`
  : blocked.length === 0
  ? html`<p>Sidan ${waitingPage.number} finns inte: ${count(dashboard.blockedTotal)} väntar på ${pages === 1 ? 'en sida' : `${pages} sidor`}. <a href="/oversikt">Till första sidan</a></p>`
  : html`<p>Försenade ärenden först, sedan de som väntat längst. ${count(dashboard.blockedTotal)} väntar, varav ${wholeNumber(dashboard.overdueTotal)} försenade.</p>
<div class="table-scroll"><table>
<caption class="muted">${pages === 1
  ? count(dashboard.blockedTotal) + ' väntar'
  : `Sidan ${waitingPage.number} av ${pages}: ärende ${wholeNumber(first)}–${wholeNumber(first + blocked.length - 1)} av ${wholeNumber(dashboard.blockedTotal)}`}</caption>
<thead><tr><th scope="col">Ärende</th><th scope="col">Skede</th><th scope="col">Väntar på</th><th scope="col">Har väntat</th><th scope="col">Sista svarsdag</th><th scope="col">Väntas gälla från</th></tr></thead>
<tbody>
${blocked.map(
  (row) => html`<tr>
<td><a href="/arenden/${row.id}">${row.title}</a></td>
<td>${naming.stage(row.stage)}</td>
<td>${row.waitingOn.map((id) => naming.of(id)).join(', ')}${row.scheduled.map(
  (scheduled) => html`<br><span class="muted">${naming.of(scheduled.party)}: ${scheduled.body ?? 'sammanträde'} ${longDate(scheduled.date)}</span>${
    scheduled.passed ? html` <span class="overdue">Datumet har passerat</span>` : ''
  }`,
)}</td>
<td>${days(row.daysWaiting)}<br><span class="muted">sedan ${longDate(row.waitingSince)}</span></td>
<td>${row.deadline ? longDate(row.deadline) : '–'}${row.overdue ? html` <span class="overdue">Försenat</span>` : ''}</td>
<td>${expectedDay(inForceBy.get(row.id))}</td>
</tr>`,
)}
</tbody></table></div>
${pages > 1 ? waitingPages(waitingPage.number, pages) : ''}`}
<h2>Vem väntar vi på?</h2>
<div class="table-scroll"><table>
<thead><tr><th scope="col">Part</th><th scope="col">Ärenden som väntar</th><th scope="col">Varav försenade</th></tr></thead>
<tbody>
${[...dashboard.byParty]
  .sort((a, b) => b.waiting - a.waiting || b.overdue - a.overdue)
  .map((row) => html`<tr><td>${row.name}</td><td>${row.waiting}</td><td>${row.overdue}</td></tr>`)}
</tbody></table></div>
<h2>Uppföljning</h2>
${dashboard.followUps.length === 0
  ? html`<p>Inga öppna uppföljningsuppdrag.</p>`
  : html`<ul>${dashboard.followUps.map(
      (row) => html`<li><a href="/arenden/${row.id}">${row.title}</a>: ${row.owner}, senast ${longDate(row.due)}${row.overdue ? html` <span class="overdue">Försenad</span>` : ''}</li>`,
    )}</ul>`}
<h2>Giltighetstider</h2>
${dashboard.periods.length === 0
  ? html`<p>Inga överenskommelser med slutdatum gäller just nu.</p>`
  : html`<ul>${dashboard.periods.map(
      (row) => html`<li><a href="/arenden/${row.id}">${row.title}</a>: gäller till ${longDate(row.to)}${row.renews
        ? ', förlängs om ingen säger upp'
        : row.terminatedBy.length > 0
          ? html`, <strong>uppsagd av ${row.terminatedBy.map((id) => naming.of(id)).join(', ')}</strong>`
          : ', förlängs inte'}</li>`,
    )}</ul>`}`,
  });
}

function count(cases: number): string {
  return cases === 1 ? '1 ärende' : `${wholeNumber(cases)} ärenden`;
}

/** Links to the pages before and after, and to the first and last. */
function waitingPages(current: number, pages: number): SafeHtml {
  const link = (number: number, label: string) => html`<li><a href="/oversikt${number === 1 ? '' : `?sida=${number}`}">${label}</a></li>`;
  return html`<nav class="waiting-pages" aria-label="Sidor med ärenden som väntar"><ul>
${current > 1 ? link(1, 'Första sidan') : ''}${current > 1 ? link(current - 1, 'Föregående sida') : ''}<li aria-current="page">Sidan ${wholeNumber(current)} av ${wholeNumber(pages)}</li>${
    current < pages ? link(current + 1, 'Nästa sida') : ''
  }${current < pages ? link(pages, 'Sista sidan') : ''}
</ul></nav>`;
}

/** The forecast's day, or a dash where there is none (not yet with the parties, or a party with nothing to go by). */
function expectedDay(day: string | null | undefined): string {
  return day ? longDate(day) : '–';
}
