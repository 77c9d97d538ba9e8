import { refusal } from './refusals';
import type { PartyAnswer } from './case-types';

/** How a case's cost is split: by population, equally, or by agreed weights per party. */
export type CostKey = 'population' | 'equal' | { readonly [party: string]: number };

/** What a case's agreement costs and how it is split among the parties still in it. */
export interface Financing {
  /** Whole kronor. */
  readonly amount: number;
  readonly period: 'year' | 'once';
  readonly key: CostKey;
}

export interface CostShare {
  readonly party: string;
  /** The fraction of the whole, the shares summing to 1. */
  readonly share: number;
  /** Whole kronor, the amounts summing exactly to the financing's amount. */
  readonly amount: number;
}

export interface CostShares {
  readonly key: 'population' | 'equal' | 'weights';
  /** The year of the population figures used; null for other keys or when the figures are of different years. */
  readonly populationYear: number | null;
  readonly amount: number;
  readonly period: 'year' | 'once';
  readonly shares: readonly CostShare[];
}

/** Parties that stood outside or rejected pay nothing; the rest share the whole. */
const OUTSIDE: readonly PartyAnswer['status'][] = ['opted-out', 'rejected', 'declined'];

/**
 * Each party's share and amount over the parties still in, in the case's order. Amounts
 * are whole kronor by largest remainder: each gets the floor of its exact amount, and the
 * kronor left go one by one to the largest remainders (ties to the earlier party), so they
 * add up exactly. `populations`: each party's inhabitants and their year, from the register.
 */
export function costShares(
  financing: Financing,
  parties: readonly Pick<PartyAnswer, 'party' | 'status'>[],
  populations: ReadonlyMap<string, { readonly count: number; readonly year: number }> = new Map(),
): CostShares {
  const inIt = parties.filter((answer) => !OUTSIDE.includes(answer.status)).map((answer) => answer.party);
  if (inIt.length === 0) throw refusal('nobody-to-share');
  const weights = weightsOf(financing.key, inIt, populations);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) throw refusal('key-gives-nothing');
  const exact = weights.map((weight) => (financing.amount * weight) / total);
  const amounts = exact.map(Math.floor);
  const left = financing.amount - amounts.reduce((sum, amount) => sum + amount, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder.slice(0, left)) amounts[index] += 1;
  const years = new Set(inIt.map((party) => populations.get(party)?.year));
  return {
    key: typeof financing.key === 'string' ? financing.key : 'weights',
    populationYear: financing.key === 'population' && years.size === 1 ? ([...years][0] as number) : null,
    amount: financing.amount,
    period: financing.period,
    shares: inIt.map((party, index) => ({ party, share: weights[index] / total, amount: amounts[index] })),
  };
}

function weightsOf(key: CostKey, parties: readonly string[], populations: ReadonlyMap<string, { readonly count: number }>): number[] {
  if (key === 'equal') return parties.map(() => 1);
  if (key === 'population') {
    const missing = parties.filter((party) => populations.get(party) === undefined);
    if (missing.length > 0) throw refusal('population-missing', missing);
    return parties.map((party) => populations.get(party)!.count);
  }
  const missing = parties.filter((party) => key[party] === undefined);
  if (missing.length > 0) throw refusal('weight-missing', missing);
  return parties.map((party) => key[party]);
}
