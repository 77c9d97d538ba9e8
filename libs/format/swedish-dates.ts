const LONG_DATE = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 2024-09-12 → "12 september 2024". */
export function longDate(isoDate: string | null): string {
  if (!isoDate) return '';
  return LONG_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as Swedes read it, in Swedish time: "22 november 2026 kl. 13:45". */
export function dateTime(instant: string, timeZone: string): string {
  const date = new Date(instant);
  const day = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
  const time = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
  return `${day} kl. ${time}`;
}
