import { DomainError, costShares, type Financing } from '../../libs/domain';
import { DEFAULT_REGISTER_SEED } from '../../libs/register';

const populations = new Map(DEFAULT_REGISTER_SEED.parties.map((party) => [party.id, { count: party.population as number, year: 2024 }]));
const pending = (...parties: string[]) => parties.map((party) => ({ party, status: 'pending' as const }));

describe('cost shares', () => {
  it('split by population over the parties still in, in whole kronor that add up exactly', () => {
    const financing: Financing = { amount: 1_000_000, period: 'year', key: 'population' };
    const parties = pending('falun', 'borlange', 'smedjebacken', 'ludvika', 'sater');
    const result = costShares(financing, parties, populations);
    expect(result.key).toBe('population');
    expect(result.populationYear).toBe(2024);
    expect(result.shares.map((share) => share.party)).toEqual(['falun', 'borlange', 'smedjebacken', 'ludvika', 'sater']);
    expect(result.shares.reduce((sum, share) => sum + share.amount, 0)).toBe(1_000_000);
    expect(result.shares.reduce((sum, share) => sum + share.share, 0)).toBeCloseTo(1, 12);
    const total = 59945 + 51425 + 10823 + 26634 + 11223;
    for (const share of result.shares) {
      const exact = (1_000_000 * (populations.get(share.party)?.count as number)) / total;
      expect(Math.abs(share.amount - exact)).toBeLessThan(1);
    }
  });

  it('are worked out again without a party that stands outside or rejects', () => {
    const financing: Financing = { amount: 900_000, period: 'year', key: 'population' };
    const before = costShares(financing, pending('falun', 'borlange', 'smedjebacken'), populations);
    const after = costShares(financing, [...pending('falun', 'borlange'), { party: 'smedjebacken', status: 'opted-out' }], populations);
    expect(before.shares.map((share) => share.party)).toContain('smedjebacken');
    expect(after.shares.map((share) => share.party)).toEqual(['falun', 'borlange']);
    expect(after.shares.reduce((sum, share) => sum + share.amount, 0)).toBe(900_000);
    expect(after.shares[0].amount).toBeGreaterThan(before.shares[0].amount);
    const rejected = costShares(financing, [...pending('falun'), { party: 'borlange', status: 'rejected' }], populations);
    expect(rejected.shares).toEqual([{ party: 'falun', share: 1, amount: 900_000 }]);
  });

  it('give the kronor left by rounding to the largest remainders, ties to the earlier party', () => {
    const result = costShares({ amount: 100, period: 'once', key: 'equal' }, pending('a1', 'b2', 'c3'), populations);
    expect(result.shares.map((share) => share.amount)).toEqual([34, 33, 33]);
    expect(result.populationYear).toBeNull();
    const weighted = costShares({ amount: 10, period: 'once', key: { a1: 1, b2: 1, c3: 1, d4: 3 } }, pending('a1', 'b2', 'c3', 'd4'), populations);
    expect(weighted.key).toBe('weights');
    expect(weighted.shares.map((share) => share.amount)).toEqual([2, 2, 1, 5]);
  });

  it('are refused (conflict) when a population is missing or nobody is left', () => {
    const missing = () => costShares({ amount: 100, period: 'once', key: 'population' }, pending('falun', 'ny-ort'), populations);
    expect(missing).toThrow(DomainError);
    expect(missing).toThrow('Folkmängd saknas i registret för: ny-ort.');
    expect(() => costShares({ amount: 100, period: 'once', key: 'equal' }, [{ party: 'falun', status: 'opted-out' }], populations)).toThrow('Ingen part står kvar');
  });
});
