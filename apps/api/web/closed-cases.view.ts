import type { CaseView } from '../../../libs/contract';
import { longDate } from '../../../libs/format/swedish-dates';
import { html } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';
import { wholeNumber, type Naming } from './swedish-format';

export interface ClosedCasesModel {
  readonly cases: readonly CaseView[];
  readonly total: number;
  readonly text: string;
  readonly page: { readonly number: number; readonly size: number };
  readonly coordinator: SignedInCoordinator;
  readonly naming: Naming;
}

/** The date the case's last step carries: when it was decided or closed. */
function lastStepDate(view: CaseView): string {
  const last = view.history[view.history.length - 1];
  return last?.date ?? last?.at.slice(0, 10) ?? view.openedAt.slice(0, 10);
}

/** Decided and closed cases, newest first, searchable, with each case's archive package. */
export function closedCasesPage(model: ClosedCasesModel): string {
  const { naming, text } = model;
  const pages = Math.max(1, Math.ceil(model.total / model.page.size));
  const current = Math.min(model.page.number, pages);
  const query = (number: number) => {
    const parameters = new URLSearchParams();
    if (text) parameters.set('sok', text);
    if (number > 1) parameters.set('sida', String(number));
    const written = parameters.toString();
    return written ? `?${written}` : '';
  };
  const link = (number: number, label: string) => html`<li><a href="/avslutade${query(number)}">${label}</a></li>`;
  return page({
    title: 'Avslutade ärenden',
    current: '/avslutade',
    coordinator: model.coordinator,
    main: html`<h1>Avslutade ärenden</h1>
<p class="lead">Ärenden där beslutsrundan är avslutad: de som gäller, och de som avslutades utan verkan, återkallades eller har upphört. Vart och ett kan laddas ner som arkivpaket.</p>
<form class="filters" method="get" action="/avslutade">
<div class="field"><label for="falt-sok">Sök titel eller diarienummer</label>
<input type="search" id="falt-sok" name="sok" value="${text}"></div>
<button type="submit">Sök</button>
</form>
${model.cases.length === 0
  ? html`<p>${text ? 'Inga avslutade ärenden matchar sökningen.' : 'Inga ärenden är avslutade ännu.'}</p>`
  : html`<div class="table-scroll"><table>
<caption class="muted">${model.total === 1 ? '1 ärende' : `${wholeNumber(model.total)} ärenden`}, det senast öppnade först.</caption>
<thead><tr><th scope="col">Ärende</th><th scope="col">Diarienummer</th><th scope="col">Skede</th><th scope="col">Senaste steget</th><th scope="col">Arkivpaket</th></tr></thead>
<tbody>
${model.cases.map(
  (view) => html`<tr>
<th scope="row"><a href="/arenden/${view.id}">${view.title}</a></th>
<td>${view.reference ?? '–'}</td>
<td>${naming.stage(view.stage)}</td>
<td>${longDate(lastStepDate(view))}</td>
<td><a href="/arenden/${view.id}/arkivpaket.zip" download>Ladda ner<span class="visually-hidden"> arkivpaketet för ${view.title}</span></a></td>
</tr>`,
)}
</tbody></table></div>
${pages > 1
  ? html`<nav aria-label="Sidor"><ul class="pages">${current > 1 ? link(current - 1, 'Föregående sida') : ''}<li aria-current="page">Sidan ${wholeNumber(current)} av ${wholeNumber(pages)}</li>${current < pages ? link(current + 1, 'Nästa sida') : ''}</ul></nav>`
  : ''}`}`,
  });
}
