import { z } from 'zod';
import { isoDate, partyId } from './common.schemas';

export const MAX_CONTACTS_PER_PARTY = 10;

/**
 * zod's own pattern, with the domain's labels as DNS has them (no hyphen at either end,
 * at most 63 characters): an address whose domain cannot exist is refused here.
 */
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export const contactEmail = z
  .email({ pattern: EMAIL, error: 'Ange en giltig e-postadress, till exempel namn@kommun.se.' })
  .max(254, 'Högst 254 tecken.')
  .describe("An address that gets the party's reminders.");

/** A party's addresses: each once, however it is capitalised. */
export const contactEmails = z
  .array(contactEmail, { error: 'Ange en lista med e-postadresser.' })
  .max(MAX_CONTACTS_PER_PARTY, `Högst ${MAX_CONTACTS_PER_PARTY} adresser.`)
  .superRefine((emails, context) => {
    const seen = new Set<string>();
    emails.forEach((email, index) => {
      if (seen.has(email.toLowerCase())) context.addIssue({ code: 'custom', path: [index], message: `${email} står redan i listan.` });
      seen.add(email.toLowerCase());
    });
  })
  .meta({ uniqueItems: true });

export const ESCALATION_ROLES = ['registrator', 'socialchef', 'kommundirektor', 'regiondirektor', 'annan'] as const;

export const escalationContactSchema = z
  .strictObject({
    email: contactEmail,
    role: z
      .enum(ESCALATION_ROLES, { error: 'Välj en roll: registrator, socialchef, kommundirektor, regiondirektor eller annan.' })
      .describe('registrator (registrar), socialchef (head of social services), kommundirektor, regiondirektor, or annan (other).'),
  })
  .describe('Whom to turn to when the party is long past a deadline (escalation).');

export const substituteSchema = z
  .strictObject({
    email: contactEmail,
    from: isoDate.describe('The first day the substitute stands in.'),
    to: isoDate.describe('The last day the substitute stands in.'),
  })
  .refine((substitute) => substitute.to >= substitute.from, { message: 'Perioden kan inte sluta innan den börjar.', path: ['to'] })
  .describe("Who stands in for the party's contacts in a period (a vacation): its e-mails go to them too in that period.");

export const replaceContactsSchema = z.strictObject({
  emails: contactEmails.describe(
    `Every address of the party, replacing those kept before: 0 to ${MAX_CONTACTS_PER_PARTY}, each once (ignoring case). An empty list removes them all.`,
  ),
  escalation: escalationContactSchema
    .nullable()
    .optional()
    .describe('The escalation contact: replaced when given, removed when null, kept when left out.'),
  substitute: substituteSchema.nullable().optional().describe('The substitute: replaced when given, removed when null, kept when left out.'),
});
export type ReplaceContactsBody = z.infer<typeof replaceContactsSchema>;

export const partyContactsViewSchema = z.object({
  party: partyId,
  name: z.string().describe("The party's name, e.g. Malung-Sälen."),
  emails: z.array(z.string()).describe('The addresses that get its reminders, in alphabetical order.'),
  escalation: z.object({ email: z.string(), role: z.enum(ESCALATION_ROLES) }).nullable().describe('Its escalation contact, if it has one.'),
  substitute: z.object({ email: z.string(), from: z.string(), to: z.string() }).nullable().describe('Its substitute and their period, if it has one.'),
});
export type PartyContactsView = z.infer<typeof partyContactsViewSchema>;

export const contactListViewSchema = z.object({
  parties: z.array(partyContactsViewSchema).describe("Every active party, in the register's order; those without addresses have none."),
});
export type ContactListView = z.infer<typeof contactListViewSchema>;
