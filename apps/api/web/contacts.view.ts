import { MAX_CONTACTS_PER_PARTY, type ContactListView } from '../../../libs/contract';
import { errorSummary, selectField, textArea, textField } from './form-fields';
import { html } from '../../../libs/html/html';
import { page, type SignedInCoordinator } from './layout';

export interface ContactsPageOptions {
  readonly coordinator: SignedInCoordinator;
  readonly parties: ContactListView['parties'];
  /** The party whose addresses were just saved. */
  readonly saved?: string;
  /** A party's form that was refused: what was written, and why. */
  readonly failed?: {
    readonly party: string;
    readonly values: {
      readonly emails: string;
      readonly escalationEmail: string;
      readonly escalationRole: string;
      readonly substituteEmail: string;
      readonly substituteFrom: string;
      readonly substituteTo: string;
    };
    readonly errors: Readonly<Record<string, string>>;
  };
}

const ROLE_CHOICES = [
  { value: 'registrator', label: 'Registrator' },
  { value: 'socialchef', label: 'Socialchef' },
  { value: 'kommundirektor', label: 'Kommundirektör' },
  { value: 'regiondirektor', label: 'Regiondirektör' },
  { value: 'annan', label: 'Annan' },
];

export const contactsLabel = (name: string) => `E-postadresser till ${name}`;

/** The parties' contacts: one form per party, so that saving one never touches another. */
export function contactsPage(options: ContactsPageOptions): string {
  const { failed, saved } = options;
  const savedName = options.parties.find((party) => party.party === saved)?.name;
  const failedName = options.parties.find((party) => party.party === failed?.party)?.name;
  return page({
    title: failed ? 'Fel i formuläret – Kontakter' : 'Kontakter',
    current: '/kontakter',
    coordinator: options.coordinator,
    main: html`<h1>Kontakter</h1>
<p class="lead">Påminnelser om ärenden skickas till de här adresserna, med partens egen svarslänk.</p>
<p>Skriv en adress per rad, högst ${MAX_CONTACTS_PER_PARTY} per part. En part utan adresser får inga påminnelser.
Eskaleringskontakten får besked när ett beslut dröjer långt efter sista svarsdagen.</p>
${savedName ? html`<div class="notice" role="status"><p>Adresserna till ${savedName} är sparade.</p></div>` : ''}
${failed && failedName
  ? errorSummary(
      failed.errors,
      { emails: contactsLabel(failedName), escalationEmail: 'Eskaleringskontakt', escalationRole: 'Roll', substituteEmail: 'Ersättare', substituteFrom: 'Ersättare från', substituteTo: 'Ersättare till' },
      `${failed.party}-`,
    )
  : ''}
<div class="actions">
${options.parties.map((party) => {
  const mine = failed?.party === party.party ? failed : undefined;
  return html`<section id="kontakt-${party.party}" aria-labelledby="kontakt-${party.party}-rubrik">
<h2 id="kontakt-${party.party}-rubrik">${party.name}</h2>
<form method="post" action="/kontakter/${party.party}" novalidate>
<input type="hidden" name="_csrf" value="${options.coordinator.csrfToken}">
${textArea({
  name: 'emails',
  idPrefix: `${party.party}-`,
  label: contactsLabel(party.name),
  hint: 'En adress per rad.',
  value: mine ? mine.values.emails : party.emails.join('\n'),
  error: mine?.errors.emails,
})}
${textField({
  name: 'escalationEmail',
  idPrefix: `${party.party}-`,
  label: 'Eskaleringskontakt',
  type: 'email',
  hint: 'En adress, till exempel kommunens registrator eller kommundirektör.',
  value: mine ? mine.values.escalationEmail : party.escalation?.email,
  error: mine?.errors.escalationEmail,
})}
${selectField({
  name: 'escalationRole',
  idPrefix: `${party.party}-`,
  label: 'Roll',
  choices: ROLE_CHOICES,
  value: mine ? mine.values.escalationRole : (party.escalation?.role ?? 'registrator'),
  error: mine?.errors.escalationRole,
})}
<fieldset class="field">
<legend>Ersättare under en period <span class="muted">(frivilligt)</span></legend>
<p class="hint">Till exempel under registratorns semester: under perioden går partens e-post även hit.</p>
${textField({ name: 'substituteEmail', idPrefix: `${party.party}-`, label: 'Ersättare', type: 'email', value: mine ? mine.values.substituteEmail : party.substitute?.email, error: mine?.errors.substituteEmail })}
${textField({ name: 'substituteFrom', idPrefix: `${party.party}-`, label: 'Från och med', type: 'date', hint: 'ÅÅÅÅ-MM-DD', value: mine ? mine.values.substituteFrom : party.substitute?.from, error: mine?.errors.substituteFrom })}
${textField({ name: 'substituteTo', idPrefix: `${party.party}-`, label: 'Till och med', type: 'date', hint: 'ÅÅÅÅ-MM-DD', value: mine ? mine.values.substituteTo : party.substitute?.to, error: mine?.errors.substituteTo })}
</fieldset>
<button type="submit">Spara adresser till ${party.name}</button>
</form>
</section>`;
})}
</div>`,
  });
}
