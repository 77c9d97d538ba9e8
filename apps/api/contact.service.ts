import { Injectable } from '@nestjs/common';
import type { ContactListView, PartyContactsView, ReplaceContactsBody } from '../../libs/contract';
import { PartyContactRepository } from '../../libs/persistence';
import { ApiError } from './api-error';
import { RegisterService } from './register.service';

/** The parties' contacts, kept by the coordinator: whom the reminders go to. */
@Injectable()
export class ContactService {
  constructor(
    private readonly contacts: PartyContactRepository,
    private readonly register: RegisterService,
  ) {}

  /** Every active party, each with its addresses (perhaps none). */
  async list(): Promise<ContactListView> {
    const [byParty, escalation, substitutes, parties] = await Promise.all([
      this.contacts.listAll(),
      this.contacts.escalationContacts(),
      this.contacts.substitutes(),
      this.register.listParties(),
    ]);
    return {
      parties: parties.map((party) => ({
        party: party.id,
        name: party.name,
        emails: byParty.get(party.id) ?? [],
        escalation: escalation.get(party.id) ?? null,
        substitute: substitutes.get(party.id) ?? null,
      })),
    };
  }

  async exists(partyId: string): Promise<boolean> {
    return (await this.register.findParty(partyId)) !== undefined;
  }

  async replace(partyId: string, body: ReplaceContactsBody): Promise<PartyContactsView> {
    const party = await this.register.findParty(partyId);
    if (!party) throw new ApiError('not-found', 'Parten finns inte.');
    const emails = await this.contacts.replaceFor(party.id, body.emails);
    if (body.escalation !== undefined) await this.contacts.setEscalationFor(party.id, body.escalation);
    if (body.substitute !== undefined) await this.contacts.setSubstituteFor(party.id, body.substitute);
    const [escalation, substitute] = await Promise.all([this.contacts.escalationContacts(party.id), this.contacts.substitutes(party.id)]);
    return { party: party.id, name: party.name, emails, escalation: escalation.get(party.id) ?? null, substitute: substitute.get(party.id) ?? null };
  }
}
