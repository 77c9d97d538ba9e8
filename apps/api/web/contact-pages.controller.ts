import { Body, Controller, Get, Header, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { isPartySlug } from '../../../libs/domain';
import type { CoordinatorSession } from '../../../libs/persistence';
import { ContactService } from '../contact.service';
import { CoordinatorPageGuard, CurrentSession } from './coordinator-page.guard';
import { contactsChanged, readContactsForm } from './contacts-form';
import { contactsPage } from './contacts.view';
import { signedIn } from './layout';

/** The coordinator keeps every party's contacts on one form, checked with the API's own schema. */
@Controller('kontakter')
@UseGuards(CoordinatorPageGuard)
export class ContactPagesController {
  constructor(private readonly contacts: ContactService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(@Query('sparat') saved: unknown, @CurrentSession() session: CoordinatorSession): Promise<string> {
    const { parties } = await this.contacts.list();
    const changed = typeof saved === 'string' ? saved.split(',').filter(isPartySlug) : undefined;
    return contactsPage({ coordinator: signedIn(session), parties, ...(changed ? { saved: changed } : {}) });
  }

  /** Every party at once; while any field is wrong nothing is saved and the form comes back as written. */
  @Post()
  async save(@Body() body: unknown, @CurrentSession() session: CoordinatorSession, @Res() response: Response): Promise<void> {
    const { parties } = await this.contacts.list();
    const reading = readContactsForm(body, parties);
    if (!reading.ok) {
      response.status(400).type('html').send(contactsPage({ coordinator: signedIn(session), parties, failed: reading }));
      return;
    }
    const changed = parties.filter((party) => contactsChanged(party, reading.contacts.get(party.party)));
    for (const party of changed) await this.contacts.replace(party.party, reading.contacts.get(party.party)!);
    response.redirect(303, `/kontakter?sparat=${changed.map((party) => party.party).join(',')}`);
  }
}
