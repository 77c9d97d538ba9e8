import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { substituteSchema } from '../../../libs/contract';
import { CaseLinks } from '../../../libs/links/case-links';
import { partyOverviewPath, tokenFromOverviewPath } from '../../../libs/links/party-link';
import { PartyContactRepository } from '../../../libs/persistence';
import { ApiConfig } from '../api-config';
import { ApiError } from '../api-error';
import { PartyOverviewService } from '../party-overview.service';
import { RegisterService } from '../register.service';
import { SecurityLog } from '../security-log';
import { fieldErrorsFrom, formValues } from './form-fields';
import { linkRefusedMessage } from './link-refusal';
import { partyOverviewPage, type SubstituteForm } from './party-overview.view';

/** A party's overview behind its own signed link (`/part/<party>/<expiry>.<signature>`): no login. */
@Controller('part')
export class PartyOverviewController {
  constructor(
    private readonly links: CaseLinks,
    private readonly overview: PartyOverviewService,
    private readonly register: RegisterService,
    private readonly securityLog: SecurityLog,
    private readonly config: ApiConfig,
    private readonly contacts: PartyContactRepository,
  ) {}

  @Get(':party/:signature')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(@Param('party') partyParam: string, @Param('signature') signature: string, @Query('ersattare') changed: unknown): Promise<string> {
    const party = await this.party(partyParam, signature);
    return this.page(party, signature, { ...(changed === 'sparad' || changed === 'borttagen' ? { changed } : {}) });
  }

  /**
   * The party names who stands in for its contacts in a period (a vacation), or takes the
   * substitute away: its e-mails go to the substitute too in that period, as when the
   * coordinator names one.
   */
  @Post(':party/:signature/ersattare')
  async substitute(@Param('party') partyParam: string, @Param('signature') signature: string, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const party = await this.party(partyParam, signature);
    const values = formValues(body);
    const back = partyOverviewPath(tokenFromOverviewPath(party, signature));
    if (values.remove === '1') {
      await this.contacts.setSubstituteFor(party, null);
      this.securityLog.record('substitute-removed-by-party', { party });
      response.redirect(303, `${back}?ersattare=borttagen#ersattare`);
      return;
    }
    const parsed = substituteSchema.safeParse({ email: values.email ?? '', from: values.from ?? '', to: values.to ?? '' });
    if (!parsed.success) {
      const errors = fieldErrorsFrom(parsed.error.issues);
      response.status(400).type('html').send(await this.page(party, signature, { values, errors }));
      return;
    }
    await this.contacts.setSubstituteFor(party, parsed.data);
    this.securityLog.record('substitute-named-by-party', { party, from: parsed.data.from, to: parsed.data.to });
    response.redirect(303, `${back}?ersattare=sparad#ersattare`);
  }

  /** The party of a genuine overview link; a voided or forged one is refused, and logged. */
  private async party(partyParam: string, signature: string): Promise<string> {
    const checked = await this.links.verifyOverview(tokenFromOverviewPath(partyParam, signature));
    if (typeof checked === 'string') {
      this.securityLog.record(checked === 'revoked' ? 'party-link-revoked' : 'party-link-refused', { party: partyParam.slice(0, 40) });
      throw new ApiError('forbidden', linkRefusedMessage(checked, this.config.names.organisation));
    }
    return checked.party;
  }

  private async page(party: string, signature: string, substituteForm: Omit<SubstituteForm, 'current' | 'action'>): Promise<string> {
    const { items } = await this.overview.casesFor(party);
    const answerLinks = Object.fromEntries(await Promise.all(items.map(async (item) => [item.id, await this.links.partyPage(item.id, party)] as const)));
    const registered = await this.register.findParty(party);
    const current = (await this.contacts.substitutes(party)).get(party) ?? null;
    return partyOverviewPage({
      partyName: registered?.name ?? party,
      organisation: this.config.names.organisation,
      cases: items,
      answerLinks,
      substitute: { ...substituteForm, current, action: `${partyOverviewPath(tokenFromOverviewPath(party, signature))}/ersattare` },
    });
  }
}
