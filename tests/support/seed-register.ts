import { DEFAULT_REGISTER_SEED } from '../../libs/register';

/** The seed register's parties (Dalarna's 16), in the register's order: what a fresh test database holds. */
export const SEED_PARTY_IDS: readonly string[] = DEFAULT_REGISTER_SEED.parties.map((party) => party.id);

export const SEED_PARTY_NAMES: Readonly<Record<string, string>> = Object.fromEntries(DEFAULT_REGISTER_SEED.parties.map((party) => [party.id, party.name]));
