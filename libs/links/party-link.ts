import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a party's link proves: this party may answer this case, until `expiresAt`. */
export interface PartyLinkClaim {
  readonly caseId: string;
  readonly party: string;
  readonly expiresAt: number;
}

const VERSION = 'v1';
const DEFAULT_VALIDITY_SECONDS = 400 * 24 * 60 * 60;

/**
 * Signs and checks the tokens in the parties' own links: `v1.<case>.<party>.<expiry>.<mac>`
 * with an HMAC-SHA256 over the rest. Unguessable without the secret; bound to one case
 * and one party; no login needed.
 */
export class PartyLinkSigner {
  constructor(private readonly secret: string) {}

  sign(caseId: string, party: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
    const payload = `${VERSION}.${caseId}.${party}.${nowSeconds + DEFAULT_VALIDITY_SECONDS}`;
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claim of a genuine, unexpired token; undefined for anything else. */
  verify(token: string, nowSeconds = Math.floor(Date.now() / 1000)): PartyLinkClaim | undefined {
    const parts = token.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) return undefined;
    const [, caseId, party, expiry, mac] = parts;
    const expected = Buffer.from(this.mac(parts.slice(0, 4).join('.')));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const expiresAt = Number(expiry);
    if (!Number.isSafeInteger(expiresAt) || expiresAt <= nowSeconds) return undefined;
    return { caseId, party, expiresAt };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

/**
 * Where a party's own page lives: `/svar/<case>/<party>/<expiry>.<mac>`. The address
 * names the case and party, and the mac holds only for those, so a link changed to
 * another case or party is refused.
 */
export function partyLinkPath(token: string): string {
  const [, caseId, party, expiry, mac] = token.split('.');
  return `/svar/${caseId}/${party}/${expiry}.${mac}`;
}

/** The full token behind a page address (the same that works as a Bearer token in the API). */
export function tokenFromLinkPath(caseId: string, party: string, signature: string): string {
  return `${VERSION}.${caseId}.${party}.${signature}`;
}
