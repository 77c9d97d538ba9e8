import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiConfig } from './api-config';
import { PartyLinkSigner, type PartyLinkClaim } from '../../libs/links/party-link';
import { SecurityLog } from './security-log';

/** Who is calling the API: the coordinator with the admin token, or a party with its link. */
export type Caller = { readonly kind: 'coordinator' } | { readonly kind: 'party'; readonly claim: PartyLinkClaim };

@Injectable()
export class CallerIdentifier {
  private readonly adminDigest: Buffer;

  constructor(
    config: ApiConfig,
    private readonly links: PartyLinkSigner,
    private readonly securityLog: SecurityLog,
  ) {
    this.adminDigest = digest(config.adminToken);
  }

  /** The caller of an `Authorization: Bearer …` header; undefined when nobody is proven. */
  identify(authorization: string | undefined): Caller | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return undefined;
    // Compare digests: equal length, constant time, whatever was sent.
    if (timingSafeEqual(digest(match[1]), this.adminDigest)) return { kind: 'coordinator' };
    const claim = this.links.verify(match[1]);
    if (!claim) this.securityLog.record('bearer-refused', { token: match[1].slice(0, 12) });
    return claim ? { kind: 'party', claim } : undefined;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
