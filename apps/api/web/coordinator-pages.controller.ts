import { Body, Controller, Get, Header, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { createCaseSchema, findStepForm, type CostSharesView } from '../../../libs/contract';
import { STAGES, addDays, isPartySlug, type Stage } from '../../../libs/domain';
import type { CoordinatorSession } from '../../../libs/persistence';
import { ApiConfig } from '../api-config';
import { CaseService } from '../case.service';
import { CaseArchiveService } from '../case-archive.service';
import { ContactService } from '../contact.service';
import { partyLinksPage } from './party-links.view';
import { RegisterService } from '../register.service';
import { isCaseId, parseCaseId, parseFileId } from '../request-input';
import { FileStorageService } from '../file-storage.service';
import { sendFile } from '../file.controller';
import { storeFormUploads } from './upload-forms';
import { casePage } from './case-page.view';
import { CASE_ACTIONS, type CaseAction } from './case-step-forms';
import { MEETING_ROUND, roundField } from './meeting-round-form';
import { CoordinatorPageGuard, CurrentSession } from './coordinator-page.guard';
import { fieldErrorsFrom, formValues, readStepForm, type FieldErrors } from './form-fields';
import { formRefusal, formRequestId } from './form-request';
import { signedIn, type SignedInCoordinator } from './layout';
import { matrixCsv, matrixPage, type MatrixFilter, type MatrixModel } from './matrix.view';
import { costSharesCsv } from './swedish-csv';
import { ATTACHMENT_ROWS, NEW_CASE_FILE_FIELDS, newCasePage } from './new-case.view';
import { overviewPage } from './overview.view';
import { closedCasesPage } from './closed-cases.view';
import { Naming } from './swedish-format';

/** The coordinator's pages. Forms post to these routes and are checked with the API's own schemas. */
@Controller()
@UseGuards(CoordinatorPageGuard)
export class CoordinatorPagesController {
  constructor(
    private readonly cases: CaseService,
    private readonly archives: CaseArchiveService,
    private readonly contacts: ContactService,
    private readonly config: ApiConfig,
    private readonly register: RegisterService,
    private readonly files: FileStorageService,
  ) {}

  /** The deployment's bodies and every party of the register (retired too) by name. */
  private async naming(): Promise<Naming> {
    return new Naming(this.config.names).with(await this.register.listAllParties());
  }

  /** What the new-case form offers, with one read of the register: its active parties, its groups, and names. */
  private async newCaseChoices(): Promise<Pick<Parameters<typeof newCasePage>[0], 'naming' | 'register' | 'maxFileBytes'>> {
    const [parties, groups] = await Promise.all([this.register.listAllParties(), this.register.listGroups()]);
    return { naming: new Naming(this.config.names).with(parties), register: { parties: parties.filter((party) => !party.retired), groups }, maxFileBytes: this.files.maxBytes };
  }

  /** The matrix for a filter: on the page the newest MATRIX_PAGE_ROWS cases, in the CSV every one. */
  private async matrixModel(query: Record<string, unknown>, me: string, rows?: number): Promise<Omit<MatrixModel, 'coordinator'>> {
    const filter = matrixFilter(query);
    const [{ cases, total }, all, groups] = await Promise.all([
      this.cases.listForMatrix({ ...filter, ...(filter.mine ? { owner: me } : {}) }, rows),
      this.register.listAllParties(),
      this.register.listGroups(),
    ]);
    const shownOnCases = new Set(cases.flatMap((view) => view.parties.map((answer) => answer.party)));
    return {
      cases,
      total,
      filter,
      // Retired parties are columns only where a shown case holds them.
      parties: all.filter((party) => !party.retired || shownOnCases.has(party.id)).map(({ id, name }) => ({ id, name })),
      groups,
      naming: new Naming(this.config.names).with(all),
    };
  }

  @Get('oversikt')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async overview(@Query('sida') pageNumber: unknown, @CurrentSession() session: CoordinatorSession): Promise<string> {
    // A page number that is not one shows the first page.
    const waitingPage = typeof pageNumber === 'string' && /^[1-9][0-9]{0,5}$/.test(pageNumber) ? Number(pageNumber) : 1;
    const dashboard = await this.cases.dashboard({ limit: OVERVIEW_PAGE_SIZE, offset: (waitingPage - 1) * OVERVIEW_PAGE_SIZE });
    const inForceBy = await this.cases.expectedInForce(dashboard.blocked.filter((row) => row.stage === 'decisions').map((row) => row.id));
    return overviewPage(dashboard, { number: waitingPage, size: OVERVIEW_PAGE_SIZE }, inForceBy, signedIn(session), await this.naming());
  }

  @Get('avslutade')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async closed(@Query('sok') search: unknown, @Query('sida') pageNumber: unknown, @CurrentSession() session: CoordinatorSession): Promise<string> {
    const text = typeof search === 'string' ? search.trim().slice(0, 200) : '';
    const number = typeof pageNumber === 'string' && /^[1-9][0-9]{0,5}$/.test(pageNumber) ? Number(pageNumber) : 1;
    const { items, total } = await this.cases.closedCases({ ...(text ? { text } : {}), limit: OVERVIEW_PAGE_SIZE, offset: (number - 1) * OVERVIEW_PAGE_SIZE });
    return closedCasesPage({ cases: items, total, text, page: { number, size: OVERVIEW_PAGE_SIZE }, coordinator: signedIn(session), naming: await this.naming() });
  }

  @Get('matris')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async matrix(@Query() query: Record<string, unknown>, @CurrentSession() session: CoordinatorSession): Promise<string> {
    return matrixPage({ ...(await this.matrixModel(query, session.coordinator.name, MATRIX_PAGE_ROWS)), coordinator: signedIn(session) });
  }

  @Get('matris.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="overens-matris.csv"')
  async matrixCsv(@Query() query: Record<string, unknown>, @CurrentSession() session: CoordinatorSession): Promise<string> {
    return matrixCsv(await this.matrixModel(query, session.coordinator.name));
  }

  @Get('arenden/nytt')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async newCase(@Query('forlanger') extending: unknown, @CurrentSession() session: CoordinatorSession): Promise<string> {
    const base = { coordinator: signedIn(session), requestId: randomUUID(), ...(await this.newCaseChoices()) };
    const earlier = isCaseId(extending) ? await this.cases.find(extending.toLowerCase()) : undefined;
    if (!earlier) return newCasePage(base);
    // An extension starts as a copy of the expiring agreement, its period beginning the day after.
    const values: Record<string, string> = {
      title: `Förlängning: ${earlier.title}`,
      ...(earlier.reference ? { reference: earlier.reference } : {}),
      ...(earlier.validity ? { 'validity.from': addDays(earlier.validity.to, 1), 'validity.warnDays': String(earlier.validity.warnDays) } : {}),
      ...(earlier.validity?.renewal ? { 'validity.months': String(earlier.validity.renewal.months) } : {}),
      ...(earlier.validity?.renewal
        ? { 'validity.renewal.months': String(earlier.validity.renewal.months), 'validity.renewal.noticeMonths': String(earlier.validity.renewal.noticeMonths) }
        : {}),
    };
    return newCasePage({ ...base, values, parties: earlier.parties.map((answer) => answer.party), extendsCase: { id: earlier.id, title: earlier.title } });
  }

  @Post('arenden/nytt')
  async createCase(@Body() body: unknown, @CurrentSession() session: CoordinatorSession, @Req() request: Request, @Res() response: Response): Promise<void> {
    const values = formValues(body);
    // The attachments' files are stored first and named by their ids, as the API names them.
    const upload = await storeFormUploads(request, this.files, { actor: 'coordinator', name: session.coordinator.name });
    Object.assign(values, upload.stored);
    const raw = (body ?? {}) as Record<string, unknown>;
    const parties = ([] as unknown[]).concat(raw.parties ?? []).filter((party): party is string => typeof party === 'string');
    const requestId = formRequestId(values.requestId);
    const input = {
      title: values.title ?? '',
      ...(values.reference ? { reference: values.reference } : {}),
      ...(values.owner ? { owner: values.owner } : {}),
      ...(values.deadline ? { deadline: values.deadline } : {}),
      ...(values.group ? { group: values.group } : { parties }),
      attachments: Array.from({ length: ATTACHMENT_ROWS }, (_, index) => ({
        title: values[`attachments.${index}.title`],
        url: values[`attachments.${index}.url`],
        file: values[`attachments.${index}.file`],
      }))
        .filter((item) => item.title || item.url || item.file)
        .map(({ file, url, ...item }) => ({ ...item, ...(url ? { url } : {}), ...(file ? { file } : {}) })),
      networkDecision: {
        date: values['networkDecision.date'] ?? '',
        ...(values['networkDecision.note'] ? { note: values['networkDecision.note'] } : {}),
      },
      ...(values.process ? { process: values.process } : {}),
      ...(values.extendsCase ? { extendsCase: values.extendsCase } : {}),
      ...validityFrom(values),
      ...(values['proposal.coverLetter'] || values['proposal.decisionWording']
        ? {
            proposal: {
              ...(values['proposal.coverLetter'] ? { coverLetter: values['proposal.coverLetter'] } : {}),
              ...(values['proposal.decisionWording'] ? { decisionWording: values['proposal.decisionWording'] } : {}),
            },
          }
        : {}),
      ...(values['financing.amount']
        ? { financing: { amount: numberFrom(values['financing.amount']), period: values['financing.period'] ?? 'year', key: values['financing.key'] ?? 'population' } }
        : {}),
      ...(values.escalationDays ? { escalationDays: numberFrom(values.escalationDays) } : {}),
      ...(values['followUp.owner'] || values['followUp.months']
        ? { followUp: { owner: values['followUp.owner'] ?? '', months: numberFrom(values['followUp.months']) } }
        : {}),
    };
    // The register is read only when the form is shown again, not on the way to a new case.
    const rerender = async (status: number, errors: FieldErrors): Promise<void> => {
      const extendsCase = values.extendsCase ? { id: values.extendsCase, title: values.title ?? '' } : undefined;
      const choices = await this.newCaseChoices();
      const keptFiles = await this.files.keptFiles(Object.fromEntries(NEW_CASE_FILE_FIELDS.map((field) => [field, values[field]])));
      response.status(status).type('html').send(newCasePage({ coordinator: signedIn(session), requestId, values, parties, errors, extendsCase, keptFiles, ...choices }));
    };
    if (upload.refused) return rerender(upload.refused.status, { [upload.refused.field ?? '_form']: upload.refused.message });
    const parsed = createCaseSchema.safeParse(input);
    if (!parsed.success) return rerender(400, fieldErrorsFrom(parsed.error.issues));
    try {
      const created = await this.cases.create(parsed.data, 'coordinator', requestId);
      response.redirect(303, `/arenden/${created.id}`);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      await rerender(refusal.status, { _form: refusal.message });
    }
  }

  @Get('arenden/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async casePage(
    @Param('id') id: string,
    @Query('registrerat') recorded: unknown,
    @Query('indragna') revoked: unknown,
    @CurrentSession() session: CoordinatorSession,
  ): Promise<string> {
    return this.renderCase(parseCaseId(id), session, { recorded: recorded === '1', ...(typeof revoked === 'string' && isPartySlug(revoked) ? { revoked } : {}) });
  }

  /** Several parties' decisions from one meeting day on one form: checked all first, then recorded one by one. */
  @Post(`arenden/:id/${MEETING_ROUND}`)
  async recordMeetingRound(@Param('id') id: string, @Body() body: unknown, @CurrentSession() session: CoordinatorSession, @Res() response: Response): Promise<void> {
    const caseId = parseCaseId(id);
    const values = formValues(body);
    const requestId = formRequestId(values.requestId);
    const rerender = async (status: number, errors: FieldErrors): Promise<void> => {
      response
        .status(status)
        .type('html')
        .send(await this.renderCase(caseId, session, { failed: { action: MEETING_ROUND, values, errors } }));
    };
    const parties = [...new Set(Object.keys(values).map((key) => /^part\.([a-z0-9-]+)\.outcome$/.exec(key)?.[1]).filter((party): party is string => party !== undefined))];
    if (parties.length === 0) return rerender(400, { _form: 'Välj beslut för minst en part.' });
    const errors: FieldErrors = {};
    const steps = parties.flatMap((party) => {
      const reading = readStepForm('decision', {
        party,
        outcome: values[roundField(party, 'outcome')],
        date: values.date ?? '',
        ...(values.body ? { body: values.body } : {}),
        ...(values[roundField(party, 'paragraph')] ? { paragraph: values[roundField(party, 'paragraph')] } : {}),
      });
      if (reading.ok) return [{ party, step: reading.step }];
      for (const [field, message] of Object.entries(fieldErrorsFrom(reading.issues))) {
        const name = field === 'outcome' ? roundField(party, 'outcome') : field === 'paragraph' ? roundField(party, 'paragraph') : field;
        errors[name] ??= message;
      }
      return [];
    });
    if (Object.keys(errors).length > 0) return rerender(400, errors);
    const recorded: string[] = [];
    for (const { party, step } of steps) {
      try {
        await this.cases.record(caseId, step, 'coordinator', `${requestId}-${party}`, 'body', session.coordinator.name);
        recorded.push(party);
      } catch (error) {
        const refusal = formRefusal(error);
        if (!refusal) throw error;
        const done = recorded.length > 0 ? ` ${recorded.length} beslut före det registrerades.` : '';
        return rerender(refusal.status, { _form: `${refusal.message}${done}` });
      }
    }
    response.redirect(303, `/arenden/${caseId}?registrerat=1`);
  }

  @Post('arenden/:id/:action')
  async recordStep(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @CurrentSession() session: CoordinatorSession,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const caseId = parseCaseId(id);
    if (!isStepForm(action)) {
      response.redirect(303, `/arenden/${caseId}`);
      return;
    }
    const values = formValues(body);
    const { requestId: sentRequestId, _csrf: _token, ...formFields } = values;
    const raw = (body ?? {}) as Record<string, unknown>;
    // A form's file is stored first and named by its id, as the API's steps name files.
    const fileField = action === 'attachment' ? 'file' : 'minutesFile';
    const upload = await storeFormUploads(request, this.files, { actor: 'coordinator', name: session.coordinator.name });
    if (upload.stored[fileField]) formFields[fileField] = upload.stored[fileField];
    // A revision's parties are checkboxes: none checked means none chosen, not "all"; an attachment's number is a number.
    const fields =
      action === 'revision'
        ? { ...formFields, parties: ([] as unknown[]).concat(raw.parties ?? []).filter((party) => typeof party === 'string') }
        : action === 'attachment'
          ? { ...formFields, ...(formFields.replaces ? { replaces: numberFrom(formFields.replaces) } : {}) }
          : formFields;
    const requestId = formRequestId(sentRequestId);
    const rerender = async (status: number, errors: FieldErrors): Promise<void> => {
      const { [fileField]: keptFile } = await this.files.keptFiles({ [fileField]: formFields[fileField] });
      response
        .status(status)
        .type('html')
        .send(await this.renderCase(caseId, session, { failed: { action, values, errors, ...(keptFile ? { keptFile } : {}) } }));
    };
    if (upload.refused) return rerender(upload.refused.status, { [fileField]: upload.refused.message });
    const reading = readStepForm(action, fields);
    if (!reading.ok) return rerender(400, fieldErrorsFrom(reading.issues));
    try {
      await this.cases.record(caseId, reading.step, 'coordinator', requestId, 'body', session.coordinator.name);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      return rerender(refusal.status, { _form: refusal.message });
    }
    response.redirect(303, `/arenden/${caseId}?registrerat=1`);
  }

  /** The cost shares, or the refusal that says why they cannot be worked out (a population missing). */
  private async costSharesOrRefusal(caseId: string): Promise<CostSharesView | { refused: string }> {
    try {
      return await this.cases.costShares(caseId);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      return { refused: refusal.message };
    }
  }

  @Get('arenden/:id/kostnader.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async costSharesCsv(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const shares = await this.cases.costShares(parseCaseId(id));
    response.setHeader('Content-Disposition', `attachment; filename="overens-kostnader-${parseCaseId(id).slice(0, 8)}.csv"`);
    response.send(costSharesCsv(shares));
  }

  @Get('arenden/:id/lankar')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async partyLinks(@Param('id') id: string, @CurrentSession() session: CoordinatorSession): Promise<string> {
    const view = await this.cases.get(parseCaseId(id));
    const [links, contacts] = await Promise.all([this.cases.partyLinks(view), this.contacts.list()]);
    const emails = Object.fromEntries(contacts.parties.map((party) => [party.party, party.emails]));
    return partyLinksPage({ view, links, emails, organisation: this.config.names.organisation, coordinator: signedIn(session) });
  }

  @Get('arenden/:id/arkivpaket.zip')
  async archive(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const { fileName, zip } = await this.archives.archive(parseCaseId(id));
    response.type('application/zip').set('Content-Disposition', `attachment; filename="${fileName}"`).send(zip);
  }

  /** An uploaded file: an attachment or a party's minutes excerpt. */
  @Get('filer/:fileId')
  async file(@Param('fileId') fileId: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.files.read(parseFileId(fileId)));
  }

  private async renderCase(
    caseId: string,
    session: CoordinatorSession,
    extra: {
      recorded?: boolean;
      revoked?: string;
      failed?: { action: CaseAction | typeof MEETING_ROUND; values: Record<string, string>; errors: FieldErrors; keptFile?: { id: string; name: string } };
    },
  ): Promise<string> {
    const view = await this.cases.get(caseId);
    const costShares = view.financing ? await this.costSharesOrRefusal(caseId) : undefined;
    return casePage({
      ...(costShares ? { costShares } : {}),
      view,
      links: await this.cases.partyLinks(view),
      coordinator: signedIn(session),
      timeZone: this.config.timeZone,
      naming: new Naming(this.config.names).with(view.parties),
      requestId: randomUUID(),
      maxFileBytes: this.files.maxBytes,
      ...extra,
    });
  }
}

