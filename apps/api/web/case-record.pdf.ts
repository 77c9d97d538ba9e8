import type { CaseRecord, CaseView } from '../../../libs/contract';
import { longDate } from '../../../libs/format/swedish-dates';
import { historyText, statusLabel, type Naming } from './swedish-format';
import { finality } from './party-response.view';
import { TaggedPdf } from './tagged-pdf';

const COLUMNS = [
  { heading: 'Part', width: 110 },
  { heading: 'Beslut', width: 85 },
  { heading: 'Datum', width: 85 },
  { heading: 'Organ och paragraf', width: 110 },
  { heading: 'Diarienummer, laga kraft', width: 90 },
] as const;

/**
 * The case at its close as a tagged PDF in Swedish: what it was, each party's decision with
 * its evidence, and everything that happened, for the registry and the archive.
 */
export function caseRecordPdf(record: CaseRecord, view: CaseView, naming: Naming): Promise<Buffer> {
  const title = `Ärendeakt: ${record.title}`;
  const pdf = new TaggedPdf({ title, author: record.organisation, subject: 'Ärendeakt för arkivet', created: new Date(record.packagedAt) });
  pdf.heading('H1', title);
  pdf.paragraph(
    [
      record.reference ? `Diarienummer ${record.reference}.` : '',
      `${record.process.name}, öppnat ${longDate(record.openedAt.slice(0, 10))}.`,
      `${naming.stage(record.stage)}${record.closedOn ? ` sedan ${longDate(record.closedOn)}` : ''}.`,
      `Sammanställd ${longDate(record.packagedAt.slice(0, 10))} av ${record.organisation}.`,
    ]
      .filter(Boolean)
      .join(' '),
  );

  pdf.heading('H2', 'Parternas beslut');
  pdf.table(
    COLUMNS,
    view.parties.map((answer) => [
      answer.name,
      statusLabel(answer.status),
      answer.date ? longDate(answer.date) : '–',
      [answer.body, answer.paragraph].filter(Boolean).join(' ') || '–',
      [answer.partyReference ? `Dnr ${answer.partyReference}.` : '', answer.status === 'adopted' ? finality(answer) : ''].filter(Boolean).join(' ') || '–',
    ]),
  );

  pdf.heading('H2', 'Händelser');
  pdf.list(
    view.history.map((entry) => `${longDate(entry.date ?? entry.at.slice(0, 10))}: ${historyText(entry, naming)}${entry.note ? ` (${entry.note})` : ''}`),
  );

  pdf.heading('H2', 'Bilagor');
  if (record.attachments.length === 0) pdf.paragraph('Ärendet har inga bilagor.');
  else pdf.list(record.attachments.map((attachment) => `${attachment.title}: ${attachment.url}`));
  return pdf.finish();
}
