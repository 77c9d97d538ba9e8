import type { CostSharesView } from '../../../libs/contract';

/** Semicolons, CRLF and a byte-order mark: what Excel set to Swedish opens as columns with å, ä, ö intact. */
export function swedishExcelCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** A case's cost shares: the share as a decimal with a comma, amounts in whole kronor. */
export function costSharesCsv(shares: CostSharesView): string {
  return swedishExcelCsv([
    ['Part', 'Andel', `Belopp (kr${shares.period === 'year' ? ' per år' : shares.period === 'once' ? ' en gång' : ''})`],
    ...shares.shares.map((share) => [share.name, share.share.toFixed(6).replace('.', ','), String(share.amount)]),
    ['Summa', '1', String(shares.amount)],
  ]);
}

function csvField(value: string): string {
  // A leading = + - @ would make Excel run the text as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
