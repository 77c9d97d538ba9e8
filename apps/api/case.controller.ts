import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  appealSchema,
  councilOutcomeSchema,
  createCaseSchema,
  deadlineSchema,
  decisionSchema,
  followUpSchema,
  listCasesQuerySchema,
  networkOutcomeSchema,
  postingSchema,
  reminderSchema,
  revisionSchema,
  terminationSchema,
  type CaseView,
} from '../../libs/contract';
import { CaseService } from './case.service';
import { ApiError } from './api-error';
import { CallerIdentifier } from './caller';
import { CoordinatorGuard } from './coordinator.guard';
import { parseCaseId, parseIdempotencyKey, parsePartyId } from './request-input';
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

  @Post(':id/deadline')
  @UseGuards(CoordinatorGuard)
  @HttpCode(200)
  deadline(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.moveDeadline(caseId, parseInput(deadlineSchema, body, 'begäran'), 'coordinator', requestId);
  }

  @Post(':id/reminders')
  @UseGuards(CoordinatorGuard)
  @HttpCode(200)
  remind(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.remind(caseId, parseInput(reminderSchema, body ?? {}, 'begäran'), 'coordinator', requestId);
  }

  /** The coordinator, or the party itself with its link, reports when its minutes were posted. */
  @Post(':id/parties/:party/posting')
  @HttpCode(200)
  posting(
    @Param('id') id: string,
    @Param('party') party: string,
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
    @Headers('idempotency-key') key?: string,
  ): Promise<CaseView> {
    const caller = this.callers.identify(authorization);
    if (!caller) throw new ApiError('unauthorized', 'Saknad eller ogiltig token: skicka Authorization: Bearer <token>.');
    const caseId = parseCaseId(id);
    const partyId = parsePartyId(party);
    const requestId = parseIdempotencyKey(key);
    const input = parseInput(postingSchema, body, 'begäran');
    if (caller.kind === 'party' && (caller.claim.caseId !== caseId || caller.claim.party !== partyId)) {
      throw new ApiError('forbidden', 'Länken gäller en annan part eller ett annat ärende.');
    }
    const actor = caller.kind === 'party' ? (`party:${caller.claim.party}` as const) : 'coordinator';
    return this.cases.recordPosting(caseId, partyId, input, actor, requestId);
  }

  @Post(':id/parties/:party/appeals')
  @UseGuards(CoordinatorGuard)
  @HttpCode(200)
  appeal(@Param('id') id: string, @Param('party') party: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    return this.partyStep(id, party, key, (caseId, partyId, requestId) =>
      this.cases.recordAppeal(caseId, partyId, parseInput(appealSchema, body, 'begäran'), 'coordinator', requestId),
    );
  }

  @Post(':id/parties/:party/termination')
  @UseGuards(CoordinatorGuard)
  @HttpCode(200)
  terminate(@Param('id') id: string, @Param('party') party: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    return this.partyStep(id, party, key, (caseId, partyId, requestId) =>
      this.cases.recordTermination(caseId, partyId, parseInput(terminationSchema, body, 'begäran'), 'coordinator', requestId),
    );
  }

  @Post(':id/follow-up')
  @UseGuards(CoordinatorGuard)
  @HttpCode(200)
  followUp(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.recordFollowUp(caseId, parseInput(followUpSchema, body, 'begäran'), 'coordinator', requestId);
  }

  /** Path and header parsed in the same order as every other step: case, party, key. */
  private partyStep(
    id: string,
    party: string,
    key: string | undefined,
    record: (caseId: string, party: string, requestId: string | undefined) => Promise<CaseView>,
  ): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const partyId = parsePartyId(party);
    return record(caseId, partyId, parseIdempotencyKey(key));
  }

  @Get(':id/parties/:party/link')
  @UseGuards(CoordinatorGuard)
  link(@Param('id') id: string, @Param('party') party: string): Promise<{ url: string }> {
    return this.cases.partyLink(parseCaseId(id), party);
  }
}
