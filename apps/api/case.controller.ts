import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  councilOutcomeSchema,
  createCaseSchema,
  decisionSchema,
  listCasesQuerySchema,
  networkOutcomeSchema,
  revisionSchema,
  type CaseView,
} from '../../libs/contract';
import { CaseService } from './case.service';
import { ApiError } from './api-error';
import { CallerIdentifier } from './caller';
import { CoordinatorGuard } from './coordinator.guard';
import { parseCaseId, parseIdempotencyKey } from './request-input';
import { parseInput } from './zod-input';

@Controller('api/cases')
export class CaseController {
  constructor(
    private readonly cases: CaseService,
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

  @Post(':id/council')
  @UseGuards(CoordinatorGuard)
  @HttpCode(200)
  council(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.recordCouncilOutcome(caseId, parseInput(councilOutcomeSchema, body, 'begäran'), 'coordinator', requestId);
  }

  @Post(':id/network')
  @UseGuards(CoordinatorGuard)
  @HttpCode(200)
  network(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.recordNetworkOutcome(caseId, parseInput(networkOutcomeSchema, body, 'begäran'), 'coordinator', requestId);
  }

  /** The coordinator, or a party with its own link for this case, answering for itself. */
  @Post(':id/decisions')
  @HttpCode(200)
  decision(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
    @Headers('idempotency-key') key?: string,
  ): Promise<CaseView> {
    const caller = this.callers.identify(authorization);
    if (!caller) throw new ApiError('unauthorized', 'Saknad eller ogiltig token: skicka Authorization: Bearer <token>.');
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    const input = parseInput(decisionSchema, body, 'begäran');
    if (caller.kind === 'party' && (caller.claim.caseId !== caseId || caller.claim.party !== input.party)) {
      throw new ApiError('forbidden', 'Länken gäller en annan part eller ett annat ärende.');
    }
    const actor = caller.kind === 'party' ? (`party:${caller.claim.party}` as const) : 'coordinator';
    return this.cases.recordDecision(caseId, input, actor, requestId);
  }

  @Post(':id/revisions')
  @UseGuards(CoordinatorGuard)
  @HttpCode(200)
  revise(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.revise(caseId, parseInput(revisionSchema, body, 'begäran'), 'coordinator', requestId);
  }

  @Get(':id/parties/:party/link')
  @UseGuards(CoordinatorGuard)
  link(@Param('id') id: string, @Param('party') party: string): Promise<{ url: string }> {
    return this.cases.partyLink(parseCaseId(id), party);
  }
}
