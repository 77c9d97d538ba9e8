import type { CaseView } from '../../../libs/contract';
import { html } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';

export interface PartyLinksModel {
  readonly view: CaseView;
  readonly links: Readonly<Record<string, string>>;
  /** Each party's contact addresses, for the e-mail the coordinator's own mail program opens. */
  readonly emails: Readonly<Record<string, readonly string[]>>;
  readonly organisation: string;
  readonly coordinator: SignedInCoordinator;
}

/**
 * Every party's own link on one page, to copy or to send, without JavaScript: each link in
 * a field to select and copy, and an e-mail to the party's contacts, written and ready, in
 * the coordinator's own mail program.
 */
export function partyLinksPage(model: PartyLinksModel): string {
  const { view } = model;
  return page({
    title: `Parternas länkar – ${view.title}`,
    coordinator: model.coordinator,
    main: html`<h1>Parternas länkar</h1>
<p class="lead"><a href="/arenden/${view.id}">${view.title}</a></p>
<p>Varje länk gäller bara sin part och det här ärendet, kräver ingen inloggning och är densamma tills den dras in. Markera länken och kopiera den, eller öppna ett färdigt e-postmeddelande till partens kontakter.</p>
<div class="table-scroll"><table>
<thead><tr><th scope="col">Part</th><th scope="col">Länk</th><th scope="col">Skicka</th></tr></thead>
<tbody>${view.parties.map((answer) => {
  const link = model.links[answer.party];
  const subject = `Svarslänk för ${answer.name} – ${view.title}`;
  const body = `Hej!\n\nHär är ${answer.name}s egen svarslänk i ärendet ${view.title}${view.reference ? ` (${view.reference})` : ''}:\n${link}\n\nMed vänliga hälsningar\n${model.organisation}`;
  const to = (model.emails[answer.party] ?? []).join(',');
  // The addresses passed the contacts' own check; only the subject and body need encoding.
  const mailto = `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return html`<tr><th scope="row">${answer.name}</th>
<td><label class="visually-hidden" for="lank-${answer.party}">Länk för ${answer.name}</label><input class="link" id="lank-${answer.party}" type="text" readonly value="${link}"></td>
<td>${to ? html`<a href="${mailto}">E-post till ${answer.name}</a>` : html`<a href="${mailto}">E-post<span class="visually-hidden"> för ${answer.name}</span></a> <span class="muted">(ingen kontaktadress)</span>`}</td></tr>`;
})}</tbody></table></div>`,
  });
}
