import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import * as client from 'openid-client';
import { ApiConfig, type OidcSettings } from '../api-config';
import { ApiError } from '../api-error';
import { sameText } from './coordinator-page.guard';

/** Why a sign-in through the identity provider was not accepted; the page says it in Swedish. */
export class OidcRefusal extends Error {
  constructor(
    readonly reason: 'flow-missing' | 'provider-error' | 'token-refused',
    message: string,
    /** What the library or the provider said, for the security log (not for the page). */
    readonly detail = '',
  ) {
    super(message);
  }
}

/** What the flow keeps in the browser between the redirect and the way back: signed, for ten minutes. */
interface Flow {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo: string;
  readonly expires: number;
}

export const OIDC_FLOW_COOKIE = 'overens_oidc';
const FLOW_MS = 10 * 60 * 1000;

/**
 * Sign-in through the organisation's identity provider: the authorization code flow with
 * PKCE, state and nonce (openid-client), the ID token checked for issuer, audience, expiry
 * and nonce. Discovery is done at the first sign-in and kept; a provider that does not
 * answer is told as unavailable, and tried again at the next sign-in.
 */
@Injectable()
export class OidcSignIn {
  private configuration?: Promise<client.Configuration>;

  constructor(private readonly config: ApiConfig) {}

  /** What the sign-in page calls the provider; undefined when none is configured. */
  get providerName(): string | undefined {
    return this.config.oidc?.name;
  }

  /** The claim that names a user's role (asked only once a sign-in has come back, so with a provider configured). */
  get roleClaim(): string {
    return this.requireSettings().roleClaim;
  }

  /** Where to send the browser, and the cookie that keeps the flow's secrets until it comes back. */
  async start(returnTo: string): Promise<{ url: string; flowCookie: string }> {
    const configuration = await this.discovered();
    const flow: Flow = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      returnTo,
      expires: Date.now() + FLOW_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(),
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flowCookie: this.seal(flow) };
  }

  /** The ID token's claims of a sign-in that came back, checked; refused when anything does not hold. */
  async finish(currentUrl: URL, flowCookie: string | undefined): Promise<{ claims: Record<string, unknown>; returnTo: string }> {
    const flow = flowCookie ? this.open(flowCookie) : undefined;
    if (!flow) throw new OidcRefusal('flow-missing', 'Inloggningen hade gått ut eller startades inte här. Försök igen.');
    const configuration = await this.discovered();
    if (currentUrl.searchParams.has('error')) {
      throw new OidcRefusal('provider-error', 'Identitetsleverantören avbröt inloggningen.', currentUrl.searchParams.get('error') ?? '');
    }
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcRefusal('token-refused', 'Inloggningen godtogs inte: identiteten från identitetsleverantören kunde inte bekräftas. Försök igen.', describe(error));
    }
    const claims = tokens.claims();
    if (!claims) throw new OidcRefusal('token-refused', 'Identitetsleverantören skickade ingen identitet.');
    return { claims: { ...claims }, returnTo: flow.returnTo };
  }

  private requireSettings(): OidcSettings {
    if (!this.config.oidc) throw new ApiError('not-found', 'Inloggning via identitetsleverantör är inte inställd.');
    return this.config.oidc;
  }

  private discovered(): Promise<client.Configuration> {
    const settings = this.requireSettings();
    this.configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, loopback(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new ApiError('unavailable', 'Identitetsleverantören svarar inte just nu. Försök igen om en stund.', [{ path: 'issuer', message: describe(error) }]);
      });
    return this.configuration;
  }

  private redirectUri(): string {
    return `${this.config.publicUrl}/logga-in/oidc/svar`;
  }

  private seal(flow: Flow): string {
    const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  private open(sealed: string): Flow | undefined {
    const [payload, mac] = sealed.split('.');
    if (!payload || !mac) return undefined;
    if (!sameText(mac, this.mac(payload))) return undefined;
    try {
      const flow = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Flow;
      return flow.expires > Date.now() ? flow : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.config.linkSecret).update(`oidc-flow.${payload}`).digest('base64url');
  }
}

/** Plain HTTP is taken from a provider on this machine only (development and the tests). */
function loopback(issuer: string): boolean {
  const { protocol, hostname } = new URL(issuer);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

/** The library's words for what failed, down its chain of causes (which name the claim: aud, exp, nonce …). */
function describe(error: unknown): string {
  const words: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const { code, message, claim, cause } = current as { code?: unknown; message?: unknown; claim?: unknown; cause?: unknown };
    if (typeof message === 'string') words.push(`${typeof code === 'string' ? `${code}: ` : ''}${message}`);
    if (typeof claim === 'string') words.push(`claim ${claim}`);
    current = cause;
  }
  return words.length > 0 ? words.join(' ← ') : String(error);
}
