import PDFDocument from 'pdfkit';
import { addDays } from '../../../libs/domain';
import { longDate } from '../../../libs/format/swedish-dates';
import type { StatusReport } from '../status-report.service';
import { reportTitle, type ReportForum } from './status-report.view';
import { wholeNumber, type Naming } from './swedish-format';

/** A4 with 2 cm margins, in points. */
const MARGIN = 57;
const COLUMNS = [
  { heading: 'Ärende', width: 170 },
  { heading: 'Väntar på', width: 120 },
  { heading: 'Sista svarsdag', width: 95 },
  { heading: 'Väntas gälla från', width: 95 },
] as const;

/**
 * The status report as a tagged PDF in Swedish: headings, paragraphs, lists and a table
 * in the structure tree, in reading order, with the title shown as the document's name,
 * so that a screen reader reads it as it reads the page.
 */
export function statusReportPdf(report: StatusReport, forum: ReportForum, naming: Naming, organisation: string): Promise<Buffer> {
  const title = reportTitle(forum, report.meeting, naming);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: { Title: title, Author: organisation, Subject: 'Lägesrapport', CreationDate: new Date(`${report.today}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const document = doc.struct('Document');
  doc.addStructure(document);
  const heading = (level: 'H1' | 'H2', text: string) =>
    document.add(
      doc.struct(level, {}, () => {
        doc.moveDown(level === 'H1' ? 0 : 0.8);
        doc.font('Helvetica-Bold').fontSize(level === 'H1' ? 16 : 13).text(text);
        doc.moveDown(0.3);
      }),
    );
  const paragraph = (text: string) => document.add(doc.struct('P', {}, () => doc.font('Helvetica').fontSize(10).text(text)));
  const list = (items: readonly string[]) => {
    const element = doc.struct('L');
    document.add(element);
    for (const item of items) {
      element.add(
        doc.struct('LI', {}, [
          doc.struct('LBody', {}, () => {
            doc.font('Helvetica').fontSize(10).text(`– ${item}`, { indent: 8 });
          }),
        ]),
      );
    }
    element.end();
  };

  heading('H1', title);
  paragraph(`Beslut från och med ${longDate(addDays(report.since, 1))} till och med ${longDate(report.meeting)}. Läget den ${longDate(report.today)}. ${organisation}.`);

  heading('H2', 'Beslut sedan förra mötet');
  if (report.decided.length === 0) paragraph('Ingen part har beslutat sedan förra mötet.');
  else {
    list(
      report.decided.map(
        (entry) =>
          `${entry.title}${entry.reference ? ` (${entry.reference})` : ''}: ` +
          entry.decisions.map((decision) => `${naming.of(decision.party)} ${naming.history(`decision.${decision.outcome}`)} ${longDate(decision.date)}`).join('; '),
      ),
    );
  }

  heading('H2', 'Väntar på beslut');
  if (report.waitingTotal === 0) paragraph('Inget ärende väntar.');
  else {
    paragraph(
      `${report.waitingTotal === 1 ? '1 ärende' : `${wholeNumber(report.waitingTotal)} ärenden`} väntar, varav ${wholeNumber(report.overdueTotal)} försenade. ` +
        'Försenade ärenden först, sedan de som väntat längst.',
    );
    table(
      doc,
      document,
      report.waiting.map((row) => [
        row.title,
        row.waitingOn.map((id) => naming.of(id)).join(', '),
        `${row.deadline ? longDate(row.deadline) : '–'}${row.overdue ? ' (försenat)' : ''}`,
        row.inForceBy ? longDate(row.inForceBy) : '–',
      ]),
    );
  }

  heading('H2', 'Överenskommelser som löper ut');
  if (report.expiring.length === 0) paragraph('Ingen överenskommelse löper ut inom ett halvår.');
  else list(report.expiring.map((row) => `${row.title}: gäller till ${longDate(row.to)}${row.renews ? ', förlängs om ingen säger upp' : ''}`));

  heading('H2', 'Uppföljningar');
  if (report.followUps.length === 0) paragraph('Ingen uppföljning förfaller inom tre månader.');
  else list(report.followUps.map((row) => `${row.title}: ${row.owner}, senast ${longDate(row.due)}${row.overdue ? ' (försenad)' : ''}`));

  document.end();
  doc.end();
  return done;
}

/** A table of text cells with a header row, each cell its own TH or TD in the structure. */
function table(doc: PDFKit.PDFDocument, parent: PDFKit.PDFStructureElement, rows: readonly (readonly string[])[]): void {
  const element = doc.struct('Table');
  parent.add(element);
  const row = (cells: readonly string[], kind: 'TH' | 'TD') => {
    doc.font(kind === 'TH' ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: COLUMNS[index].width - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    const tr = doc.struct('TR');
    element.add(tr);
    cells.forEach((cell, index) => {
      const left = x;
      tr.add(doc.struct(kind, {}, () => doc.text(cell, left, top + 3, { width: COLUMNS[index].width - 6 })));
      x += COLUMNS[index].width;
    });
    tr.end();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  row(
    COLUMNS.map((column) => column.heading),
    'TH',
  );
  for (const cells of rows) row(cells, 'TD');
  element.end();
}
