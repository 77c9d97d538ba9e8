import type { DashboardView } from '../../../libs/contract';
import { STAGES } from '../../../libs/domain';
import { html } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';
import { longDate } from '../../../libs/format/swedish-dates';
import { days, type Naming } from './swedish-format';

export function overviewPage(dashboard: DashboardView, coordinator: SignedInCoordinator, naming: Naming): string {
  const blocked = dashboard.blocked;
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
${blocked.length === 0
  ? html`<p>Inget ärende väntar just nu.</p>`
  : html`<p>Försenade ärenden först, sedan de som väntat längst.</p>
<div class="table-scroll"><table>
<caption class="muted">${blocked.length === 1 ? '1 ärende väntar' : `${blocked.length} ärenden väntar`}</caption>
<thead><tr><th scope="col">Ärende</th><th scope="col">Skede</th><th scope="col">Väntar på</th><th scope="col">Har väntat</th><th scope="col">Sista svarsdag</th></tr></thead>
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
</tr>`,
)}
</tbody></table></div>`}
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
