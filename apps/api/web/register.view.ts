import type { PartyGroup, RegisterParty } from '../../../libs/register';
import { html, type SafeHtml } from '../../../libs/html/html';
import { errorSummary, radioGroup, textField, type FieldErrors } from './form-fields';
import { page, type SignedInCoordinator } from './layout';

export const PARTY_FORM_LABELS: Record<string, string> = {
  id: 'Id',
  name: 'Namn',
  kind: 'Sort',
  usualBody: 'Beslutande organ',
  'population.count': 'Folkmängd',
  'population.year': 'Folkmängd per 31 december år',
};

export const GROUP_FORM_LABELS: Record<string, string> = {
  id: 'Id',
  name: 'Gruppens namn',
  parties: 'Parter i gruppen',
};

const KIND_LABELS: Record<RegisterParty['kind'], string> = { municipality: 'Kommun', region: 'Region', other: 'Annan' };
const KIND_CHOICES = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));

/** A form that was sent and refused: what was written, and what was wrong. */
export interface FailedForm {
  readonly form: 'party' | 'group';
  readonly values: Record<string, string>;
  readonly chosen?: readonly string[];
  readonly errors: FieldErrors;
}

export interface RegisterPageModel {
  readonly coordinator: SignedInCoordinator;
  /** Every party, the retired ones too, in the register's order. */
  readonly parties: readonly RegisterParty[];
  readonly groups: readonly PartyGroup[];
  /** What was just done, said at the top. */
  readonly done?: string;
  readonly failed?: FailedForm;
  /** The party or group being changed, when the page is its form. */
  readonly editing?: { readonly party?: RegisterParty; readonly group?: PartyGroup };
}

function population(party: RegisterParty): string {
  return party.population ? `${party.population.count.toLocaleString('sv-SE')} (${party.population.year})` : '–';
}

function partyForm(model: RegisterPageModel): SafeHtml {
  const editing = model.editing?.party;
  const failed = model.failed?.form === 'party' ? model.failed : undefined;
  const value = (name: string, current: string | undefined | null) => failed?.values[name] ?? current ?? undefined;
  const prefix = 'part-';
  return html`<section aria-labelledby="partform-rubrik">
<h2 id="partform-rubrik">${editing ? `Ändra ${editing.name}` : 'Lägg till en part'}</h2>
${failed ? errorSummary(failed.errors, PARTY_FORM_LABELS, prefix) : ''}
<form class="stacked" method="post" action="/parter" novalidate>
<input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}">
${editing
    ? html`<input type="hidden" name="id" value="${editing.id}"><p>Id: <code>${editing.id}</code> (ändras inte: ärenden och länkar bär det).</p>`
    : textField({ name: 'id', label: PARTY_FORM_LABELS.id, required: true, value: value('id', undefined), error: failed?.errors.id, idPrefix: prefix,
        hint: 'Små bokstäver a–z, siffror och bindestreck, 2–40 tecken, till exempel malung-salen. Kan inte ändras senare.' })}
${textField({ name: 'name', label: PARTY_FORM_LABELS.name, required: true, value: value('name', editing?.name), error: failed?.errors.name, idPrefix: prefix })}
${radioGroup({ name: 'kind', legend: PARTY_FORM_LABELS.kind, choices: KIND_CHOICES, value: value('kind', editing?.kind ?? 'municipality'), error: failed?.errors.kind, idPrefix: prefix })}
${textField({ name: 'usualBody', label: PARTY_FORM_LABELS.usualBody, value: value('usualBody', editing?.usualBody), error: failed?.errors.usualBody, idPrefix: prefix,
    hint: 'Den nämnd som brukar besluta, till exempel Socialnämnden. Fylls i åt parten i svarsformuläret.' })}
${textField({ name: 'population.count', label: PARTY_FORM_LABELS['population.count'], type: 'number', value: value('population.count', editing?.population ? String(editing.population.count) : undefined),
    error: failed?.errors['population.count'] ?? failed?.errors.population, idPrefix: prefix, hint: 'Enligt SCB. Används för kostnadsfördelning efter folkmängd.' })}
${textField({ name: 'population.year', label: PARTY_FORM_LABELS['population.year'], type: 'number', value: value('population.year', editing?.population ? String(editing.population.year) : undefined),
    error: failed?.errors['population.year'], idPrefix: prefix })}
<button type="submit">${editing ? 'Spara ändringen' : 'Lägg till parten'}</button>
</form>
${editing ? html`<p><a href="/parter">Tillbaka till registret</a></p>` : ''}
</section>`;
}

