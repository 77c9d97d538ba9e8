import { calendarDate, distinctInOrder, isIsoDate, isPartySlug, partyNameIn, wholeDaysBetween } from '../../libs/domain';
import { DEFAULT_REGISTER_SEED, compareParties, registerSeedSchema } from '../../libs/register';
import { searchableIds } from '../../libs/workflow-contract/search-attributes';

describe('the seed register', () => {
  it("is Dalarna's 15 municipalities and the region, with the contract ids and SCB's population", () => {
    const parties = DEFAULT_REGISTER_SEED.parties;
    expect(parties).toHaveLength(16);
    expect(parties.filter((party) => party.kind === 'municipality')).toHaveLength(15);
    expect(parties.map((party) => party.id)).toEqual([
      'avesta', 'borlange', 'falun', 'gagnef', 'hedemora', 'leksand', 'ludvika', 'malung-salen',
      'mora', 'orsa', 'rattvik', 'smedjebacken', 'sater', 'vansbro', 'alvdalen', 'region-dalarna',
    ]);
    expect(parties.find((party) => party.id === 'malung-salen')?.name).toBe('Malung-Sälen');
    expect(parties.find((party) => party.id === 'region-dalarna')).toEqual(expect.objectContaining({ kind: 'region', usualBody: 'Hälso- och sjukvårdsnämnden' }));
    expect(DEFAULT_REGISTER_SEED.populationYear).toBe(2024);
    const municipalities = parties.filter((party) => party.kind === 'municipality').reduce((sum, party) => sum + (party.population ?? 0), 0);
    expect(parties.find((party) => party.id === 'region-dalarna')?.population).toBe(municipalities);
    expect(parties.find((party) => party.id === 'falun')?.population).toBe(59945);
  });

  it("is in the register's own order: municipalities by Swedish name (Älvdalen last), then the region", () => {
    const sorted = [...DEFAULT_REGISTER_SEED.parties].sort((left, right) => compareParties({ ...left }, { ...right }));
    expect(sorted.map((party) => party.id)).toEqual(DEFAULT_REGISTER_SEED.parties.map((party) => party.id));
  });

  it('refuses a seed with a repeated party or a group member that is not a party', () => {
    const party = { id: 'ort', name: 'Ort', kind: 'municipality' };
    const base = { county: 'Test', populationYear: 2024, populationSource: 'SCB' };
    expect(registerSeedSchema.safeParse({ ...base, parties: [party, party] }).success).toBe(false);
    expect(registerSeedSchema.safeParse({ ...base, parties: [party], groups: [{ id: 'grupp', name: 'Grupp', parties: ['annan'] }] }).success).toBe(false);
    expect(registerSeedSchema.safeParse({ ...base, parties: [party], groups: [{ id: 'grupp', name: 'Grupp', parties: ['ort'] }] }).success).toBe(true);
  });
});

describe('party ids and names', () => {
  it.each([
    ['falun', true],
    ['malung-salen', true],
    ['region-01', true],
    ['a', false],
    ['-falun', false],
    ['Falun', false],
    ['säter', false],
    ['x'.repeat(41), false],
  ])('%s is a slug: %s', (id, expected) => {
    expect(isPartySlug(id)).toBe(expected);
  });

  it('keeps the first of repeated ids, in the order given', () => {
    expect(distinctInOrder(['vansbro', 'avesta', 'vansbro'])).toEqual(['vansbro', 'avesta']);
  });

  it("names a party as the case knows it, and by its id in a case that keeps no names", () => {
    expect(partyNameIn({ partyNames: { sater: 'Säter' } }, 'sater')).toBe('Säter');
    expect(partyNameIn({}, 'sater')).toBe('sater');
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['0029-03-04', true],
    ['0000-02-29', true],
    ['0100-02-29', false],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2024-06-31', false],
    ['', false],
  ])('%s is a calendar date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('tells the date in Sweden, not in UTC', () => {
    expect(calendarDate(new Date('2024-12-31T23:30:00Z'), 'Europe/Stockholm')).toBe('2025-01-01');
    expect(calendarDate(new Date('2024-12-31T23:30:00Z'), 'UTC')).toBe('2024-12-31');
  });

  it('counts whole days waited, never negative', () => {
    expect(wholeDaysBetween(new Date('2024-10-02T08:00:00Z'), new Date('2024-10-05T07:59:00Z'))).toBe(2);
    expect(wholeDaysBetween(new Date('2024-10-05T08:00:00Z'), new Date('2024-10-02T08:00:00Z'))).toBe(0);
  });
});

describe('the waiting-on search attribute', () => {
  it('holds every id of a case of the seed register, and as many of 311 as fit under Temporal’s 2 KiB', () => {
    const seed = DEFAULT_REGISTER_SEED.parties.map((party) => party.id);
    expect(searchableIds(seed)).toEqual(seed);
    const national = Array.from({ length: 311 }, (_, index) => `kommun-${String(index + 1).padStart(3, '0')}`);
    const kept = searchableIds(national);
    expect(kept).toEqual(national.slice(0, kept.length));
    expect(kept.length).toBeGreaterThan(100);
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(2048);
    expect(Buffer.byteLength(JSON.stringify(national.slice(0, kept.length + 2)))).toBeGreaterThan(2048 - 64);
  });
});
