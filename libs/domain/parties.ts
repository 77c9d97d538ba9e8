export type PartyKind = 'municipality' | 'region';

export interface Party {
  readonly id: string;
  readonly name: string;
  readonly kind: PartyKind;
  /** The body that usually takes the party's decision; prefills forms. */
  readonly usualBody: string;
}

export const PARTIES: readonly Party[] = [
  { id: 'avesta', name: 'Avesta', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'borlange', name: 'Borlänge', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'falun', name: 'Falun', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'gagnef', name: 'Gagnef', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'hedemora', name: 'Hedemora', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'leksand', name: 'Leksand', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'ludvika', name: 'Ludvika', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'malung-salen', name: 'Malung-Sälen', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'mora', name: 'Mora', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'orsa', name: 'Orsa', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'rattvik', name: 'Rättvik', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'smedjebacken', name: 'Smedjebacken', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'sater', name: 'Säter', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'vansbro', name: 'Vansbro', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'alvdalen', name: 'Älvdalen', kind: 'municipality', usualBody: 'Socialnämnden' },
  { id: 'region-dalarna', name: 'Region Dalarna', kind: 'region', usualBody: 'Hälso- och sjukvårdsnämnden' },
];

export const PARTY_IDS: readonly string[] = PARTIES.map((party) => party.id);

/** Bodies that take part in a case without being parties to it. */
export const NETWORK_BODY = 'lchnv';
export const COUNCIL_BODY = 'valfardsradet';

export function isPartyId(id: string): boolean {
  return PARTY_IDS.includes(id);
}

export function findParty(id: string): Party | undefined {
  return PARTIES.find((party) => party.id === id);
}

/** Puts party ids in the county's canonical order and drops repeats. */
export function inPartyOrder(ids: readonly string[]): string[] {
  return PARTY_IDS.filter((id) => ids.includes(id));
}
