import { Injectable } from '@nestjs/common';
import type { ContactListView, PartyContactsView, ReplaceContactsBody } from '../../libs/contract';
import { PARTIES, findParty } from '../../libs/domain';
import { PartyContactRepository } from '../../libs/persistence';
import { ApiError } from './api-error';

/** The parties' contacts, kept by the coordinator: whom the reminders go to. */
@Injectable()
export class ContactService {
  constructor(private readonly contacts: PartyContactRepository) {}

  /** All 16 parties, each with its addresses (perhaps none). */
  async list(): Promise<ContactListView> {
    const byParty = await this.contacts.listAll();
    return { parties: PARTIES.map((party) => ({ party: party.id, name: party.name, emails: byParty.get(party.id) ?? [] })) };
  }

  async replace(partyId: string, body: ReplaceContactsBody): Promise<PartyContactsView> {
    const party = findParty(partyId);
    if (!party) throw new ApiError('not-found', 'Parten finns inte.');
    const emails = await this.contacts.replaceFor(party.id, body.emails);
    return { party: party.id, name: party.name, emails };
  }
}
