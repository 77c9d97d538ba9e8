/**
 * Who the parties are is data (the register, kept in PostgreSQL); a case keeps the ids and
 * names it started with. Nothing here knows any county.
 */
export const PARTY_KINDS = ['municipality', 'region', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Ids of parties and groups: lowercase slugs, as in the contract. */
export const PARTY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function isPartySlug(id: string): boolean {
  return PARTY_ID_PATTERN.test(id);
}

/** Bodies that take part in a case without being parties to it: the contract's ids for the roles. */
export const NETWORK_BODY = 'lchnv';
export const COUNCIL_BODY = 'valfardsradet';

/** A party's name as the case knows it; cases started before they carried names show the id. */
export function partyNameIn(state: { readonly partyNames?: Readonly<Record<string, string>> }, party: string): string {
  return state.partyNames?.[party] ?? party;
}

/** The ids once each, in the order first given. */
export function distinctInOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
