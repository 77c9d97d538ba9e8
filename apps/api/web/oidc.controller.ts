import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CaseLinks } from '../../../libs/links/case-links';
import { CoordinatorRepository, PartyContactRepository } from '../../../libs/persistence';
import { ApiConfig } from '../api-config';
import { ApiError } from '../api-error';
import { RegisterService } from '../register.service';
import { SecurityLog } from '../security-log';
import { CoordinatorSessionService, SESSION_COOKIE } from './coordinator-session.service';
import { cookie, readCookie } from './cookies';
import { roleFromClaim, verifiedEmail, type OidcRole } from './oidc-roles';
import { OIDC_FLOW_COOKIE, OidcRefusal, OidcSignIn } from './oidc-sign-in.service';
import { safeReturnTo } from './sign-in.controller';

/**
 * Sign-in through the organisation's identity provider. A coordinator gets a session as
 * with a password; a party's user is sent to the party's own overview, by a link signed
 * now. Who someone is comes from the role claim, else from the lists the coordinator
 * keeps: the coordinators, and the parties' contact addresses.
 */
@Controller('logga-in/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcSignIn,
    private readonly sessions: CoordinatorSessionService,
    private readonly coordinators: CoordinatorRepository,
    private readonly contacts: PartyContactRepository,
    private readonly register: RegisterService,
    private readonly links: CaseLinks,
    private readonly securityLog: SecurityLog,
    private readonly config: ApiConfig,
  ) {}

  @Get()
  async start(@Query('tillbaka') returnTo: unknown, @Res() response: Response): Promise<void> {
    const { url, flowCookie } = await this.oidc.start(safeReturnTo(returnTo));
    response.append('Set-Cookie', this.flowCookie(flowCookie, 600));
    response.redirect(303, url);
  }

  @Get('svar')
  async finish(@Req() request: Request, @Res() response: Response): Promise<void> {
    // The flow's secrets are used once, whatever happens.
    response.append('Set-Cookie', this.flowCookie('', 0));
    const currentUrl = new URL(request.originalUrl, `${this.config.publicUrl}/`);
    let signedIn: { claims: Record<string, unknown>; returnTo: string };
    try {
      signedIn = await this.oidc.finish(currentUrl, readCookie(request.headers.cookie, OIDC_FLOW_COOKIE));
    } catch (error) {
      if (!(error instanceof OidcRefusal)) throw error;
      this.securityLog.record('sign-in-refused', { reason: `oidc-${error.reason}`, detail: error.detail.slice(0, 300) });
      throw new ApiError('forbidden', error.message);
    }
    const { claims, returnTo } = signedIn;
    const subject = String(claims.sub ?? '').slice(0, 200);
    const email = verifiedEmail(claims);
    const role = await this.roleOf(claims, email);
    if (!role) {
      this.securityLog.record('sign-in-refused', { reason: 'oidc-no-role', subject });
      throw new ApiError('forbidden', `Ditt konto är inte kopplat till Överens. Be ${this.config.names.organisation} om behörighet.`);
    }
    if (role.kind === 'party') {
      this.securityLog.record('party-signed-in', { party: role.party, subject, via: 'oidc' });
      response.redirect(303, (await this.links.partyOverview(role.party)).url);
      return;
    }
    if (!email) {
      this.securityLog.record('sign-in-refused', { reason: 'oidc-no-email', subject });
      throw new ApiError('forbidden', 'Identitetsleverantören uppgav ingen bekräftad e-postadress, som ett samordnarkonto behöver.');
    }
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
    const account = await this.coordinators.ensureForIdentity(email, name);
    this.securityLog.record('signed-in', { account: account.id, via: 'oidc', subject });
    const token = await this.sessions.startSession(account.id);
    response.append('Set-Cookie', cookie(SESSION_COOKIE, token, { secure: this.config.secureCookies, maxAgeSeconds: Math.floor(this.config.sessionIdleMs / 1000) }));
    response.redirect(303, returnTo);
  }

  /** The claim's role; else a coordinator's account, or exactly one active party whose contacts hold the address. */
  private async roleOf(claims: Record<string, unknown>, email: string | undefined): Promise<OidcRole | undefined> {
    const claimed = roleFromClaim(claims[this.oidc.roleClaim]);
    if (claimed?.kind === 'party') return (await this.isActiveParty(claimed.party)) ? claimed : undefined;
    if (claimed) return claimed;
    if (!email) return undefined;
    if (await this.coordinators.findByEmail(email)) return { kind: 'coordinator' };
    const parties = await this.contacts.partiesWithAddress(email);
    if (parties.length !== 1 || !(await this.isActiveParty(parties[0]))) return undefined;
    return { kind: 'party', party: parties[0] };
  }

  private async isActiveParty(party: string): Promise<boolean> {
    const registered = await this.register.findParty(party);
    return registered !== undefined && !registered.retired;
  }

  private flowCookie(value: string, maxAgeSeconds: number): string {
    return cookie(OIDC_FLOW_COOKIE, value, { secure: this.config.secureCookies, maxAgeSeconds });
  }
}
