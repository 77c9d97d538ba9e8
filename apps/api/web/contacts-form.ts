import { replaceContactsSchema, type ContactListView, type ReplaceContactsBody } from '../../../libs/contract';

/** One party's fields on the contacts form, as written. */
export interface PartyContactFields {
  readonly emails: string;
  readonly escalationEmail: string;
  readonly escalationRole: string;
  readonly substituteEmail: string;
  readonly substituteFrom: string;
  readonly substituteTo: string;
}

export const CONTACT_FIELDS = ['emails', 'escalationEmail', 'escalationRole', 'substituteEmail', 'substituteFrom', 'substituteTo'] as const;

/** A field's name on the one form: the party's id, a dot, the field. */
export const contactFieldName = (party: string, field: (typeof CONTACT_FIELDS)[number]) => `${party}.${field}`;

/** What the form says of every party: each party's fields, its contacts as the API takes them, or what is wrong, by field name. */
export type ContactsReading =
  | { readonly ok: true; readonly contacts: ReadonlyMap<string, ReplaceContactsBody> }
  | { readonly ok: false; readonly values: ReadonlyMap<string, PartyContactFields>; readonly errors: Readonly<Record<string, string>> };

/**
 * Reads the contacts form for every party of the list. A party the form does not carry
 * at all (added to the register after the page was loaded) is left as it is; a party it
 * carries is described whole, an empty field meaning none.
 */
export function readContactsForm(body: unknown, parties: ContactListView['parties']): ContactsReading {
  const raw = (body ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : '');
  const values = new Map<string, PartyContactFields>();
  const contacts = new Map<string, ReplaceContactsBody>();
  const errors: Record<string, string> = {};
  for (const { party } of parties) {
    if (!(contactFieldName(party, 'emails') in raw)) continue;
    const fields = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, field === 'emails' ? text(contactFieldName(party, field)) : text(contactFieldName(party, field)).trim()])) as unknown as PartyContactFields;
    values.set(party, fields);
    // One a line, as asked; commas and semicolons too, as addresses pasted from a mail program come.
    const emails = fields.emails.split(/[\s,;]+/).filter((email) => email !== '');
    // No escalation or substitute address means none: the form always says what the party has.
    const parsed = replaceContactsSchema.safeParse({
      emails,
      escalation: fields.escalationEmail ? { email: fields.escalationEmail, role: fields.escalationRole } : null,
      substitute: fields.substituteEmail ? { email: fields.substituteEmail, from: fields.substituteFrom, to: fields.substituteTo } : null,
    });
    if (parsed.success) {
      contacts.set(party, parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const [group, detail] = issue.path;
      const field =
        group === 'escalation'
          ? detail === 'role' ? 'escalationRole' : 'escalationEmail'
          : group === 'substitute'
            ? detail === 'from' ? 'substituteFrom' : detail === 'to' ? 'substituteTo' : 'substituteEmail'
            : 'emails';
      const name = contactFieldName(party, field);
      if (errors[name]) continue;
      const address = typeof detail === 'number' ? emails[detail] : undefined;
      errors[name] = field === 'emails' && address !== undefined && !issue.message.includes(address) ? `${address}: ${issue.message}` : issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, values, errors } : { ok: true, contacts };
}

/** Whether what the form says of a party differs from what is kept (a party the form does not carry has not changed). */
export function contactsChanged(kept: ContactListView['parties'][number], sent: ReplaceContactsBody | undefined): boolean {
  if (!sent) return false;
  const sorted = (emails: readonly string[]) => [...emails].map((email) => email.toLowerCase()).sort();
  return (
    JSON.stringify(sorted(kept.emails)) !== JSON.stringify(sorted(sent.emails)) ||
    JSON.stringify(kept.escalation) !== JSON.stringify(sent.escalation ?? null) ||
    JSON.stringify(kept.substitute) !== JSON.stringify(sent.substitute ?? null)
  );
}
