import { Controller, Get, Header, Param } from '@nestjs/common';
import { CaseLinks } from '../../../libs/links/case-links';
import { tokenFromOverviewPath } from '../../../libs/links/party-link';
import { ApiConfig } from '../api-config';
import { ApiError } from '../api-error';
import { PartyOverviewService } from '../party-overview.service';
import { RegisterService } from '../register.service';
import { SecurityLog } from '../security-log';
import { linkRefusedMessage } from './link-refusal';
import { partyOverviewPage } from './party-overview.view';

/** A party's overview behind its own signed link (`/part/<party>/<expiry>.<signature>`): no login. */
@Controller('part')
export class PartyOverviewController {
  constructor(
    private readonly links: CaseLinks,
    private readonly overview: PartyOverviewService,
    private readonly register: RegisterService,
    private readonly securityLog: SecurityLog,
    private readonly config: ApiConfig,
  ) {}

  @Get(':party/:signature')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(@Param('party') partyParam: string, @Param('signature') signature: string): Promise<string> {
    const checked = await this.links.verifyOverview(tokenFromOverviewPath(partyParam, signature));
    if (typeof checked === 'string') {
      this.securityLog.record(checked === 'revoked' ? 'party-link-revoked' : 'party-link-refused', { party: partyParam.slice(0, 40) });
      throw new ApiError('forbidden', linkRefusedMessage(checked, this.config.names.organisation));
    }
    const { items } = await this.overview.casesFor(checked.party);
    const answerLinks = Object.fromEntries(await Promise.all(items.map(async (item) => [item.id, await this.links.partyPage(item.id, checked.party)] as const)));
    const registered = await this.register.findParty(checked.party);
    return partyOverviewPage({ partyName: registered?.name ?? checked.party, organisation: this.config.names.organisation, cases: items, answerLinks });
  }
}
