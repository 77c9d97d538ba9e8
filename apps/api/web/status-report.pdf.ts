import { addDays } from '../../../libs/domain';
import { longDate } from '../../../libs/format/swedish-dates';
import type { StatusReport } from '../status-report.service';
import { reportTitle, type ReportForum } from './status-report.view';
import { minutesSentence, wholeNumber, type Naming } from './swedish-format';
import { TaggedPdf } from './tagged-pdf';

const COLUMNS = [
  { heading: 'Ärende', width: 170 },
  { heading: 'Väntar på', width: 120 },
  { heading: 'Sista svarsdag', width: 95 },
  { heading: 'Väntas gälla från', width: 95 },
] as const;

/** The status report as a tagged PDF in Swedish, with the page's headings, lists and table. */
export function statusReportPdf(report: StatusReport, forum: ReportForum, naming: Naming, organisation: string): Promise<Buffer> {
  const title = reportTitle(forum, report.meeting, naming);
  const pdf = new TaggedPdf({ title, author: organisation, subject: 'Lägesrapport', created: new Date(`${report.today}T00:00:00Z`) });
  const heading = pdf.heading.bind(pdf);
  const paragraph = pdf.paragraph.bind(pdf);
  const list = pdf.list.bind(pdf);

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
    pdf.table(
      COLUMNS,
      report.waiting.map((row) => [
        row.title,
        row.waitingOn.map((id) => naming.of(id)).join(', '),
        `${row.deadline ? longDate(row.deadline) : '–'}${row.overdue ? ' (försenat)' : ''}`,
        row.inForceBy ? longDate(row.inForceBy) : '–',
      ]),
    );
  }

  const forMinutes = report.waiting.filter((row) => row.stage === 'decisions' && row.waitingOn.length > 0);
  if (forMinutes.length > 0) {
    heading('H2', 'Till protokollet');
    list(forMinutes.map((row) => `${row.title}: ${minutesSentence(row.waitingOn, naming)}`));
  }

  heading('H2', 'Överenskommelser som löper ut');
  if (report.expiring.length === 0) paragraph('Ingen överenskommelse löper ut inom ett halvår.');
  else list(report.expiring.map((row) => `${row.title}: gäller till ${longDate(row.to)}${row.renews ? ', förlängs om ingen säger upp' : ''}`));

  heading('H2', 'Uppföljningar');
  if (report.followUps.length === 0) paragraph('Ingen uppföljning förfaller inom tre månader.');
  else list(report.followUps.map((row) => `${row.title}: ${row.owner}, senast ${longDate(row.due)}${row.overdue ? ' (försenad)' : ''}`));

  return pdf.finish();
}
