import { createCase, decision, recommendedCase } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { SEED_PARTY_IDS } from '../support/seed-register';
import { startTestApi, type TestApi } from '../support/test-stack';

/** The register through the API: parties and groups as data. A database of its own: the register is global. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('register') });
});

afterAll(() => api?.close());

const ludvika = { name: 'Ludvika', kind: 'municipality', usualBody: 'Socialnämnden', population: { count: 26634, year: 2024 } };

describe('the parties', () => {
  it("are the seed's 16 on a fresh database, to anyone, with the body that usually decides and SCB's population", async () => {
    const response = await fetch(`${api.url}/api/parties`);
    expect(response.status).toBe(200);
    const parties = await response.json();
    expect(parties.map((party: { id: string }) => party.id)).toEqual(SEED_PARTY_IDS);
    expect(parties.find((party: { id: string }) => party.id === 'falun')).toEqual({
      id: 'falun',
      name: 'Falun',
      kind: 'municipality',
      usualBody: 'Socialnämnden',
      population: { count: 59945, year: 2024 },
    });
  });

  it('are added (201) and changed (200) by the coordinator, and kept in the order of the register', async () => {
    const added = await api.request('PUT', '/api/parties/grangesberg', { name: 'Grängesberg', kind: 'other' });
    expect(added).toEqual({ status: 201, body: { id: 'grangesberg', name: 'Grängesberg', kind: 'other', usualBody: null, population: null } });
    const changed = await api.request('PUT', '/api/parties/grangesberg', { name: 'Grängesbergs samverkan', kind: 'other', population: { count: 3500, year: 2024 } });
    expect(changed.status).toBe(200);
    expect(changed.body.population).toEqual({ count: 3500, year: 2024 });
    const ids = (await api.request('GET', '/api/parties')).body.map((party: { id: string }) => party.id);
    // Municipalities, then regions, then others.
    expect(ids).toEqual([...SEED_PARTY_IDS, 'grangesberg']);
    expect((await api.request('PUT', '/api/parties/ludvika', ludvika)).status).toBe(200);
  });

  it.each([
    ['an id that is not a slug', '/api/parties/Falun', ludvika, /Ogiltigt id/],
    ['an id with a character outside a–z', '/api/parties/s%C3%A4ter', ludvika, /Ogiltigt id/],
    ['no name', '/api/parties/ny-part', { kind: 'municipality' }, /namn/],
    ['an unknown kind', '/api/parties/ny-part', { name: 'Ny', kind: 'county' }, /municipality, region eller other/],
    ['a population without its year', '/api/parties/ny-part', { name: 'Ny', kind: 'municipality', population: { count: 5 } }, /året/i],
  ])('refuse %s with 400, changing nothing', async (_what, path, body, message) => {
    const before = (await api.request('GET', '/api/parties')).body;
    const response = await api.request('PUT', path, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('validation');
    expect(JSON.stringify(response.body)).toMatch(message);
    expect((await api.request('GET', '/api/parties')).body).toEqual(before);
  });

  it('are kept by the coordinator only', async () => {
    const response = await fetch(`${api.url}/api/parties/ny-part`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ludvika) });
    expect(response.status).toBe(401);
    expect((await fetch(`${api.url}/api/parties/falun`, { method: 'DELETE' })).status).toBe(401);
  });

  it('are retired (204) when no open case waits on them, and stay on the cases they were part of', async () => {
    await api.request('PUT', '/api/parties/tillfallig', { name: 'Tillfällig', kind: 'other' });
    const closed = await recommendedCase(api, { parties: ['tillfallig'] });
    expect((await api.request('POST', `/api/cases/${closed.id}/decisions`, decision('tillfallig'))).body.stage).toBe('in-force');

    expect((await api.request('DELETE', '/api/parties/tillfallig')).status).toBe(204);
    expect((await api.request('GET', '/api/parties')).body.map((party: { id: string }) => party.id)).not.toContain('tillfallig');
    const kept = (await api.request('GET', `/api/cases/${closed.id}`)).body;
    expect(kept.parties).toEqual([expect.objectContaining({ party: 'tillfallig', name: 'Tillfällig', status: 'adopted' })]);

    const refused = await api.request('POST', '/api/cases', { title: 'Ny', networkDecision: { date: '2024-05-16' }, parties: ['tillfallig'] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('tillfallig');
    // Put back, it can take part again.
    expect((await api.request('PUT', '/api/parties/tillfallig', { name: 'Tillfällig', kind: 'other' })).status).toBe(200);
  });

  it('are not retired (409) while an open case waits on them, nor when they do not exist (404)', async () => {
    const open = await createCase(api, { title: 'Väntar på Säter', parties: ['sater', 'mora'] });
    const refused = await api.request('DELETE', '/api/parties/sater');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Väntar på Säter');
    expect((await api.request('GET', '/api/parties')).body.map((party: { id: string }) => party.id)).toContain('sater');
    expect((await api.request('GET', `/api/cases/${open.id}`)).body.waitingOn).toEqual(['valfardsradet']);

    expect((await api.request('DELETE', '/api/parties/finns-inte')).status).toBe(404);
    expect((await api.request('DELETE', '/api/parties/Finns_Inte')).status).toBe(400);
  });
});

describe('the groups', () => {
  it('hold the seed group of the municipalities, and are added (201) and replaced (200)', async () => {
    const seeded = (await api.request('GET', '/api/groups')).body;
    expect(seeded).toEqual([{ id: 'kommunerna', name: 'Länets kommuner', parties: SEED_PARTY_IDS.filter((id) => id !== 'region-dalarna') }]);

    const added = await api.request('PUT', '/api/groups/norra', { name: 'Norra gruppen (värdkommun Mora)', parties: ['orsa', 'mora', 'alvdalen'] });
    expect(added).toEqual({ status: 201, body: { id: 'norra', name: 'Norra gruppen (värdkommun Mora)', parties: ['mora', 'orsa', 'alvdalen'] } });
    const replaced = await api.request('PUT', '/api/groups/norra', { name: 'Norra gruppen', parties: ['mora', 'orsa', 'alvdalen', 'malung-salen'] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.parties).toEqual(['malung-salen', 'mora', 'orsa', 'alvdalen']);
  });

  it.each([
    ['an unknown party, named', { name: 'Fel', parties: ['mora', 'stockholm'] }, 'Okänd part: stockholm.'],
    ['no party', { name: 'Tom', parties: [] }, 'Välj minst en part.'],
    ['a party twice', { name: 'Dubbel', parties: ['mora', 'mora'] }, 'En part får bara förekomma en gång.'],
  ])('refuse %s with 400, changing nothing', async (_what, body, message) => {
    const before = (await api.request('GET', '/api/groups')).body;
    const response = await api.request('PUT', '/api/groups/fel', body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(message);
    expect((await api.request('GET', '/api/groups')).body).toEqual(before);
  });
});

describe('a case started from the register', () => {
  it("takes a group's parties, in the register's order, with their names", async () => {
    const created = await createCase(api, { group: 'norra' });
    expect(created.parties.map((answer: { party: string; name: string }) => [answer.party, answer.name])).toEqual([
      ['malung-salen', 'Malung-Sälen'],
      ['mora', 'Mora'],
      ['orsa', 'Orsa'],
      ['alvdalen', 'Älvdalen'],
    ]);
  });

  it('keeps the parties and names it started with when the register changes', async () => {
    const recommended = await recommendedCase(api, { group: 'norra' });
    await api.request('PUT', '/api/parties/orsa', { name: 'Orsa kommun', kind: 'municipality' });
    await api.request('PUT', '/api/groups/norra', { name: 'Norra gruppen', parties: ['mora'] });
    await api.request('PUT', '/api/parties/nyby', { name: 'Nyby', kind: 'municipality' });
    const after = (await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('orsa'))).body;
    expect(after.parties.map((answer: { party: string; name: string }) => [answer.party, answer.name])).toEqual([
      ['malung-salen', 'Malung-Sälen'],
      ['mora', 'Mora'],
      ['orsa', 'Orsa'],
      ['alvdalen', 'Älvdalen'],
    ]);
    expect(after.waitingOn).toEqual(['malung-salen', 'mora', 'alvdalen']);
    const stored = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
    expect(stored.parties.map((answer: { name: string }) => answer.name)).toEqual(['Malung-Sälen', 'Mora', 'Orsa', 'Älvdalen']);
    await api.request('PUT', '/api/parties/orsa', { name: 'Orsa', kind: 'municipality', usualBody: 'Socialnämnden' });
  });

  it.each([
    ['an unknown group', { group: 'sodra' }, 'Okänd grupp: sodra.'],
    ['an unknown party, named', { parties: ['mora', 'uppsala'] }, 'Okänd part: uppsala.'],
    ['both parties and a group', { parties: ['mora'], group: 'norra' }, 'inte båda'],
    ['a group id that is not a slug', { group: 'Norra Gruppen' }, 'Ogiltigt id'],
  ])('is refused for %s with 400, and nothing starts', async (_what, choice, message) => {
    const before = (await api.request('GET', '/api/cases?limit=200')).body.total;
    const response = await api.request('POST', '/api/cases', { title: 'Fel', networkDecision: { date: '2024-05-16' }, ...choice });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(message);
    expect((await api.request('GET', '/api/cases?limit=200')).body.total).toBe(before);
  });

  it('is refused a decision for a party the register has never held (400) or that is not the case’s (409)', async () => {
    const recommended = await recommendedCase(api, { parties: ['mora', 'orsa'] });
    const unknown = await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('uppsala'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Okänd part: uppsala.');
    expect((await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('falun'))).status).toBe(409);
    expect((await api.request('POST', `/api/cases/${recommended.id}/parties/uppsala/posting`, { postedOn: '2024-09-13' })).status).toBe(404);
  });

  it('runs with more parties than Temporal’s search attribute can list (110), the read model holding them all', async () => {
    // Long ids, so that 110 of them pass the 2 KiB a search attribute may hold.
    const ids = Array.from({ length: 110 }, (_, index) => `samverkansort-i-norr-${String(index + 1).padStart(3, '0')}`);
    for (const id of ids) await api.request('PUT', `/api/parties/${id}`, { name: `Ort ${id.slice(-3)}`, kind: 'municipality' });
    await api.request('PUT', '/api/groups/orterna', { name: 'Orterna', parties: ids });
    const recommended = await recommendedCase(api, { group: 'orterna' });
    expect(recommended.waitingOn).toEqual(ids);
    const answered = await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('samverkansort-i-norr-110'));
    expect(answered.status).toBe(200);
    expect(answered.body.waitingOn).toHaveLength(109);
    const listed = await api.request('GET', '/api/cases?waitingOn=samverkansort-i-norr-109');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(recommended.id);
  });

  it('sees a group changed at the same moment whole or not at all', async () => {
    const before = ['mora', 'orsa'];
    const after = ['falun', 'borlange', 'gagnef', 'leksand'];
    await api.request('PUT', '/api/groups/vaxlande', { name: 'Växlande', parties: before });
    const starts = Array.from({ length: 12 }, () => api.request('POST', '/api/cases', { title: 'Kapplöpning', networkDecision: { date: '2024-05-16' }, group: 'vaxlande' }));
    const changes = Array.from({ length: 6 }, (_, index) => api.request('PUT', '/api/groups/vaxlande', { name: 'Växlande', parties: index % 2 === 0 ? after : before }));
    const [started] = await Promise.all([Promise.all(starts), Promise.all(changes)]);
    for (const response of started) {
      expect(response.status).toBe(201);
      const ids = response.body.parties.map((answer: { party: string }) => answer.party);
      expect([before, ['borlange', 'falun', 'gagnef', 'leksand']]).toContainEqual(ids);
    }
  });
});
