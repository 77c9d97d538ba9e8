import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { groupInputSchema, partyInputSchema, type GroupView, type RegisterPartyView } from '../../libs/contract';
import { CoordinatorGuard } from './coordinator.guard';
import { RegisterService } from './register.service';
import { parseRegisterId } from './request-input';
import { parseInput } from './zod-input';

/** The register: who can take part in a case (contract version 2). */
@Controller('api/parties')
export class PartyController {
  constructor(private readonly register: RegisterService) {}

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
