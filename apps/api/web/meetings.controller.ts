import { Body, Controller, Get, Header, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { isIsoDate } from '../../../libs/domain';
import { MeetingRepository, type CoordinatorSession, type MeetingBody } from '../../../libs/persistence';
import { ApiConfig } from '../api-config';
import { ApiError } from '../api-error';
import { CaseService } from '../case.service';
import { Clock } from '../clock';
import { RegisterService } from '../register.service';
import { CoordinatorPageGuard, CurrentSession } from './coordinator-page.guard';
import { formValues } from './form-fields';
import { signedIn } from './layout';
import { meetingsPage, type MeetingsModel } from './meetings.view';
import { Naming } from './swedish-format';

const AGENDA_SIZE = 200;

/** Möten: the network's and the council's meeting days as data, and what goes to each one's next meeting. */
@Controller('moten')
@UseGuards(CoordinatorPageGuard)
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly cases: CaseService,
    private readonly register: RegisterService,
    private readonly config: ApiConfig,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(@Query('klart') done: unknown, @CurrentSession() session: CoordinatorSession): Promise<string> {
    return meetingsPage(await this.model(session, done === 'tillagt' ? 'Mötet är tillagt.' : done === 'borttaget' ? 'Mötet är borttaget.' : undefined));
  }

  @Post()
  async add(@Body() body: unknown, @CurrentSession() session: CoordinatorSession, @Res() response: Response): Promise<void> {
    const values = formValues(body);
    const meetingBody = bodyOf(values.body);
    const date = values.date ?? '';
    if (!isIsoDate(date)) {
      const model = await this.model(session);
      response.status(400).type('html').send(meetingsPage({ ...model, failed: { values, error: 'Ange mötets datum i formen ÅÅÅÅ-MM-DD.' } }));
      return;
    }
    await this.meetings.add({ body: meetingBody, date });
    response.redirect(303, '/moten?klart=tillagt');
  }

  @Post('ta-bort')
  async remove(@Body() body: unknown, @Res() response: Response): Promise<void> {
    const values = formValues(body);
    const date = values.date ?? '';
    if (!isIsoDate(date)) throw new ApiError('validation', 'Ange mötets datum i formen ÅÅÅÅ-MM-DD.');
    await this.meetings.remove({ body: bodyOf(values.body), date });
    response.redirect(303, '/moten?klart=borttaget');
  }

  private async model(session: CoordinatorSession, saved?: string): Promise<MeetingsModel> {
    const page = { limit: AGENDA_SIZE, offset: 0 };
    const [meetings, network, council, deciding, parties] = await Promise.all([
      this.meetings.from(this.clock.today()),
      this.cases.list({ stage: 'network', ...page }),
      this.cases.list({ stage: 'council', ...page }),
      this.cases.list({ stage: 'decisions', ...page }),
      this.register.listAllParties(),
    ]);
    return {
      meetings,
      agenda: { network: network.items, council: council.items },
      followUps: deciding.items.filter((view) => view.waitingOn.length > 0),
      coordinator: signedIn(session),
      naming: new Naming(this.config.names).with(parties),
      ...(saved ? { saved } : {}),
    };
  }
}

function bodyOf(value: string | undefined): MeetingBody {
  if (value === 'network' || value === 'council') return value;
  throw new ApiError('validation', 'Välj nätverkets eller rådets möte.');
}
