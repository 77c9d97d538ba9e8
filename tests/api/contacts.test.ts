import { hashPassword } from '../../apps/api/web/password';
import { PartyLinkSigner } from '../../libs/links/party-link';
import { SEED_PARTY_IDS as PARTY_IDS } from '../support/seed-register';
import { CoordinatorRepository } from '../../libs/persistence';
import { createFreshDatabase } from '../support/fresh-database';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The parties' contacts, kept by the coordinator: the API and the page. A database of its own: contacts are global. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('contacts'), withWorker: false });
});

afterAll(() => api?.close());

describe('the API', () => {
  it('lists all 16 parties, with no addresses at first', async () => {
    const { status, body } = await api.request('GET', '/api/contacts');
    expect(status).toBe(200);
    expect(body.parties.map((entry: { party: string }) => entry.party)).toEqual(PARTY_IDS);
    expect(body.parties[7]).toEqual({ party: 'malung-salen', name: 'Malung-Sälen', emails: [], escalation: null, substitute: null });
  });

  it("replaces a party's addresses, and an empty list removes them", async () => {
    const put = await api.request('PUT', '/api/contacts/falun', { emails: ['socialchef@falun.example.se', 'Registrator@Falun.example.se'] });
    expect(put).toEqual({
      status: 200,
      body: { party: 'falun', name: 'Falun', emails: ['Registrator@Falun.example.se', 'socialchef@falun.example.se'], escalation: null, substitute: null },
    });
    const again = await api.request('PUT', '/api/contacts/falun', { emails: ['ny@falun.example.se'] });
    expect(again.body.emails).toEqual(['ny@falun.example.se']);
    const listed = (await api.request('GET', '/api/contacts')).body.parties.find((entry: { party: string }) => entry.party === 'falun');
    expect(listed.emails).toEqual(['ny@falun.example.se']);

    expect((await api.request('PUT', '/api/contacts/falun', { emails: [] })).body.emails).toEqual([]);
  });

  it.each([
    ['an invalid address', { emails: ['inte-en-adress'] }, 'emails.0', 'Ange en giltig e-postadress'],
    ['the same address twice, ignoring case', { emails: ['a@mora.example.se', 'A@Mora.example.se'] }, 'emails.1', 'står redan i listan'],
    ['eleven addresses', { emails: Array.from({ length: 11 }, (_, index) => `k${index}@mora.example.se`) }, 'emails', 'Högst 10 adresser'],
    ['no list', {}, 'emails', ''],
    ['an unknown field', { emails: [], extra: 1 }, '', ''],
  ])('refuses %s with 400 and changes nothing', async (_what, body, path, message) => {
    await api.request('PUT', '/api/contacts/mora', { emails: ['kvar@mora.example.se'] });
    const refused = await api.request('PUT', '/api/contacts/mora', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('validation');
    expect(refused.body.issues).toEqual(expect.arrayContaining([{ path, message: expect.stringContaining(message) }]));
    const mora = (await api.request('GET', '/api/contacts')).body.parties.find((entry: { party: string }) => entry.party === 'mora');
    expect(mora.emails).toEqual(['kvar@mora.example.se']);
  });

  it('answers 404 for an unknown party, 401 without a token and 403 for a party link', async () => {
    expect(await api.request('PUT', '/api/contacts/stockholm', { emails: [] })).toMatchObject({ status: 404, body: { error: 'not-found' } });
    const anonymous = await fetch(`${api.url}/api/contacts`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'unauthorized' });
    const partyToken = new PartyLinkSigner(api.linkSecret).sign('00000000-0000-4000-8000-000000000000', 'avesta');
    const asParty = await api.request('PUT', '/api/contacts/avesta', { emails: [] }, { authorization: `Bearer ${partyToken}` });
    expect(asParty).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  });

  it('describes both operations in the OpenAPI document', async () => {
    const document = (await api.request('GET', '/api/openapi.json')).body;
    expect(Object.keys(document.paths['/api/contacts'])).toEqual(['get']);
    expect(Object.keys(document.paths['/api/contacts/{party}'])).toEqual(['put']);
    expect(document.components.schemas.ReplaceContacts.properties.emails).toMatchObject({ type: 'array', maxItems: 10, uniqueItems: true });
  });
});

