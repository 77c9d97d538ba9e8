import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  councilOutcomeSchema,
  createCaseSchema,
  decisionSchema,
  listCasesQuerySchema,
  networkOutcomeSchema,
  type CaseView,
} from '../../libs/contract';
import { CaseService } from './case.service';
import { CoordinatorGuard } from './coordinator.guard';
import { parseCaseId, parseIdempotencyKey } from './request-input';
import { parseInput } from './zod-input';

@Controller('api/cases')
@UseGuards(CoordinatorGuard)
export class CaseController {
  constructor(private readonly cases: CaseService) {}

  @Post()
  @HttpCode(201)
  create(@Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const requestId = parseIdempotencyKey(key);
    return this.cases.create(parseInput(createCaseSchema, body, 'begäran'), 'coordinator', requestId);
  }

  @Get()
  list(@Query() query: unknown): Promise<{ items: CaseView[]; total: number }> {
    return this.cases.list(parseInput(listCasesQuerySchema, query, 'fråga'));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<CaseView> {
    return this.cases.get(parseCaseId(id));
  }

  @Post(':id/council')
  @HttpCode(200)
  council(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.recordCouncilOutcome(caseId, parseInput(councilOutcomeSchema, body, 'begäran'), 'coordinator', requestId);
  }

  @Post(':id/network')
  @HttpCode(200)
  network(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.recordNetworkOutcome(caseId, parseInput(networkOutcomeSchema, body, 'begäran'), 'coordinator', requestId);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  decision(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string): Promise<CaseView> {
    const caseId = parseCaseId(id);
    const requestId = parseIdempotencyKey(key);
    return this.cases.recordDecision(caseId, parseInput(decisionSchema, body, 'begäran'), 'coordinator', requestId);
  }
}
