import { createCase, decision, newCase, recommendedCase } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { everyBlockedRow } from '../support/dashboard';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api.close());

describe('GET /api/parties', () => {
  it('lists the 16 parties to anyone', async () => {
    const response = await fetch(`${api.url}/api/parties`);
    expect(response.status).toBe(200);
    const parties = (await response.json()) as { id: string; name: string; kind: string }[];
    expect(parties).toHaveLength(16);
    expect(parties).toContainEqual({ id: 'sater', name: 'Säter', kind: 'municipality', usualBody: 'Socialnämnden', population: { count: 11223, year: 2024 } });
    expect(parties).toContainEqual(expect.objectContaining({ id: 'region-dalarna', name: 'Region Dalarna', kind: 'region' }));
  });
});

describe('the coordinator token', () => {
  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer wrong' }],
    ['another scheme', { authorization: 'Basic abc' }],
  ])('is required: %s answers 401', async (_what, headers) => {
    for (const path of ['/api/cases', '/api/dashboard', '/api/cases/00000000-0000-4000-8000-000000000000']) {
      const response = await fetch(`${api.url}${path}`, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'unauthorized', message: expect.any(String) });
    }
  });
});

describe('POST /api/cases', () => {
  it('starts a case in stage council, waiting on Välfärdsrådet, with all 16 parties', async () => {
    const created = await createCase(api);
    expect(created).toEqual(
      expect.objectContaining({
        title: 'Regional överenskommelse om samverkan för Kvinnofrid',
        reference: 'HSN 2024/1905',
        stage: 'council',
        waitingOn: ['valfardsradet'],
        deadline: '2024-12-31',
        overdue: false,
      }),
    );
    expect(created.parties).toHaveLength(16);
    expect(created.history).toEqual([expect.objectContaining({ type: 'network.approve', date: '2024-05-16', actor: 'coordinator' })]);
    const read = await api.request('GET', `/api/cases/${created.id}`);
    expect(read.body).toEqual(created);
  });

  it('takes a subset of parties', async () => {
    const created = await createCase(api, { parties: ['mora', 'orsa', 'alvdalen'] });
    expect(created.parties.map((answer: { party: string }) => answer.party)).toEqual(['mora', 'orsa', 'alvdalen']);
  });

  it('starts one case for one Idempotency-Key, however often it is sent', async () => {
    const key = `create-${Date.now()}`;
    const answers = await Promise.all(
      [1, 2, 3].map(() => api.request('POST', '/api/cases', newCase(), { 'idempotency-key': key })),
    );
    const again = await api.request('POST', '/api/cases', newCase(), { 'idempotency-key': key });
    for (const answer of [...answers, again]) {
      expect(answer.status).toBe(201);
      expect(answer.body.id).toBe(answers[0].body.id);
      expect(answer.body.history).toHaveLength(1);
    }
  });

  it.each([
    ['no title', { title: undefined }, 'title'],
    ['an empty title', { title: '  ' }, 'title'],
    ['an impossible date', { networkDecision: { date: '2024-02-30' } }, 'networkDecision.date'],
    ['no network decision', { networkDecision: undefined }, 'networkDecision'],
    ['an unknown party', { parties: ['avesta', 'uppsala'] }, 'parties.1'],
    ['a party twice', { parties: ['avesta', 'avesta'] }, 'parties'],
    ['no parties', { parties: [] }, 'parties'],
    ['a deadline in another form', { deadline: '31/12/2024' }, 'deadline'],
    ['an unknown field', { colour: 'blue' }, ''],
    ['a NUL character, which PostgreSQL cannot store', { attachments: [{ title: 'a\u0000b', url: 'https://x.example/a.pdf' }] }, 'attachments.0.title'],
  ])('refuses %s with 400 and the field', async (_what, overrides, path) => {
    const response = await api.request('POST', '/api/cases', newCase(overrides));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'validation', message: expect.any(String), issues: expect.any(Array) });
    expect(response.body.issues.map((issue: { path: string }) => issue.path)).toContain(path);
  });

  it.each([
    ['malformed JSON', '{"title": ', { 'content-type': 'application/json' }],
    ['a JSON array', '[]', { 'content-type': 'application/json' }],
    ['JSON null', 'null', { 'content-type': 'application/json' }],
    ['plain text', 'hello', { 'content-type': 'text/plain' }],
    ['no body', undefined, {}],
  ])('refuses %s with 400', async (_what, body, headers) => {
    const response = await fetch(`${api.url}/api/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, ...headers },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(expect.objectContaining({ error: 'validation', message: expect.any(String) }));
  });

  it('refuses an Idempotency-Key that is too long', async () => {
    const response = await api.request('POST', '/api/cases', newCase(), { 'idempotency-key': 'k'.repeat(201) });
    expect(response.status).toBe(400);
  });
});

describe('GET /api/cases/{id}', () => {
  it('answers 404 for an unknown case, and for an id that cannot be one', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-case', '%27%3B--']) {
      const response = await api.request('GET', `/api/cases/${id}`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: 'not-found', message: 'Ärendet finns inte.' });
    }
  });
});

describe('driving a case through every stage', () => {
  it('network → council refers back → network tables, forwards → council recommends → decisions → in force', async () => {
    const created = await createCase(api, { parties: ['falun', 'mora'] });
    const path = `/api/cases/${created.id}`;
    const steps: [string, Record<string, unknown>, string, string[]][] = [
      ['council', { outcome: 'refer-back', date: '2024-06-13', note: 'Mer dialog om kostnaderna' }, 'network', ['lchnv']],
      ['network', { outcome: 'table', date: '2024-08-22' }, 'network', ['lchnv']],
      ['network', { outcome: 'forward', date: '2024-09-19' }, 'council', ['valfardsradet']],
      ['council', { outcome: 'recommend', date: '2024-10-10' }, 'decisions', ['falun', 'mora']],
      ['decisions', decision('falun', 'scheduled', { date: '2024-12-10' }), 'decisions', ['falun', 'mora']],
      ['decisions', decision('falun'), 'decisions', ['mora']],
      ['decisions', decision('mora'), 'in-force', []],
    ];
    for (const [endpoint, body, stage, waitingOn] of steps) {
      const response = await api.request('POST', `${path}/${endpoint}`, body);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expect.objectContaining({ stage, waitingOn }));
    }
    const final = await api.request('GET', path);
    expect(final.body.stage).toBe('in-force');
    expect(final.body.waitingSince).toBeNull();
    expect(final.body.history.map((entry: { type: string }) => entry.type)).toEqual([
      'network.approve',
      'council.refer-back',
      'network.table',
      'network.forward',
      'council.recommend',
      'decision.scheduled',
      'decision.adopted',
      'decision.adopted',
    ]);
    expect(final.body.parties[0]).toEqual(
      expect.objectContaining({ party: 'falun', status: 'adopted', date: '2024-09-12', body: 'Socialnämnden', paragraph: '§ 45' }),
    );
  });

  it('closes as rejected when the council rejects, and as withdrawn when the network withdraws', async () => {
    const rejected = await createCase(api);
    expect((await api.request('POST', `/api/cases/${rejected.id}/council`, { outcome: 'reject', date: '2024-06-13' })).body.stage).toBe('rejected');
    const withdrawn = await recommendedCase(api);
    expect((await api.request('POST', `/api/cases/${withdrawn.id}/network`, { outcome: 'withdraw', date: '2024-09-19' })).body.stage).toBe('withdrawn');
  });

  it('goes back to the network when a party rejects', async () => {
    const recommended = await recommendedCase(api, { parties: ['falun', 'mora'] });
    const response = await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('mora', 'rejected'));
    expect(response.body).toEqual(expect.objectContaining({ stage: 'network', waitingOn: ['lchnv'] }));
  });
});

describe('steps that do not fit answer 409 and change nothing', () => {
  it.each([
    ['a decision before the recommendation', 'created', 'decisions', decision('avesta')],
    ['a second recommendation', 'recommended', 'council', { outcome: 'recommend', date: '2024-06-20' }],
    ['a network forward while the council has it', 'created', 'network', { outcome: 'forward', date: '2024-06-20' }],
    ['a decision of a party not concerned', 'subset', 'decisions', decision('avesta')],
    ['any step on a closed case', 'closed', 'network', { outcome: 'forward', date: '2024-06-20' }],
  ])('%s', async (_what, start, endpoint, body) => {
    const subject =
      start === 'created'
        ? await createCase(api)
        : start === 'subset'
          ? await recommendedCase(api, { parties: ['mora'] })
          : await recommendedCase(api, start === 'closed' ? { parties: ['mora'] } : {});
    if (start === 'closed') {
      expect((await api.request('POST', `/api/cases/${subject.id}/decisions`, decision('mora'))).body.stage).toBe('in-force');
    }
    const before = await api.request('GET', `/api/cases/${subject.id}`);
    const response = await api.request('POST', `/api/cases/${subject.id}/${endpoint}`, body);
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ error: 'conflict', message: expect.any(String) });
    expect((await api.request('GET', `/api/cases/${subject.id}`)).body).toEqual(before.body);
  });

  it('answers 404 for a step on a case that does not exist', async () => {
    const response = await api.request('POST', '/api/cases/00000000-0000-4000-8000-000000000000/council', { outcome: 'recommend', date: '2024-06-13' });
    expect(response.status).toBe(404);
  });
});

describe('POST /api/cases/{id}/decisions with an Idempotency-Key', () => {
  it('records the answer once, and a retry after the case closed still gets the case', async () => {
    const recommended = await recommendedCase(api, { parties: ['mora', 'orsa'] });
    const path = `/api/cases/${recommended.id}/decisions`;
    const first = await api.request('POST', path, decision('mora'), { 'idempotency-key': 'mora-1' });
    const retry = await api.request('POST', path, decision('mora'), { 'idempotency-key': 'mora-1' });
    expect(retry.body).toEqual(first.body);
    const closing = await api.request('POST', path, decision('orsa'), { 'idempotency-key': 'orsa-1' });
    expect(closing.body.stage).toBe('in-force');
    const lateRetry = await api.request('POST', path, decision('orsa'), { 'idempotency-key': 'orsa-1' });
    expect(lateRetry.status).toBe(200);
    expect(lateRetry.body).toEqual(closing.body);
    const decisions = closing.body.history.filter((entry: { type: string }) => entry.type.startsWith('decision.'));
    expect(decisions).toHaveLength(2);
  });
});

describe('GET /api/cases', () => {
  it('filters by stage, by whom a case waits on, and by overdue', async () => {
    const waiting = await recommendedCase(api, { parties: ['ludvika', 'gagnef'], deadline: '2024-01-31' });
    const onCouncil = await createCase(api, { parties: ['ludvika'] });
    const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

    const byStage = await api.request('GET', '/api/cases?stage=decisions&limit=200');
    expect(ids(byStage)).toContain(waiting.id);
    expect(ids(byStage)).not.toContain(onCouncil.id);
    expect(byStage.body.items.every((item: { stage: string }) => item.stage === 'decisions')).toBe(true);

    const byParty = await api.request('GET', '/api/cases?waitingOn=gagnef&limit=200');
    expect(ids(byParty)).toContain(waiting.id);
    expect(byParty.body.items.every((item: { waitingOn: string[] }) => item.waitingOn.includes('gagnef'))).toBe(true);

    const overdue = await api.request('GET', '/api/cases?overdue=true&limit=200');
    expect(ids(overdue)).toContain(waiting.id);
    expect(overdue.body.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
    const notOverdue = await api.request('GET', '/api/cases?overdue=false&limit=200');
    expect(ids(notOverdue)).toContain(onCouncil.id);
    expect(notOverdue.body.items.every((item: { overdue: boolean }) => !item.overdue)).toBe(true);
  });

  it('pages with limit and offset and reports the total', async () => {
    await createCase(api);
    await createCase(api);
    const first = await api.request('GET', '/api/cases?limit=1');
    const second = await api.request('GET', '/api/cases?limit=1&offset=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBeGreaterThanOrEqual(2);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it.each(['stage=done', 'waitingOn=stockholm', 'overdue=yes', 'limit=0', 'limit=abc', 'offset=-1', 'stage=council&stage=network', 'unknown=1'])(
    'refuses the query %s with 400',
    async (query) => {
      const response = await api.request('GET', `/api/cases?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('validation');
    },
  );
});

