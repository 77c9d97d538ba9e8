import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { replaceContactsSchema, type ContactListView, type PartyContactsView } from '../../libs/contract';
import { ContactService } from './contact.service';
import { CoordinatorGuard } from './coordinator.guard';
import { parsePartyId } from './request-input';
import { parseInput } from './zod-input';

@Controller('api/contacts')
@UseGuards(CoordinatorGuard)
export class ContactController {
  constructor(private readonly contacts: ContactService) {}

  @Get()
  list(): Promise<ContactListView> {
    return this.contacts.list();
  }

  @Put(':party')
  replace(@Param('party') party: string, @Body() body: unknown): Promise<PartyContactsView> {
    // An unknown party is named by the path: 404 before the body is read.
    const partyId = parsePartyId(party);
    return this.contacts.replace(partyId, parseInput(replaceContactsSchema, body, 'begäran'));
  }
}
