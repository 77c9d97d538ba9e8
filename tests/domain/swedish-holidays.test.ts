import { easterSunday, isWorkingDay, onOrAfterWorkingDay, swedishHolidays } from '../../libs/domain';

it('finds Easter by the Gregorian computus', () => {
  expect([2024, 2025, 2026, 2027, 2038].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
});

it("lists Sweden's public holidays of a year, with the eves the law on periods counts alike", () => {
  expect(swedishHolidays(2025)).toEqual([
    '2025-01-01',
    '2025-01-06',
    '2025-04-18',
    '2025-04-20',
    '2025-04-21',
    '2025-05-01',
    '2025-05-29',
    '2025-06-06',
    '2025-06-20',
    '2025-06-21',
    '2025-11-01',
    '2025-12-24',
    '2025-12-25',
    '2025-12-26',
    '2025-12-31',
  ]);
  // Midsommardagen is the Saturday from 20 to 26 June; alla helgons dag from 31 October to 6 November.
  expect(swedishHolidays(2026)).toEqual(expect.arrayContaining(['2026-06-19', '2026-06-20', '2026-10-31', '2026-05-14']));
});

it('moves a period that ends on a weekend or a holiday to the next working day', () => {
  expect(isWorkingDay('2025-06-18')).toBe(true);
  expect(onOrAfterWorkingDay('2025-06-18')).toBe('2025-06-18');
  // Midsommarafton (Friday) → past midsommardagen and the Sunday to Monday 23 June.
  expect(onOrAfterWorkingDay('2025-06-20')).toBe('2025-06-23');
  // Saturday → Monday.
  expect(onOrAfterWorkingDay('2024-11-30')).toBe('2024-12-02');
  // Julafton 2024 (Tuesday) → past juldagen and annandag jul to Friday 27 December.
  expect(onOrAfterWorkingDay('2024-12-24')).toBe('2024-12-27');
  // Långfredagen 2026 → past påskdagen and annandag påsk to Tuesday 7 April.
  expect(onOrAfterWorkingDay('2026-04-03')).toBe('2026-04-07');
});