describe('GET /api/dashboard', () => {
  it('counts per stage, lists what waits with the overdue first, and counts per party', async () => {
    const before = (await api.request('GET', '/api/dashboard')).body;
    const late = await recommendedCase(api, { parties: ['vansbro'], deadline: '2024-01-31' });
    const fresh = await createCase(api, { parties: ['vansbro'], deadline: '2999-12-31' });
    const after = (await api.request('GET', '/api/dashboard')).body;

    expect(after.byStage.decisions - before.byStage.decisions).toBe(1);
    expect(after.byStage.council - before.byStage.council).toBe(1);
    expect(Object.keys(after.byStage).sort()).toEqual(['closed', 'council', 'decisions', 'expired', 'in-force', 'network', 'rejected', 'withdrawn']);

    const blocked = await everyBlockedRow(api);
    const lateRow = blocked.find((row: { id: string }) => row.id === late.id);
    expect(lateRow).toEqual({
      id: late.id,
      title: late.title,
      stage: 'decisions',
      waitingOn: ['vansbro'],
      waitingSince: '2024-06-13',
      // Counted from the council's meeting, not from the moment it was recorded.
      daysWaiting: late.daysWaiting,
      deadline: '2024-01-31',
      overdue: true,
      scheduled: [],
    });
    const order = blocked.map((row: { id: string }) => row.id);
    expect(order.indexOf(late.id)).toBeLessThan(order.indexOf(fresh.id));
    const firstNotOverdue = blocked.findIndex((row: { overdue: boolean }) => !row.overdue);
    expect(blocked.slice(firstNotOverdue).every((row: { overdue: boolean }) => !row.overdue)).toBe(true);

    expect(after.byParty).toHaveLength(16);
    const vansbro = (view: { byParty: { party: string; waiting: number; overdue: number }[] }) =>
      view.byParty.find((row) => row.party === 'vansbro')!;
    expect(vansbro(after).waiting - vansbro(before).waiting).toBe(1);
    expect(vansbro(after).overdue - vansbro(before).overdue).toBe(1);
  });
});

