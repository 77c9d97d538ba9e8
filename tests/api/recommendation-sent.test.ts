import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCase, decision } from '../support/case-requests';
import { createFreshDatabase } from '../support/fresh-database';
import { mailTo, messagesTo } from '../support/outbox';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * The recommendation goes out: when the council recommends, each party then to decide
 * gets one e-mail with what to decide, by when, the attachments and its own links; after a
 * revision, every party then to decide gets the revised case. A database of its own: the
 * parties' contacts are global.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: await createFreshDatabase('recommendation') });
});

afterAll(() => api.close());


it('e-mails the recommendation to each party once, with its own working link, and the revised case to every party then to decide', async () => {
  const run = randomUUID().slice(0, 8);
  const falun = `registrator.falun.${run}@example.se`;
  const mora = [`registrator.mora.${run}@example.se`, `socialchef.mora.${run}@example.se`];
  expect((await api.request('PUT', '/api/contacts/falun', { emails: [falun] })).status).toBe(200);
  expect((await api.request('PUT', '/api/contacts/mora', { emails: mora })).status).toBe(200);
  const created = await createCase(api, {
    title: 'Regional överenskommelse om hjälpmedel',
    parties: ['falun', 'mora', 'orsa'],
    deadline: '2099-03-31',
    attachments: [{ title: 'Överenskommelsen', url: 'https://rss.example.se/hjalpmedel.pdf' }],
    proposal: {
      coverLetter: 'Välfärdsrådet har behandlat överenskommelsen.\nVi ber om era beslut före sista svarsdagen.',
      decisionWording: 'Kommunen antar Regional överenskommelse om hjälpmedel enligt bilaga.',
    },
  });
  expect(created.proposal).toEqual({
    coverLetter: 'Välfärdsrådet har behandlat överenskommelsen.\nVi ber om era beslut före sista svarsdagen.',
    decisionWording: 'Kommunen antar Regional överenskommelse om hjälpmedel enligt bilaga.',
  });
  const key = `recommend-${run}`;
  const recommend = () => api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: '2024-06-13', note: 'Rådet rekommenderar parterna att anta.' }, { 'idempotency-key': key });
  expect((await recommend()).status).toBe(200);
  // The same request again (a client's retry) sends nothing more.
  expect((await recommend()).status).toBe(200);

  const sent = await mailTo([falun, ...mora], 3);
  expect(sent.map((message) => message.to[0]).sort()).toEqual([falun, ...mora].sort());
  const toFalun = sent.find((message) => message.to.includes(falun))!;
  expect(toFalun.subject).toBe('Rekommendation att besluta – Regional överenskommelse om hjälpmedel');
  expect(toFalun.text).toContain('Välfärdsrådet rekommenderade den 13 juni 2024 länets parter att anta ärendet nedan. RSS Dalarna ber Falun att fatta beslut i det.');
  expect(toFalun.text).toContain('Sista svarsdag: 31 mars 2099');
  expect(toFalun.text).toContain('Överenskommelsen: https://rss.example.se/hjalpmedel.pdf');
  expect(toFalun.text).toContain('Välfärdsrådet har behandlat överenskommelsen.\nVi ber om era beslut före sista svarsdagen.');
  expect(toFalun.text).toContain('Förslag till beslut, med samma lydelse hos alla parter:\n”Kommunen antar Regional överenskommelse om hjälpmedel enligt bilaga.”');
  expect(toFalun.html).toContain('Välfärdsrådet har behandlat överenskommelsen.<br>Vi ber om era beslut före sista svarsdagen.');
  const link = /Svarssidan för Falun:\n(\S+)/.exec(toFalun.text)?.[1];
  const page = await fetch(link!.replace(/^http:\/\/127\.0\.0\.1:\d+/, api.url));
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Regional överenskommelse om hjälpmedel');

  // Falun answers; the network revises and re-opens Falun's answer only.
  expect((await api.request('POST', `/api/cases/${created.id}/decisions`, decision('falun'))).status).toBe(200);
  expect((await api.request('POST', `/api/cases/${created.id}/revisions`, { date: '2024-11-14', note: 'Ny kostnadsfördelning', parties: ['falun'] })).status).toBe(200);
  const after = await mailTo([falun, ...mora], 7);
  const revised = after.filter((message) => message.subject.startsWith('Reviderat ärende'));
  // Every party still to decide gets the revised case: Falun again, and Mora, which had not answered.
  expect(revised.map((message) => message.to[0]).sort()).toEqual([falun, ...mora].sort());
  // And Falun's answer its receipt.
  expect(after.filter((message) => message.subject.startsWith('Kvitto')).map((message) => message.to[0])).toEqual([falun]);
  expect(after).toHaveLength(7);
});

