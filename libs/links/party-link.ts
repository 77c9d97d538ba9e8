import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a party's link to one case proves: this party may answer this case, until `expiresAt`. */
export interface PartyLinkClaim {
  readonly caseId: string;
  readonly party: string;
  readonly expiresAt: number;
}

/** What a party's overview link proves: this party may see what waits on it, until `expiresAt`. */
export interface PartyOverviewClaim {
  readonly party: string;
  readonly expiresAt: number;
}

/** Why a token was refused: forged or expired, or signed before the party's links were revoked. */
export type LinkRefusal = 'invalid' | 'revoked';

const CASE_VERSION = 'v1';
const OVERVIEW_VERSION = 'p1';
export const LINK_VALIDITY_SECONDS = 400 * 24 * 60 * 60;
/**
 * Links signed within the same 30 days are the same link: a party finds the address of
 * last week's reminder in this week's; each holds at least 370 days.
 */
const LINK_STABLE_SECONDS = 30 * 24 * 60 * 60;

function expiryFrom(nowSeconds: number): number {
  return nowSeconds - (nowSeconds % LINK_STABLE_SECONDS) + LINK_VALIDITY_SECONDS;
}

/**
 * Signs and checks the tokens in the parties' own links: `v1.<case>.<party>.<expiry>.<mac>`
 * for one case and `p1.<party>.<expiry>.<mac>` for the party's overview, an HMAC-SHA256
 * over the rest and the party's link generation. Revoking a party's links raises its
 * generation, so every token signed before no longer holds; generation 0 signs as links
 * did before revocation existed, so those stay valid until their party's first revocation.
 */
export class PartyLinkSigner {
  constructor(private readonly secret: string) {}

  sign(caseId: string, party: string, generation = 0, nowSeconds = Math.floor(Date.now() / 1000)): string {
    return this.signed(`${CASE_VERSION}.${caseId}.${party}.${expiryFrom(nowSeconds)}`, generation);
  }

  signOverview(party: string, generation = 0, nowSeconds = Math.floor(Date.now() / 1000)): string {
    return this.signed(`${OVERVIEW_VERSION}.${party}.${expiryFrom(nowSeconds)}`, generation);
  }

  /** The claim of a genuine, unexpired case token of the party's current generation. */
  verify(token: string, generation = 0, nowSeconds = Math.floor(Date.now() / 1000)): PartyLinkClaim | undefined {
    const checked = this.check(token, CASE_VERSION, 5, generation, nowSeconds);
    if (typeof checked === 'string') return undefined;
    const [, caseId, party] = checked.parts;
    return { caseId, party, expiresAt: checked.expiresAt };
  }

  verifyOverview(token: string, generation = 0, nowSeconds = Math.floor(Date.now() / 1000)): PartyOverviewClaim | undefined {
    const checked = this.check(token, OVERVIEW_VERSION, 4, generation, nowSeconds);
    if (typeof checked === 'string') return undefined;
    return { party: checked.parts[1], expiresAt: checked.expiresAt };
  }

  /** Why a token that did not verify was refused: `revoked` when an earlier generation signed it (and it has not expired). */
  refusal(token: string, generation: number, nowSeconds = Math.floor(Date.now() / 1000)): LinkRefusal {
    const version = isOverviewToken(token) ? OVERVIEW_VERSION : CASE_VERSION;
    const count = version === OVERVIEW_VERSION ? 4 : 5;
    for (let earlier = 0; earlier < generation; earlier++) {
      if (typeof this.check(token, version, count, earlier, nowSeconds) !== 'string') return 'revoked';
    }
    return 'invalid';
  }

  private check(token: string, version: string, count: number, generation: number, nowSeconds: number): { parts: string[]; expiresAt: number } | LinkRefusal {
    const parts = token.split('.');
    if (parts.length !== count || parts[0] !== version) return 'invalid';
    const expected = Buffer.from(this.mac(parts.slice(0, -1).join('.'), generation));
    const given = Buffer.from(parts[parts.length - 1]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    const expiresAt = Number(parts[parts.length - 2]);
    if (!Number.isSafeInteger(expiresAt) || expiresAt <= nowSeconds) return 'invalid';
    return { parts, expiresAt };
  }

  private signed(payload: string, generation: number): string {
    return `${payload}.${this.mac(payload, generation)}`;
  }

  private mac(payload: string, generation: number): string {
    return createHmac('sha256', this.secret).update(generation === 0 ? payload : `${payload}.g${generation}`).digest('base64url');
  }
}

/** Whether a token is an overview token (`p1.…`) rather than one case's. */
export function isOverviewToken(token: string): boolean {
  return token.startsWith(`${OVERVIEW_VERSION}.`);
}

/** The party a token speaks for, read before it is verified (to look up its generation); undefined when it names none. */
export function partyOfToken(token: string): string | undefined {
  const parts = token.split('.');
  if (parts[0] === CASE_VERSION && parts.length === 5) return parts[2];
  if (parts[0] === OVERVIEW_VERSION && parts.length === 4) return parts[1];
  return undefined;
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

/** Where a party fetches one of its case's files: under its own page for the case (an address, or a full URL). */
export function partyFileAddress(partyPage: string, fileId: string): string {
  return `${partyPage}/filer/${fileId}`;
}

/** The full token behind a page address (the same that works as a Bearer token in the API). */
export function tokenFromLinkPath(caseId: string, party: string, signature: string): string {
  return `${CASE_VERSION}.${caseId}.${party}.${signature}`;
}

/** Where a party's overview lives: `/part/<party>/<expiry>.<mac>`. */
export function partyOverviewPath(token: string): string {
  const [, party, expiry, mac] = token.split('.');
  return `/part/${party}/${expiry}.${mac}`;
}

export function tokenFromOverviewPath(party: string, signature: string): string {
  return `${OVERVIEW_VERSION}.${party}.${signature}`;
}