describe('the API description', () => {
  it('serves OpenAPI at /api/openapi.json and the docs at /api/docs', async () => {
    const document = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/parties', '/api/cases', '/api/cases/{id}', '/api/cases/{id}/council', '/api/cases/{id}/network', '/api/cases/{id}/decisions', '/api/dashboard']),
    );
    const docs = await fetch(`${api.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});

describe('no request answers 500', () => {
  it('answers every odd request with a 4xx in the contract shape', async () => {
    const odd: [string, string, string | undefined][] = [
      ['GET', '/api/nothing-here', undefined],
      ['DELETE', '/api/cases', undefined],
      ['PUT', '/api/cases/00000000-0000-4000-8000-000000000000', '{}'],
      ['POST', '/api/cases/not-a-uuid/council', '{"outcome":"recommend","date":"2024-06-13"}'],
      ['POST', '/api/cases', '{"title":{"$gt":""},"networkDecision":{"date":"2024-05-16"}}'],
      ['POST', '/api/cases', `{"title":"${'x'.repeat(200_000)}"}`],
      ['POST', '/api/cases', '{"title":"x","networkDecision":{"date":"9999-99-99"}}'],
      ['GET', '/api/cases?limit=1e309', undefined],
    ];
    const answers = [];
    for (const [method, path, body] of odd) {
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
        body,
      });
      const json = (await response.json()) as { error: unknown; message: unknown };
      answers.push({ method, path: path.slice(0, 60), status: response.status, error: typeof json.error, message: typeof json.message });
    }
    expect(answers.filter((answer) => answer.status < 400 || answer.status >= 500)).toEqual([]);
    expect(answers.every((answer) => answer.error === 'string' && answer.message === 'string')).toBe(true);
  });
});

describe("a party's own link", () => {
  async function linkOf(caseId: string, party: string): Promise<string> {
    const response = await api.request('GET', `/api/cases/${caseId}/parties/${party}/link`);
    expect(response.status).toBe(200);
    return response.body.url;
  }

  /** The link's page address as the API's bearer token: v1.<case>.<party>.<expiry>.<mac>. */
  function tokenOf(url: string): string {
    const [, , caseId, party, signature] = new URL(url).pathname.split('/');
    return `v1.${caseId}.${party}.${signature}`;
  }

  it('is a URL of this API for the party and case, and 404 for a party not concerned or a case that does not exist', async () => {
    const recommended = await recommendedCase(api, { parties: ['mora', 'orsa'] });
    const url = await linkOf(recommended.id, 'mora');
    expect(url.startsWith(`${api.url}/svar/${recommended.id}/mora/`)).toBe(true);
    expect((await api.request('GET', `/api/cases/${recommended.id}/parties/avesta/link`)).status).toBe(404);
    expect((await api.request('GET', `/api/cases/${recommended.id}/parties/nowhere/link`)).status).toBe(404);
    expect((await api.request('GET', '/api/cases/00000000-0000-4000-8000-000000000000/parties/mora/link')).status).toBe(404);
  });

  it('answers for its own party and case only: another party or case is 403, a forged token 401', async () => {
    const recommended = await recommendedCase(api, { parties: ['mora', 'orsa'] });
    const other = await recommendedCase(api, { parties: ['mora', 'orsa'] });
    const mora = tokenOf(await linkOf(recommended.id, 'mora'));
    const asMora = (caseId: string, party: string, token = mora) =>
      fetch(`${api.url}/api/cases/${caseId}/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(decision(party)),
      });
    expect((await asMora(recommended.id, 'orsa')).status).toBe(403);
    expect((await asMora(other.id, 'mora')).status).toBe(403);
    expect((await asMora(recommended.id, 'mora', `${mora.slice(0, -2)}xx`)).status).toBe(401);
    expect((await asMora(recommended.id, 'mora', mora.replace('.mora.', '.orsa.'))).status).toBe(401);

    const own = await asMora(recommended.id, 'mora');
    expect(own.status).toBe(200);
    const body = (await own.json()) as { history: { actor: string; party?: string }[] };
    expect(body.history.at(-1)).toEqual(expect.objectContaining({ actor: 'party:mora', party: 'mora' }));
    const unchanged = (await api.request('GET', `/api/cases/${other.id}`)).body;
    expect(unchanged.waitingOn).toEqual(['mora', 'orsa']);
  });

  it('shows a closed case read-only, without the form', async () => {
    const recommended = await recommendedCase(api, { parties: ['mora'] });
    const url = await linkOf(recommended.id, 'mora');
    expect(await (await fetch(url)).text()).toContain('<form class="stacked" method="post"');
    await api.request('POST', `/api/cases/${recommended.id}/decisions`, decision('mora'));
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Ärendet är avslutat');
    expect(text).toContain('Antaget');
    expect(text).not.toContain('method="post"');
    const late = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=rejected&date=2024-10-01' });
    expect(late.status).toBe(409);
    expect((await api.request('GET', `/api/cases/${recommended.id}`)).body.parties[0].status).toBe('adopted');
  });

  it('is refused on the coordinator endpoints', async () => {
    const created = await createCase(api, { parties: ['mora'] });
    const token = tokenOf(await linkOf(created.id, 'mora'));
    for (const path of ['/api/cases', `/api/cases/${created.id}`, '/api/dashboard']) {
      const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(403);
    }
  });
});

describe('duplicate submissions', () => {
  it('answers 50 concurrent sends of one decision with one key with the same result, recorded once', async () => {
    const recommended = await recommendedCase(api, { parties: ['mora', 'orsa'] });
    const path = `/api/cases/${recommended.id}/decisions`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => api.request('POST', path, decision('mora'), { 'idempotency-key': `fifty-${recommended.id}` })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    const stored = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
    expect(stored.history.filter((entry: { party?: string }) => entry.party === 'mora')).toHaveLength(1);
  });
});
