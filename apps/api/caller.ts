import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { ApiConfig } from './api-config';
import { CaseLinks } from '../../libs/links/case-links';
import { isOverviewToken, type PartyLinkClaim } from '../../libs/links/party-link';
import { SecurityLog } from './security-log';
import { ApiTokenRepository, NAMED_TOKEN_PREFIX, tokenDigest } from '../../libs/persistence';

/** Who is calling the API: the coordinator with the admin token, or a party with a case link or its overview link. */
export type Caller =
  /** `name`: the named API token's, when the call carried one (the shared admin token has none). */
  | { readonly kind: 'coordinator'; readonly name?: string }
  | { readonly kind: 'party'; readonly claim: PartyLinkClaim }
  | { readonly kind: 'party-overview'; readonly party: string };

@Injectable()
export class CallerIdentifier {
  private readonly adminDigest: Buffer;

  constructor(
    config: ApiConfig,
    private readonly links: CaseLinks,
    private readonly securityLog: SecurityLog,
    private readonly tokens: ApiTokenRepository,
  ) {
    this.adminDigest = tokenDigest(config.adminToken);
  }

  /** The caller of an `Authorization: Bearer …` header; undefined when nobody is proven. */
  async identify(authorization: string | undefined): Promise<Caller | undefined> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return undefined;
    const token = match[1];
    // Compare digests: equal length, constant time, whatever was sent.
    if (timingSafeEqual(tokenDigest(token), this.adminDigest)) return { kind: 'coordinator' };
    if (token.startsWith(NAMED_TOKEN_PREFIX)) {
      const name = await this.tokens.nameOf(token);
      return name === undefined ? this.refused(token, 'invalid') : { kind: 'coordinator', name };
    }
    if (isOverviewToken(token)) {
      const overview = await this.links.verifyOverview(token);
      if (typeof overview !== 'string') return { kind: 'party-overview', party: overview.party };
      return this.refused(token, overview);
    }
    const claim = await this.links.verifyCase(token);
    return typeof claim === 'string' ? this.refused(token, claim) : { kind: 'party', claim };
  }

  private refused(token: string, refusal: 'invalid' | 'revoked'): undefined {
    this.securityLog.record(refusal === 'revoked' ? 'bearer-revoked' : 'bearer-refused', { token: token.slice(0, 12) });
    return undefined;
  }
}