it("gives each answer a receipt for the party's registry, and tells every party once when the agreement is in force", async () => {
  const run = randomUUID().slice(0, 8);
  const falun = `registrator.falun.${run}@example.se`;
  const mora = `registrator.mora.${run}@example.se`;
  const orsa = `registrator.orsa.${run}@example.se`;
  for (const [party, email] of [['falun', falun], ['mora', mora], ['orsa', orsa]]) {
    expect((await api.request('PUT', `/api/contacts/${party}`, { emails: [email] })).status).toBe(200);
  }
  const created = await createCase(api, { title: 'Överenskommelse om barnhälsovård', reference: 'LCHNV 2025/3', parties: ['falun', 'mora', 'orsa'], deadline: '2099-03-31' });
  expect((await api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: '2025-02-13' })).status).toBe(200);
  const path = `/api/cases/${created.id}/decisions`;
  const key = `answer-${run}`;
  const answer = () => api.request('POST', path, decision('falun', 'adopted', { partyReference: 'KS 2025/17' }), { 'idempotency-key': key });
  expect((await answer()).status).toBe(200);
  // Sent again (a retry): one answer, one receipt.
  expect((await answer()).status).toBe(200);
  expect((await api.request('POST', path, decision('mora', 'opted-out'))).status).toBe(200);
  expect((await api.request('POST', path, decision('orsa'))).status).toBe(200);

  // Three recommendations, three receipts, three notices that the agreement is in force.
  const sent = await mailTo([falun, mora, orsa], 9);
  await sleep(500);
  expect(await messagesTo([falun, mora, orsa])).toHaveLength(9);
  const receipts = sent.filter((message) => message.subject.startsWith('Kvitto'));
  expect(receipts.map((message) => message.to[0]).sort()).toEqual([falun, mora, orsa].sort());
  const toFalun = receipts.find((message) => message.to.includes(falun))!;
  expect(toFalun.subject).toBe('Kvitto: Falun har svarat – Överenskommelse om barnhälsovård');
  expect(toFalun.text).toContain('RSS Dalarna har tagit emot svaret från Falun i ärendet nedan.');
  expect(toFalun.text).toContain('Svar: Antaget');
  expect(toFalun.text).toContain('Beslutsdatum: 12 september 2024');
  expect(toFalun.text).toContain('Organ och paragraf: Socialnämnden § 45');
  expect(toFalun.text).toContain('Ert diarienummer: KS 2025/17');
  expect(receipts.find((message) => message.to.includes(mora))!.text).toContain('Svar: Står utanför');

  const inForce = sent.filter((message) => message.subject === 'Överenskommelsen gäller – Överenskommelse om barnhälsovård');
  expect(inForce.map((message) => message.to[0]).sort()).toEqual([falun, mora, orsa].sort());
  expect(inForce[0].text).toContain('överenskommelsen nedan gäller sedan 12 september 2024');
  expect(inForce[0].text).toContain('Parter i överenskommelsen: Falun, Orsa');
  expect(inForce[0].text).toContain('Står utanför: Mora');
});