describe('the page', () => {
  const EMAIL = 'kontakter-samordnare@rss-dalarna.example';
  let cookie: string;

  beforeAll(async () => {
    await new CoordinatorRepository(api.dataSource).upsert(EMAIL, 'Karin Samordnare', await hashPassword('ett långt lösenord för test'));
    cookie = (await signInByForm(api.url, EMAIL, 'ett långt lösenord för test')).sessionCookie!;
  });

  async function open(path = '/kontakter'): Promise<{ status: number; text: string; csrf: string }> {
    const response = await fetch(`${api.url}${path}`, { headers: { cookie }, redirect: 'manual' });
    const text = await response.text();
    return { status: response.status, text, csrf: /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? '' };
  }

  /** The form with some parties' fields (a party left out is left as it is). */
  async function post(fields: Record<string, string>, csrf?: string) {
    const token = csrf ?? (await open()).csrf;
    return fetch(`${api.url}/kontakter`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...(token ? { _csrf: token } : {}), ...fields }),
    });
  }

  it('needs a signed-in coordinator', async () => {
    const response = await fetch(`${api.url}/kontakter`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/logga-in?tillbaka=%2Fkontakter');
  });

  it("shows every one of the 16 parties on one form, linked from the navigation", async () => {
    const { status, text } = await open();
    expect(status).toBe(200);
    expect(text).toContain('<a href="/kontakter" aria-current="page">Kontakter</a>');
    expect(text.match(/<form method="post" action="\/kontakter"/g)).toHaveLength(1);
    expect(text.match(/<fieldset class="contact-party"/g)).toHaveLength(16);
    expect(text).toContain('<label for="falt-region-dalarna-emails">E-postadresser till Region Dalarna');
  });

  it('saves one address a line, without JavaScript, and says which parties changed', async () => {
    const saved = await post({ 'leksand.emails': 'socialchef@leksand.example.se\r\n\r\n  registrator@leksand.example.se \r\n' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/kontakter?sparat=leksand');
    const after = await open('/kontakter?sparat=leksand');
    expect(after.text).toContain('Kontakterna är sparade. Ändrade: Leksand.');
    expect(after.text).toContain('registrator@leksand.example.se\nsocialchef@leksand.example.se</textarea>');
    const leksand = (await api.request('GET', '/api/contacts')).body.parties.find((entry: { party: string }) => entry.party === 'leksand');
    expect(leksand.emails).toEqual(['registrator@leksand.example.se', 'socialchef@leksand.example.se']);
    // Sent again as it stands, nothing changes.
    expect((await post({ 'leksand.emails': 'registrator@leksand.example.se\nsocialchef@leksand.example.se' })).headers.get('location')).toBe('/kontakter?sparat=');
    expect((await open('/kontakter?sparat=')).text).toContain('Kontakterna är sparade. Inget hade ändrats.');
  });

  it('shows an error by the field, keeps what was written for every party, and saves none of them', async () => {
    const moraBefore = (await api.request('GET', '/api/contacts')).body.parties.find((entry: { party: string }) => entry.party === 'mora').emails;
    const refused = await post({ 'orsa.emails': 'ok@orsa.example.se\nfel@', 'mora.emails': 'registrator@mora.example.se' });
    expect(refused.status).toBe(400);
    const text = await refused.text();
    expect(text).toContain('<p class="field-error" id="falt-orsa-emails-fel">fel@: Ange en giltig e-postadress');
    expect(text).toContain('aria-invalid="true" aria-describedby="falt-orsa-emails-tips falt-orsa-emails-fel">ok@orsa.example.se\nfel@</textarea>');
    expect(text).toContain('<a href="#falt-orsa-emails">E-postadresser till Orsa: fel@: Ange en giltig e-postadress');
    expect(text).toContain('registrator@mora.example.se</textarea>');
    const listed = (await api.request('GET', '/api/contacts')).body.parties;
    expect(listed.find((entry: { party: string }) => entry.party === 'orsa').emails).toEqual([]);
    expect(listed.find((entry: { party: string }) => entry.party === 'mora').emails).toEqual(moraBefore);
  });

  it('refuses a form without its CSRF token', async () => {
    expect((await post({ 'orsa.emails': 'a@orsa.example.se' }, '')).status).toBe(403);
  });
});
