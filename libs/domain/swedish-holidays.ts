import { addDays } from './dates';

/**
 * Days on which a statutory period cannot end, by lagen (1930:173) om beräkning av
 * lagstadgad tid: Saturdays, Sundays and public holidays (lagen 1989:253 om allmänna
 * helgdagar), and midsommarafton, julafton and nyårsafton, which count as holidays there.
 */

/** Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Sweden's public holidays of a year, with the three eves the law on periods treats alike. */
export function swedishHolidays(year: number): string[] {
  const easter = easterSunday(year);
  // Midsommardagen is the Saturday from 20 to 26 June; alla helgons dag the Saturday from 31 October to 6 November.
  const midsummerDay = saturdayFrom(`${year}-06-20`);
  const allSaints = saturdayFrom(`${year}-10-31`);
  return [
    `${year}-01-01`, // nyårsdagen
    `${year}-01-06`, // trettondedag jul
    addDays(easter, -2), // långfredagen
    easter, // påskdagen
    addDays(easter, 1), // annandag påsk
    `${year}-05-01`, // första maj
    addDays(easter, 39), // Kristi himmelsfärdsdag
    `${year}-06-06`, // Sveriges nationaldag
    addDays(midsummerDay, -1), // midsommarafton
    midsummerDay, // midsommardagen
    allSaints, // alla helgons dag
    `${year}-12-24`, // julafton
    `${year}-12-25`, // juldagen
    `${year}-12-26`, // annandag jul
    `${year}-12-31`, // nyårsafton
  ].sort();
}

/** Whether a statutory period may end on this day. */
export function isWorkingDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !swedishHolidays(Number(date.slice(0, 4))).includes(date);
}

/** The day itself when a period may end on it, else the next day that it may. */
export function onOrAfterWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

function saturdayFrom(first: string): string {
  return addDays(first, (6 - dayOfWeek(first) + 7) % 7);
}

/** 0 Sunday … 6 Saturday. */
function dayOfWeek(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
