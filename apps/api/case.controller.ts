import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { createCaseSchema, findStepRoute, listCasesQuerySchema, type CaseView, type CostSharesView, type StepRoute } from '../../libs/contract';
import { CaseService } from './case.service';
import { CaseArchiveService } from './case-archive.service';
import { ApiError } from './api-error';
import { CallerIdentifier } from './caller';
import { CoordinatorGuard } from './coordinator.guard';
import { parseCaseId, parseIdempotencyKey, parsePartyId } from './request-input';
import { parseInput, validationError } from './zod-input';

@Controller('api/cases')
export class CaseController {
  constructor(
    private readonly cases: CaseService,
    private readonly archives: CaseArchiveService,
    private readonly callers: CallerIdentifier,
  ) {}

  @Post()
  @UseGuards(CoordinatorGuard)
  @HttpCode(201)
  create(@Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const requestId = parseIdempotencyKey(key);
    return this.cases.create(parseInput(createCaseSchema, body, 'begäran'), 'coordinator', requestId);
  }

  @Get()
  @UseGuards(CoordinatorGuard)
  list(@Query() query: unknown): Promise<{ items: CaseView[]; total: number }> {
    return this.cases.list(parseInput(listCasesQuerySchema, query, 'fråga'));
  }

  @Get(':id')
  @UseGuards(CoordinatorGuard)
  get(@Param('id') id: string): Promise<CaseView> {
    return this.cases.get(parseCaseId(id));
  }

  /** Every kind of step (libs/contract/step-kinds): `POST /api/cases/{id}/<step>`. */
  @Post(':id/:step')
  @HttpCode(200)
  step(
    @Param('id') id: string,
    @Param('step') path: string,
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
    @Headers('idempotency-key') key?: string,
  ): Promise<CaseView> {
    return this.takeStep(findStepRoute(path, false), id, undefined, body, authorization, key);
  }

  /** The steps about one party: `POST /api/cases/{id}/parties/{party}/<step>`. */
  @Post(':id/parties/:party/:step')
  @HttpCode(200)
  partyStep(
    @Param('id') id: string,
    @Param('party') party: string,
    @Param('step') path: string,
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
    @Headers('idempotency-key') key?: string,
  ): Promise<CaseView> {
    return this.takeStep(findStepRoute(path, true), id, party, body, authorization, key);
  }

  /** Who may take the step, then path, key and body, in that order; a party only for itself. */
  private async takeStep(
    route: StepRoute | undefined,
    id: string,
    party: string | undefined,
    body: unknown,
    authorization: string | undefined,
    key: string | undefined,
  ): Promise<CaseView> {
    if (!route) throw new ApiError('not-found', 'Det finns inget sådant steg.');
    const caller = await this.callers.identify(authorization);
    if (!caller) throw new ApiError('unauthorized', 'Saknad eller ogiltig token: skicka Authorization: Bearer <token>.');
    // An overview link shows what waits on a party; answering takes the case's own link.
    if (caller.kind === 'party-overview') throw new ApiError('forbidden', 'Översiktslänken räcker inte för att svara: använd ärendets egen länk.');
    if (caller.kind === 'party' && route.takenBy === 'coordinator') {
      throw new ApiError('forbidden', 'En parts länk räcker inte för det här anropet.');
    }
    const caseId = parseCaseId(id);
    const partyId = party === undefined ? undefined : parsePartyId(party);
    const requestId = parseIdempotencyKey(key);
    const reading = route.read(body, partyId);
    if (!reading.ok) throw validationError(reading.issues, 'begäran');
    if (caller.kind === 'party' && (caller.claim.caseId !== caseId || caller.claim.party !== reading.step.party)) {
      throw new ApiError('forbidden', 'Länken gäller en annan part eller ett annat ärende.');
    }
    const actor = caller.kind === 'party' ? (`party:${caller.claim.party}` as const) : 'coordinator';
    // A named API token is recorded by its name, as a coordinator signed in on the pages is.
    const by = caller.kind === 'coordinator' ? caller.name : undefined;
    return this.cases.record(caseId, reading.step, actor, requestId, route.partyInPath ? 'path' : 'body', by);
  }

  @Get(':id/cost-shares')
  @UseGuards(CoordinatorGuard)
  costShares(@Param('id') id: string): Promise<CostSharesView> {
    return this.cases.costShares(parseCaseId(id));
  }

  @Get(':id/archive')
  @UseGuards(CoordinatorGuard)
  async archive(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const { fileName, zip } = await this.archives.archive(parseCaseId(id));
    response.type('application/zip').set('Content-Disposition', `attachment; filename="${fileName}"`).send(zip);
  }

  @Get(':id/parties/:party/link')
  @UseGuards(CoordinatorGuard)
  link(@Param('id') id: string, @Param('party') party: string): Promise<{ url: string }> {
    return this.cases.partyLink(parseCaseId(id), party);
  }
}
