import { Body, Controller, Get, Header, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { replaceContactsSchema } from '../../../libs/contract';
import { isPartySlug } from '../../../libs/domain';
import type { CoordinatorSession } from '../../../libs/persistence';
import { ApiError } from '../api-error';
import { ContactService } from '../contact.service';
import { CoordinatorPageGuard, CurrentSession } from './coordinator-page.guard';
import { contactsPage } from './contacts.view';
import { signedIn } from './layout';

/** The coordinator keeps the parties' contacts; the form is checked with the API's own schema. */
@Controller('kontakter')
@UseGuards(CoordinatorPageGuard)
export class ContactPagesController {
  constructor(private readonly contacts: ContactService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(@Query('sparat') saved: unknown, @CurrentSession() session: CoordinatorSession): Promise<string> {
    const { parties } = await this.contacts.list();
    return contactsPage({ coordinator: signedIn(session), parties, ...(typeof saved === 'string' && isPartySlug(saved) ? { saved } : {}) });
  }

  @Post(':party')
  async save(
    @Param('party') party: string,
    @Body() body: unknown,
    @CurrentSession() session: CoordinatorSession,
    @Res() response: Response,
  ): Promise<void> {
    if (!isPartySlug(party) || !(await this.contacts.exists(party))) throw new ApiError('not-found', 'Parten finns inte.');
    const raw = (body ?? {}) as Record<string, unknown>;
    const text = typeof raw.emails === 'string' ? raw.emails : '';
    // One a line, as asked; commas and semicolons too, as addresses pasted from a mail program come.
    const emails = text.split(/[\s,;]+/).filter((email) => email !== '');
    const escalationEmail = typeof raw.escalationEmail === 'string' ? raw.escalationEmail.trim() : '';
    const escalationRole = typeof raw.escalationRole === 'string' ? raw.escalationRole : '';
    const substituteEmail = typeof raw.substituteEmail === 'string' ? raw.substituteEmail.trim() : '';
    const substituteFrom = typeof raw.substituteFrom === 'string' ? raw.substituteFrom.trim() : '';
    const substituteTo = typeof raw.substituteTo === 'string' ? raw.substituteTo.trim() : '';
    // No escalation or substitute address means none: the form always says what the party has.
    const parsed = replaceContactsSchema.safeParse({
      emails,
      escalation: escalationEmail ? { email: escalationEmail, role: escalationRole } : null,
      substitute: substituteEmail ? { email: substituteEmail, from: substituteFrom, to: substituteTo } : null,
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const [field, index] = issue.path;
        const name =
          field === 'escalation'
            ? index === 'role' ? 'escalationRole' : 'escalationEmail'
            : field === 'substitute'
              ? index === 'from' ? 'substituteFrom' : index === 'to' ? 'substituteTo' : 'substituteEmail'
              : 'emails';
        if (errors[name]) continue;
        errors[name] = name === 'emails' && typeof index === 'number' && !issue.message.includes(emails[index]) ? `${emails[index]}: ${issue.message}` : issue.message;
      }
      const { parties } = await this.contacts.list();
      const failed = { party, values: { emails: text, escalationEmail, escalationRole, substituteEmail, substituteFrom, substituteTo }, errors };
      response.status(400).type('html').send(contactsPage({ coordinator: signedIn(session), parties, failed }));
      return;
    }
    await this.contacts.replace(party, parsed.data);
    response.redirect(303, `/kontakter?sparat=${party}#kontakt-${party}`);
  }
}