/** A number field: blank is absent, anything else a number (or NaN, which the schema refuses). */
function numberFrom(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** The validity fieldset, when any of it is filled in. */
function validityFrom(values: Record<string, string>): { validity?: unknown } {
  const names = ['validity.from', 'validity.months', 'validity.renewal.months', 'validity.renewal.noticeMonths'];
  if (!names.some((name) => values[name])) return {};
  const renewal =
    values['validity.renewal.months'] || values['validity.renewal.noticeMonths']
      ? { months: numberFrom(values['validity.renewal.months']), noticeMonths: numberFrom(values['validity.renewal.noticeMonths'] ?? '0') }
      : null;
  return {
    validity: {
      from: values['validity.from'] ?? '',
      months: numberFrom(values['validity.months']),
      renewal,
      warnDays: numberFrom(values['validity.warnDays'] ?? '90'),
    },
  };
}

function isStepForm(value: string): value is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(value) && findStepForm(value) !== undefined;
}

/** Unknown filter values are ignored: a hand-edited address still shows a page. */
/** Waiting cases per page of the overview. */
const OVERVIEW_PAGE_SIZE = 50;

/** Cases on the matrix page: the newest; the CSV holds them all. */
const MATRIX_PAGE_ROWS = 1000;

function matrixFilter(query: Record<string, unknown>): MatrixFilter {
  const stage = STAGES.find((candidate) => candidate === query.skede) as Stage | undefined;
  const party = typeof query.part === 'string' && isPartySlug(query.part) ? query.part : undefined;
  const group = typeof query.grupp === 'string' && isPartySlug(query.grupp) ? query.grupp : undefined;
  const columnPage = typeof query.kolumner === 'string' && /^[1-9][0-9]{0,3}$/.test(query.kolumner) ? Number(query.kolumner) : undefined;
  const text = typeof query.sok === 'string' ? query.sok.trim().slice(0, 200) : '';
  const mine = query.mina === '1';
  return {
    ...(stage ? { stage } : {}),
    ...(party ? { party } : {}),
    ...(text ? { text } : {}),
    ...(mine ? { mine } : {}),
    ...(group ? { group } : {}),
    ...(columnPage ? { columnPage } : {}),
  };
}
