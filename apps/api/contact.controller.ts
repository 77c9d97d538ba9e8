import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { replaceContactsSchema, type ContactListView, type PartyContactsView } from '../../libs/contract';
import { isPartyId } from '../../libs/domain';
import { ApiError } from './api-error';
import { ContactService } from './contact.service';
import { CoordinatorGuard } from './coordinator.guard';
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
    if (!isPartyId(party)) throw new ApiError('not-found', 'Parten finns inte.');
    return this.contacts.replace(party, parseInput(replaceContactsSchema, body, 'begäran'));
  }
}
