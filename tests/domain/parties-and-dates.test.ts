import { PARTIES, calendarDate, findParty, inPartyOrder, isIsoDate, wholeDaysBetween } from '../../libs/domain';

describe('the parties', () => {
  it('are the 15 municipalities of Dalarna and Region Dalarna, with the contract ids', () => {
    expect(PARTIES).toHaveLength(16);
    expect(PARTIES.filter((party) => party.kind === 'municipality')).toHaveLength(15);
    expect(PARTIES.map((party) => party.id)).toEqual([
      'avesta', 'borlange', 'falun', 'gagnef', 'hedemora', 'leksand', 'ludvika', 'malung-salen',
      'mora', 'orsa', 'rattvik', 'smedjebacken', 'sater', 'vansbro', 'alvdalen', 'region-dalarna',
    ]);
    expect(findParty('malung-salen')?.name).toBe('Malung-Sälen');
    expect(findParty('region-dalarna')).toEqual(expect.objectContaining({ kind: 'region', usualBody: 'Hälso- och sjukvårdsnämnden' }));
  });

  it('are put in the county order without repeats', () => {
    expect(inPartyOrder(['vansbro', 'avesta', 'vansbro', 'nowhere'])).toEqual(['avesta', 'vansbro']);
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
