import { MAX_CONTACTS_PER_PARTY, type ContactListView } from '../../../libs/contract';
import { errorSummary, selectField, textArea, textField } from './form-fields';
import { html, type SafeHtml } from '../../../libs/html/html';
import { CONTACT_FIELDS, contactFieldName, type PartyContactFields } from './contacts-form';
import { swedishList } from './swedish-format';
import { page, type SignedInCoordinator } from './layout';

export interface ContactsPageOptions {
  readonly coordinator: SignedInCoordinator;
  readonly parties: ContactListView['parties'];
  /** The parties whose contacts were just changed (none: the form was saved as it was). */
  readonly saved?: readonly string[];
  /** The form that was refused: what was written for each party, and what was wrong, by field name. */
  readonly failed?: { readonly values: ReadonlyMap<string, PartyContactFields>; readonly errors: Readonly<Record<string, string>> };
}

const ROLE_CHOICES = [
  { value: 'registrator', label: 'Registrator' },
  { value: 'socialchef', label: 'Socialchef' },
  { value: 'kommundirektor', label: 'Kommundirektör' },
  { value: 'regiondirektor', label: 'Regiondirektör' },
  { value: 'annan', label: 'Annan' },
];

export const contactsLabel = (name: string) => `E-postadresser till ${name}`;

/** What the error summary calls each field of a party. */
function labelsOf(party: string, name: string): Record<string, string> {
  return {
    [contactFieldName(party, 'emails')]: contactsLabel(name),
    [contactFieldName(party, 'escalationEmail')]: `${name}: eskaleringskontakt`,
    [contactFieldName(party, 'escalationRole')]: `${name}: eskaleringskontaktens roll`,
    [contactFieldName(party, 'substituteEmail')]: `${name}: ersättare`,
    [contactFieldName(party, 'substituteFrom')]: `${name}: ersättare från och med`,
    [contactFieldName(party, 'substituteTo')]: `${name}: ersättare till och med`,
  };
}

/** The fields as kept, for a party whose form has not come back. */
function keptFields(party: ContactListView['parties'][number]): PartyContactFields {
  return {
    emails: party.emails.join('\n'),
    escalationEmail: party.escalation?.email ?? '',
    escalationRole: party.escalation?.role ?? 'registrator',
    substituteEmail: party.substitute?.email ?? '',
    substituteFrom: party.substitute?.from ?? '',
    substituteTo: party.substitute?.to ?? '',
  };
}

function partyFieldset(party: ContactListView['parties'][number], values: PartyContactFields, errors: Readonly<Record<string, string>>): SafeHtml {
  const name = (field: (typeof CONTACT_FIELDS)[number]) => contactFieldName(party.party, field);
  return html`<fieldset class="contact-party" id="kontakt-${party.party}">
<legend>${party.name}</legend>
${textArea({ name: name('emails'), label: contactsLabel(party.name), hint: 'En adress per rad.', value: values.emails, error: errors[name('emails')] })}
${textField({
  name: name('escalationEmail'),
  label: 'Eskaleringskontakt',
  type: 'email',
  hint: 'En adress, till exempel kommunens registrator eller kommundirektör.',
  value: values.escalationEmail,
  error: errors[name('escalationEmail')],
})}
${selectField({ name: name('escalationRole'), label: 'Roll', choices: ROLE_CHOICES, value: values.escalationRole, error: errors[name('escalationRole')] })}
<fieldset class="field">
<legend>Ersättare under en period <span class="muted">(frivilligt)</span></legend>
<p class="hint">Till exempel under registratorns semester: under perioden går partens e-post även hit.</p>
${textField({ name: name('substituteEmail'), label: 'Ersättare', type: 'email', value: values.substituteEmail, error: errors[name('substituteEmail')] })}
${textField({ name: name('substituteFrom'), label: 'Från och med', type: 'date', hint: 'ÅÅÅÅ-MM-DD', value: values.substituteFrom, error: errors[name('substituteFrom')] })}
${textField({ name: name('substituteTo'), label: 'Till och med', type: 'date', hint: 'ÅÅÅÅ-MM-DD', value: values.substituteTo, error: errors[name('substituteTo')] })}
</fieldset>
</fieldset>`;
}

/** Every party's contacts on one form, saved together; nothing is saved while any field is wrong. */
export function contactsPage(options: ContactsPageOptions): string {
  const { failed, saved } = options;
  const errors = failed?.errors ?? {};
  const savedNames = saved ? options.parties.filter((party) => saved.includes(party.party)).map((party) => party.name) : [];
  const labels = Object.assign({}, ...options.parties.map((party) => labelsOf(party.party, party.name))) as Record<string, string>;
  return page({
    title: failed ? 'Fel i formuläret – Kontakter' : 'Kontakter',
    current: '/kontakter',
    coordinator: options.coordinator,
    main: html`<h1>Kontakter</h1>
<p class="lead">Påminnelser om ärenden skickas till de här adresserna, med partens egen svarslänk.</p>
<p>Skriv en adress per rad, högst ${MAX_CONTACTS_PER_PARTY} per part. En part utan adresser får inga påminnelser.
Eskaleringskontakten får besked när ett beslut dröjer långt efter sista svarsdagen. Alla parter sparas på en gång.</p>
${saved
  ? html`<div class="notice" role="status"><p>${savedNames.length > 0 ? `Kontakterna är sparade. Ändrade: ${swedishList(savedNames)}.` : 'Kontakterna är sparade. Inget hade ändrats.'}</p></div>`
  : ''}
${failed ? errorSummary(errors, labels) : ''}
<form method="post" action="/kontakter" novalidate>
<input type="hidden" name="_csrf" value="${options.coordinator.csrfToken}">
<div class="actions">
${options.parties.map((party) => partyFieldset(party, failed?.values.get(party.party) ?? keptFields(party), errors))}
</div>
<button type="submit">Spara kontakterna</button>
</form>`,
  });
}
