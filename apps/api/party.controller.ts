import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { groupInputSchema, partyInputSchema, type GroupView, type PartyCasesView, type RegisterPartyView } from '../../libs/contract';
import { CaseLinks } from '../../libs/links/case-links';
import { ApiError } from './api-error';
import { CallerIdentifier } from './caller';
import { PartyOverviewService } from './party-overview.service';
import { SecurityLog } from './security-log';
import { CoordinatorGuard } from './coordinator.guard';
import { RegisterService } from './register.service';
import { parsePartyId, parseRegisterId } from './request-input';
import { parseInput } from './zod-input';

/** The register: who can take part in a case (contract version 2). */
@Controller('api/parties')
export class PartyController {
  constructor(
    private readonly register: RegisterService,
    private readonly links: CaseLinks,
    private readonly callers: CallerIdentifier,
    private readonly overview: PartyOverviewService,
    private readonly securityLog: SecurityLog,
  ) {}

  @Get()
  list(): Promise<RegisterPartyView[]> {
    return this.register.listParties();
  }

  @Put(':party')
  @UseGuards(CoordinatorGuard)
  async save(@Param('party') id: string, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<RegisterPartyView> {
    const { party, created } = await this.register.saveParty(parseRegisterId(id), parseInput(partyInputSchema, body, 'begäran'));
    response.status(created ? 201 : 200);
    return party;
  }

  @Delete(':party')
  @UseGuards(CoordinatorGuard)
  @HttpCode(204)
  async retire(@Param('party') id: string): Promise<void> {
    await this.register.retireParty(parseRegisterId(id));
  }

  /** The party's own overview link, for the coordinator to send. */
  @Get(':party/link')
  @UseGuards(CoordinatorGuard)
  async link(@Param('party') id: string): Promise<{ url: string; expiresAt: string }> {
    const party = await this.knownParty(id);
    const { url, expiresAt } = await this.links.partyOverview(party);
    return { url, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /** Voids every link issued to the party until now, overview and per-case; new ones go out with the next reminder. */
  @Post(':party/links/revoke')
  @UseGuards(CoordinatorGuard)
  @HttpCode(204)
  async revoke(@Param('party') id: string): Promise<void> {
    const party = await this.knownParty(id);
    await this.register.revokeLinks(party);
    this.securityLog.record('party-links-revoked', { party });
  }

  /** What waits on the party: for the coordinator, or the party with its overview link as the bearer token. */
  @Get(':party/cases')
  async cases(@Param('party') id: string, @Headers('authorization') authorization?: string): Promise<PartyCasesView> {
    const caller = await this.callers.identify(authorization);
    if (!caller) throw new ApiError('unauthorized', 'Saknad eller ogiltig token: skicka Authorization: Bearer <token>.');
    const party = parsePartyId(id);
    if (caller.kind !== 'coordinator' && !(caller.kind === 'party-overview' && caller.party === party)) {
      throw new ApiError('forbidden', 'Länken gäller en annan part.');
    }
    await this.knownParty(party);
    return this.overview.casesFor(party);
  }

  private async knownParty(id: string): Promise<string> {
    const party = parsePartyId(id);
    if (!(await this.register.findParty(party))) throw new ApiError('not-found', 'Parten finns inte.');
    return party;
  }
}

@Controller('api/groups')
@UseGuards(CoordinatorGuard)
export class GroupController {
  constructor(private readonly register: RegisterService) {}

  @Get()
  list(): Promise<GroupView[]> {
    return this.register.listGroups();
  }

  @Put(':group')
  async save(@Param('group') id: string, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<GroupView> {
    const { group, created } = await this.register.saveGroup(parseRegisterId(id), parseInput(groupInputSchema, body, 'begäran'));
    response.status(created ? 201 : 200);
    return group;
  }
}
