import { Controller, Get, Header, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { addMonths, isIsoDate } from '../../../libs/domain';
import { ApiError } from '../api-error';
import { ApiConfig } from '../api-config';
import { Clock } from '../clock';
import { RegisterService } from '../register.service';
import { StatusReportService } from '../status-report.service';
import type { CoordinatorSession } from '../../../libs/persistence';
import { CoordinatorPageGuard, CurrentSession } from './coordinator-page.guard';
import { signedIn } from './layout';
import { statusReportPdf } from './status-report.pdf';
import { statusReportPage, type ReportForum } from './status-report.view';
import { Naming } from './swedish-format';

/** The status report for a meeting of the network or the council: a page to print, and the same as a PDF. */
@Controller()
@UseGuards(CoordinatorPageGuard)
export class StatusReportController {
  constructor(
    private readonly reports: StatusReportService,
    private readonly register: RegisterService,
    private readonly config: ApiConfig,
    private readonly clock: Clock,
  ) {}

  @Get('rapport')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async page(@Query() query: Record<string, unknown>, @CurrentSession() session: CoordinatorSession): Promise<string> {
    const { forum, meeting, since } = this.reportQuery(query);
    return statusReportPage({ report: await this.reports.report(meeting, since), forum, naming: await this.naming(), coordinator: signedIn(session) });
  }

  @Get('rapport.pdf')
  async pdf(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const { forum, meeting, since } = this.reportQuery(query);
    const pdf = await statusReportPdf(await this.reports.report(meeting, since), forum, await this.naming(), this.config.names.organisation);
    response
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="lagesrapport-${meeting}.pdf"`)
      .send(pdf);
  }

  private async naming(): Promise<Naming> {
    return new Naming(this.config.names).with(await this.register.listAllParties());
  }

  /** The meeting (today unless given), the last one (a month before unless given) and whose meeting (the council's unless given). */
  private reportQuery(query: Record<string, unknown>): { forum: ReportForum; meeting: string; since: string } {
    const date = (name: string, fallback: string): string => {
      const value = query[name];
      if (value === undefined || value === '') return fallback;
      if (typeof value !== 'string' || !isIsoDate(value)) throw new ApiError('validation', `${name === 'mote' ? 'Mötesdagen' : 'Förra mötet'} ska vara ett datum (ÅÅÅÅ-MM-DD).`);
      return value;
    };
    const forum = query.forum === undefined || query.forum === 'radet' ? 'radet' : query.forum === 'natverket' ? 'natverket' : undefined;
    if (!forum) throw new ApiError('validation', 'Välj rådets eller nätverkets möte.');
    const meeting = date('mote', this.clock.today());
    const since = date('sedan', addMonths(meeting, -1));
    if (since >= meeting) throw new ApiError('validation', 'Förra mötet ska vara före mötesdagen.');
    return { forum, meeting, since };
  }
}
