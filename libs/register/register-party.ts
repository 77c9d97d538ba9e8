import type { PartyKind } from '../domain';

/** A party as the register keeps it. */
export interface RegisterParty {
  readonly id: string;
  readonly name: string;
  readonly kind: PartyKind;
  /** The body that usually takes the party's decision; prefills forms. */
  readonly usualBody: string | null;
  /** Inhabitants on 31 December of `year` (Statistics Sweden), for population keys. */
  readonly population: { readonly count: number; readonly year: number } | null;
  /** Retired parties stay on the cases they were part of but take part in no new ones. */
  readonly retired: boolean;
}

/** A named subset of parties, e.g. the municipalities with the same host municipality. */
export interface PartyGroup {
  readonly id: string;
  readonly name: string;
  /** Member ids in register order. */
  readonly parties: readonly string[];
}

const KIND_ORDER: Record<PartyKind, number> = { municipality: 0, region: 1, other: 2 };
const SWEDISH = new Intl.Collator('sv');

/** The register's order: municipalities, then regions, then others, each by Swedish name ("Älvdalen" after "Vansbro"). */
export function compareParties(left: Pick<RegisterParty, 'kind' | 'name' | 'id'>, right: Pick<RegisterParty, 'kind' | 'name' | 'id'>): number {
  return KIND_ORDER[left.kind] - KIND_ORDER[right.kind] || SWEDISH.compare(left.name, right.name) || left.id.localeCompare(right.id);
}