function groupForm(model: RegisterPageModel): SafeHtml {
  const editing = model.editing?.group;
  const failed = model.failed?.form === 'group' ? model.failed : undefined;
  const chosen = failed?.chosen ?? editing?.parties ?? [];
  const prefix = 'grupp-';
  const active = model.parties.filter((party) => !party.retired);
  return html`<section aria-labelledby="gruppform-rubrik">
<h2 id="gruppform-rubrik">${editing ? `Ändra gruppen ${editing.name}` : 'Lägg till en grupp'}</h2>
${failed ? errorSummary(failed.errors, GROUP_FORM_LABELS, prefix) : ''}
<form class="stacked" method="post" action="/parter/grupper" novalidate>
<input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}">
${editing
    ? html`<input type="hidden" name="id" value="${editing.id}"><p>Id: <code>${editing.id}</code></p>`
    : textField({ name: 'id', label: GROUP_FORM_LABELS.id, required: true, value: failed?.values.id, error: failed?.errors.id, idPrefix: prefix,
        hint: 'Små bokstäver a–z, siffror och bindestreck, till exempel norra.' })}
${textField({ name: 'name', label: GROUP_FORM_LABELS.name, required: true, value: failed?.values.name ?? editing?.name, error: failed?.errors.name, idPrefix: prefix,
    hint: 'Till exempel Norra gruppen (värdkommun Mora).' })}
<fieldset class="field${failed?.errors.parties ? ' invalid' : ''}" id="${prefix}falt-parties">
<legend>${GROUP_FORM_LABELS.parties}</legend>
${failed?.errors.parties ? html`<p class="field-error">${failed.errors.parties}</p>` : ''}
${active.map(
  (party) => html`<div class="choice"><input type="checkbox" id="${prefix}part-${party.id}" name="parties" value="${party.id}"${chosen.includes(party.id) ? html` checked` : ''}><label for="${prefix}part-${party.id}">${party.name}</label></div>`,
)}
</fieldset>
<button type="submit">${editing ? 'Spara gruppen' : 'Lägg till gruppen'}</button>
</form>
</section>`;
}

/** The register on a page: the coordinator keeps who can take part in a case. */
export function registerPage(model: RegisterPageModel): string {
  const active = model.parties.filter((party) => !party.retired);
  const retired = model.parties.filter((party) => party.retired);
  const names = new Map(model.parties.map((party) => [party.id, party.name]));
  if (model.editing) {
    return page({
      title: model.failed ? 'Fel i formuläret – Parter' : 'Parter',
      current: '/parter',
      coordinator: model.coordinator,
      main: html`<h1>Parter</h1>${model.editing.party ? partyForm(model) : groupForm(model)}`,
    });
  }
  return page({
    title: model.failed ? 'Fel i formuläret – Parter' : 'Parter',
    current: '/parter',
    coordinator: model.coordinator,
    main: html`<h1>Parter</h1>
<p class="lead">Registret över vilka som kan vara parter i ett ärende. Ett ärende behåller de parter och namn det startade med, vad som än ändras här.</p>
${model.done ? html`<div class="notice" role="status"><p>${model.done}</p></div>` : ''}
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="parter-rubrik">
<table>
<caption id="parter-rubrik">${active.length} aktiva parter</caption>
<thead><tr><th scope="col">Namn</th><th scope="col">Id</th><th scope="col">Sort</th><th scope="col">Beslutande organ</th><th scope="col">Folkmängd (år)</th><th scope="col">Åtgärder</th></tr></thead>
<tbody>
${active.map(
  (party) => html`<tr><th scope="row">${party.name}</th><td><code>${party.id}</code></td><td>${KIND_LABELS[party.kind]}</td><td>${party.usualBody ?? '–'}</td><td>${population(party)}</td>
<td><a href="/parter/${party.id}">Ändra<span class="visually-hidden"> ${party.name}</span></a>
<form class="inline" method="post" action="/parter/${party.id}/dra-in-lankar"><input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}"><button type="submit" class="secondary">Dra in länkar<span class="visually-hidden"> till ${party.name}</span></button></form>
<form class="inline" method="post" action="/parter/${party.id}/avsluta"><input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}"><button type="submit" class="secondary">Avsluta<span class="visually-hidden"> ${party.name}</span></button></form></td></tr>`,
)}
</tbody></table></div>
<p class="hint"><em>Dra in länkar</em> gör alla länkar som parten fått hittills ogiltiga, både översikten och varje ärendes egen; nya länkar skickas med nästa påminnelse. <em>Avsluta</em>: en avslutad part står kvar i de ärenden den var med i men kan inte väljas i nya. En part som ett öppet ärende väntar på kan inte avslutas.</p>
${retired.length > 0
  ? html`<h2>Avslutade parter</h2><ul>${retired.map((party) => html`<li>${party.name} (<code>${party.id}</code>) – <a href="/parter/${party.id}">ta tillbaka<span class="visually-hidden"> ${party.name}</span></a></li>`)}</ul>`
  : ''}
<h2>Grupper</h2>
${model.groups.length === 0
  ? html`<p>Inga grupper ännu.</p>`
  : html`<ul class="groups">${model.groups.map(
      (group) => html`<li><strong>${group.name}</strong> (<code>${group.id}</code>, ${group.parties.length} parter): ${group.parties.map((id) => names.get(id) ?? id).join(', ')}
– <a href="/parter/grupper/${group.id}">ändra<span class="visually-hidden"> ${group.name}</span></a></li>`,
    )}</ul>`}
<div class="actions">
${partyForm(model)}
${groupForm(model)}
</div>`,
  });
}
