// A real OpenID Connect provider for the tests (oidc-provider, with its development
// login pages: any password signs an account in), run as its own process because the
// package is an ES module. Configured by environment:
//   OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI,
//   OIDC_ACCOUNTS: { "<login>": { email, name, overens_role?, tamper?: "audience" | "expired" } }
// An account with `tamper` gets an ID token signed by this provider's own key but for
// another audience, or already expired: what a client must refuse.
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from 'jose';

const { OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_ACCOUNTS } = process.env;
const accounts = JSON.parse(OIDC_ACCOUNTS ?? '{}');
const issuer = `http://127.0.0.1:${OIDC_PORT}`;
const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: [OIDC_REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['overens-test-provider-cookie-key'] },
  claims: { openid: ['sub', 'overens_role'], email: ['email', 'email_verified'], profile: ['name'] },
  // The claims in the ID token itself, as many organisations' providers send them.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: account.email,
          email_verified: true,
          name: account.name,
          ...(account.overens_role ? { overens_role: account.overens_role } : {}),
        };
      },
    };
  },
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || !ctx.body?.id_token) return;
  const claims = decodeJwt(ctx.body.id_token);
  const tamper = accounts[claims.sub]?.tamper;
  if (!tamper) return;
  const now = Math.floor(Date.now() / 1000);
  const changed = tamper === 'audience' ? { aud: 'en-annan-tjanst' } : { iat: now - 7200, exp: now - 3600 };
  const id_token = await new SignJWT({ ...claims, ...changed }).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
  ctx.body = { ...ctx.body, id_token };
});

provider.listen(Number(OIDC_PORT), '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
