/** Whom a signed-in identity is in Överens: a coordinator, or a user of one party. */
export type OidcRole = { readonly kind: 'coordinator' } | { readonly kind: 'party'; readonly party: string };

/**
 * The role a claim names: `coordinator`, or `party:<id>` (one value, or a list of them, as
 * groups often come). A claim naming more than one party names none: a person answers for
 * one party at a time.
 */
export function roleFromClaim(value: unknown): OidcRole | undefined {
  const values = (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.trim());
  if (values.includes('coordinator')) return { kind: 'coordinator' };
  const parties = [...new Set(values.filter((entry) => /^party:[a-z0-9-]+$/.test(entry)).map((entry) => entry.slice('party:'.length)))];
  return parties.length === 1 ? { kind: 'party', party: parties[0] } : undefined;
}

/** The e-mail address the identity provider vouches for; one it says is not verified counts as none. */
export function verifiedEmail(claims: Record<string, unknown>): string | undefined {
  const email = claims.email;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email) || claims.email_verified === false) return undefined;
  return email.trim();
}
