import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import S3rver from 's3rver';
import { ObjectStorage } from '../../libs/files';
import { tokenFromLinkPath } from '../../libs/links/party-link';
import { createCase, decision } from '../support/case-requests';
import { startTestApi, type TestApi } from '../support/test-stack';
import { pdf, sha256, uploadFile } from '../support/uploads';
import { testServers } from '../support/test-servers';

/**
 * Files: attachments and minutes excerpts are uploaded, checked by content, size and the
 * scan hook, stored in PostgreSQL (or S3-compatible object storage, here a real S3rver on
 * a free port), named in steps by id and checksum only, and handed out exactly as stored
 * to the coordinator and to the parties whose cases refer to them.
 */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(() => api?.close());


async function download(target: TestApi, path: string, bearer = target.token): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${target.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

/** Every payload in a workflow history, as text. */
function payloadTexts(value: unknown): string[] {
  if (value instanceof Uint8Array) return [Buffer.from(value).toString('latin1')];
  if (Array.isArray(value)) return value.flatMap(payloadTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(payloadTexts);
  return [];
}

/** A party's own link as the API's bearer token. */
async function partyToken(caseId: string, party: string): Promise<string> {
  const { body } = await api.request('GET', `/api/cases/${caseId}/parties/${party}/link`);
  const [, , , , signature] = new URL(body.url).pathname.split('/');
  return tokenFromLinkPath(caseId, party, signature);
}

it('opens a case with an uploaded attachment, replaces it with a new version, and keeps the earlier one', async () => {
  const first = pdf('Bilaga 10, första versionen');
  const stored = await uploadFile(api, first, 'Bilaga 10 Underlag – Säter.pdf');
  expect(stored.status).toBe(201);
  expect(stored.body).toMatchObject({ name: 'Bilaga 10 Underlag – Säter.pdf', mediaType: 'application/pdf', size: first.length, sha256: sha256(first) });

  const created = await createCase(api, {
    parties: ['falun', 'mora'],
    attachments: [
      { title: 'Överenskommelsen', url: 'https://rss.example.se/kvinnofrid.pdf' },
      { title: 'Bilaga 10 Underlag', file: stored.body.id },
    ],
  });
  expect(created.attachments[1]).toMatchObject({ title: 'Bilaga 10 Underlag', url: null, version: 1, file: { id: stored.body.id, sha256: sha256(first), name: 'Bilaga 10 Underlag – Säter.pdf' } });

  const second = pdf('Bilaga 10, nytt underlag');
  const replacement = await uploadFile(api, second, 'bilaga10-v2.pdf');
  const replaced = await api.request('POST', `/api/cases/${created.id}/attachments`, {
    title: 'Bilaga 10 Underlag',
    file: replacement.body.id,
    date: '2024-06-10',
    replaces: 2,
    note: 'nytt underlag',
  });
  expect(replaced.status).toBe(200);
  expect(replaced.body.attachments[1]).toMatchObject({
    version: 2,
    note: 'nytt underlag',
    file: { id: replacement.body.id, name: 'bilaga10-v2.pdf' },
    earlier: [{ version: 1, file: { id: stored.body.id } }],
  });
  expect(replaced.body.history.at(-1)).toMatchObject({ type: 'attachment', attachment: 2, outcome: 'replaced', note: 'nytt underlag' });

  // The history holds the file's id and checksum, never its bytes.
  const history = await api.temporal.workflow.getHandle(`case-${created.id}`).fetchHistory();
  expect(payloadTexts(history).some((text) => text.includes('%PDF-'))).toBe(false);
  const replacedInput = (history.events ?? []).find((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'addAttachment');
  const payload = replacedInput?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads?.[0]?.data;
  const input = JSON.parse(Buffer.from(payload as Uint8Array).toString());
  expect(input.file).toEqual({ id: replacement.body.id, sha256: sha256(second) });

  // Each version downloads exactly as uploaded, under its own name.
  const latest = await download(api, `/api/files/${replacement.body.id}`);
  expect(latest.status).toBe(200);
  expect(sha256(latest.bytes)).toBe(sha256(second));
  expect(latest.headers.get('content-type')).toBe('application/pdf');
  expect(latest.headers.get('content-disposition')).toContain("filename*=UTF-8''bilaga10-v2.pdf");
  const earlier = await download(api, `/api/files/${stored.body.id}`);
  expect(earlier.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Bilaga 10 Underlag – Säter.pdf')}`);
  expect(earlier.bytes.equals(first)).toBe(true);

  // A link cannot be replaced by a file, and an attachment that does not exist cannot be replaced.
  expect((await api.request('POST', `/api/cases/${created.id}/attachments`, { title: 'X', file: replacement.body.id, date: '2024-06-10', replaces: 1 })).status).toBe(409);
  const missing = await api.request('POST', `/api/cases/${created.id}/attachments`, { title: 'X', file: replacement.body.id, date: '2024-06-10', replaces: 7 });
  expect(missing.status).toBe(400);
  expect(missing.body.message).toBe('Ärendet har bilagorna 1–2; bilaga 7 finns inte.');
  // A file id that was never uploaded changes nothing.
  const unknown = await api.request('POST', `/api/cases/${created.id}/attachments`, { title: 'X', file: '00000000-0000-4000-8000-000000000000', date: '2024-06-10' });
  expect(unknown.status).toBe(400);
  expect((await api.request('GET', `/api/cases/${created.id}`)).body.attachments).toHaveLength(2);
});

it("lets a party upload its minutes excerpt with its own link, answer with it, and fetch only its own excerpt and the case's attachments", async () => {
  const attachment = await uploadFile(api, pdf('Överenskommelsen'), 'overenskommelse.pdf');
  const created = await createCase(api, { parties: ['falun', 'mora'], attachments: [{ title: 'Överenskommelsen', file: attachment.body.id }] });
  expect((await api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: '2024-06-13' })).status).toBe(200);
  const falun = await partyToken(created.id, 'falun');
  const mora = await partyToken(created.id, 'mora');

  const excerpt = pdf('Protokollsutdrag Falun § 45');
  const uploaded = await uploadFile(api, excerpt, 'Protokollsutdrag SN § 45.pdf', falun);
  expect(uploaded.status).toBe(201);
  // Another party cannot answer with Falun's file, nor Falun with a file it did not upload.
  const moraUsing = await api.request('POST', `/api/cases/${created.id}/decisions`, decision('mora', 'adopted', { minutesFile: uploaded.body.id }), { authorization: `Bearer ${mora}` });
  expect(moraUsing.status).toBe(400);
  const falunUsingAttachment = await api.request('POST', `/api/cases/${created.id}/decisions`, decision('falun', 'adopted', { minutesFile: attachment.body.id }), { authorization: `Bearer ${falun}` });
  expect(falunUsingAttachment.status).toBe(400);

  const answered = await api.request('POST', `/api/cases/${created.id}/decisions`, decision('falun', 'adopted', { minutesFile: uploaded.body.id }), { authorization: `Bearer ${falun}` });
  expect(answered.status).toBe(200);
  expect(answered.body.parties.find((answer: any) => answer.party === 'falun').minutesFile).toMatchObject({ id: uploaded.body.id, name: 'Protokollsutdrag SN § 45.pdf', sha256: sha256(excerpt) });

  expect((await download(api, `/api/files/${uploaded.body.id}`)).bytes.equals(excerpt)).toBe(true);
  expect((await download(api, `/api/files/${uploaded.body.id}`, falun)).status).toBe(200);
  expect((await download(api, `/api/files/${uploaded.body.id}`, mora)).status).toBe(404);
  expect((await download(api, `/api/files/${attachment.body.id}`, mora)).status).toBe(200);
  // A party of another case sees neither.
  const other = await createCase(api, { parties: ['orsa'] });
  const orsa = await partyToken(other.id, 'orsa');
  expect((await download(api, `/api/files/${attachment.body.id}`, orsa)).status).toBe(404);
  expect((await download(api, `/api/files/${uploaded.body.id}`)).status).toBe(200);
  expect((await download(api, `/api/files/${uploaded.body.id}`, 'not-a-token')).status).toBe(401);
});

it('refuses what is not a document it takes, an empty file, a body that is not a form, and a form without a file, storing nothing', async () => {
  const count = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM stored_files`))[0].n);
  const before = await count();
  const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
  const renamed = await uploadFile(api, program, 'protokoll.pdf');
  expect(renamed.status).toBe(415);
  expect(renamed.body.message).toContain('Ladda upp PDF');
  expect((await uploadFile(api, pdf('x'), 'protokoll.exe')).status).toBe(415);
  expect((await uploadFile(api, Buffer.alloc(0), 'tom.pdf')).status).toBe(400);
  expect((await api.request('POST', '/api/files', { file: 'x' })).status).toBe(415);
  const noFile = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${api.token}` }, body: new FormData() });
  expect(noFile.status).toBe(400);
  const twoFiles = new FormData();
  twoFiles.append('other', new Blob([new Uint8Array(pdf('a'))]), 'a.pdf');
  expect((await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${api.token}` }, body: twoFiles })).status).toBe(400);
  expect((await uploadFile(api, pdf('x'), 'x.pdf', 'not-a-token')).status).toBe(401);
  expect(await count()).toBe(before);
  // A text file, a Word file and an image are taken by their content.
  expect((await uploadFile(api, Buffer.from('Anteckningar från mötet, åäö.\n'), 'anteckningar.txt')).body.mediaType).toBe('text/plain');
  expect((await uploadFile(api, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'yttrande.docx')).body.mediaType).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
});

/** Sends a multipart request's headers and first part and holds the rest back; the status, if the server answers before the body ends. */
function answerBeforeTheBodyEnds(target: TestApi, path: string, headers: Record<string, string> = {}): Promise<number | 'waiting for the body'> {
  return new Promise((resolvePromise, reject) => {
    const { hostname, port } = new URL(target.url);
    const request = httpRequest({ hostname, port, path, method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10_000_000), ...headers } });
    const timer = setTimeout(() => {
      request.destroy();
      resolvePromise('waiting for the body');
    }, 3000);
    request.on('response', (response) => {
      clearTimeout(timer);
      response.resume();
      request.destroy();
      resolvePromise(response.statusCode ?? 0);
    });
    request.on('error', (error) => (String(error).includes('socket hang up') ? undefined : reject(error)));
    request.write('--x\r\nContent-Disposition: form-data; name="minutesFile"; filename="a.pdf"\r\n\r\n%PDF-1.7\n');
  });
}

it("never reads a page's file upload from someone without a session or a genuine link: they are refused before the body ends", async () => {
  const created = await createCase(api, { parties: ['falun'] });
  const link = new URL((await api.request('GET', `/api/cases/${created.id}/parties/falun/link`)).body.url).pathname;
  expect(await answerBeforeTheBodyEnds(api, `${link.slice(0, -3)}xyz`)).toBe(403);
  expect(await answerBeforeTheBodyEnds(api, `/arenden/${created.id}/attachment`)).toBe(303);
  expect(await answerBeforeTheBodyEnds(api, '/arenden/nytt')).toBe(303);
  // The genuine link's upload is read: the server waits for the rest of the file.
  expect(await answerBeforeTheBodyEnds(api, link)).toBe('waiting for the body');
});

describe('limits and the scan hook', () => {
  let limited: TestApi;

  beforeAll(async () => {
    // The hook as ClamAV's clamdscan answers: 1 for infected, 0 for clean; here it knows the EICAR test string.
    limited = await startTestApi({
      withWorker: false,
      files: { maxMegabytes: 0.05, virusScanCommand: 'if grep -q EICAR-STANDARD-ANTIVIRUS-TEST-FILE; then exit 1; else exit 0; fi' },
    });
  });

  afterAll(() => limited?.close());

  it('refuses a file larger than the limit and one the scan finds infected, and logs the infected one', async () => {
    const large = await uploadFile(limited, Buffer.concat([pdf('stor'), Buffer.alloc(60 * 1024, 0x20)]), 'stor.pdf');
    expect(large.status).toBe(413);
    expect(large.body.message).toContain('högst');
    const infected = await uploadFile(limited, Buffer.from(`${EICAR}\n`), 'eicar.txt');
    expect(infected.status).toBe(422);
    expect(infected.body.error).toBe('rejected-file');
    expect(limited.securityEvents.some((event) => event.security === 'upload-infected')).toBe(true);
    expect((await uploadFile(limited, pdf('ren'), 'ren.pdf')).status).toBe(201);
  });
});

describe('a scan hook that does not answer', () => {
  let broken: TestApi;

  beforeAll(async () => {
    broken = await startTestApi({ withWorker: false, files: { virusScanCommand: 'cat > /dev/null; exit 2' } });
  });

  afterAll(() => broken?.close());

  it('refuses the upload as unavailable rather than letting it through', async () => {
    const refused = await uploadFile(broken, pdf('x'), 'x.pdf');
    expect(refused.status).toBe(503);
    expect(refused.body.message).toContain('Virusgranskningen');
  });
});

describe('object storage', () => {
  let s3: S3rver;
  let directory: string;
  let stored: TestApi;
  let bucket: ObjectStorage;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'overens-s3-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'overens-filer', configs: [] }] });
    const { port } = await s3.run();
    const settings = { endpoint: `http://127.0.0.1:${port}`, bucket: 'overens-filer', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    bucket = new ObjectStorage({ ...settings, region: 'us-east-1' });
    stored = await startTestApi({ files: { s3: settings } });
  });

  afterAll(async () => {
    await stored?.close();
    await s3?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps the bytes in the bucket, not in PostgreSQL, hands them out as stored, and refuses a file changed in the bucket', async () => {
    const bytes = pdf('i objektlagringen');
    const uploaded = await uploadFile(stored, bytes, 'objekt.pdf');
    expect(uploaded.status).toBe(201);
    const [row] = await stored.dataSource.query(`SELECT location, content FROM stored_files WHERE id = $1`, [uploaded.body.id]);
    expect(row).toEqual({ location: 'object-storage', content: null });
    expect((await bucket.get(`files/${uploaded.body.id}`))?.equals(bytes)).toBe(true);
    expect((await download(stored, `/api/files/${uploaded.body.id}`)).bytes.equals(bytes)).toBe(true);

    await bucket.put(`files/${uploaded.body.id}`, pdf('ändrad i efterhand'), 'application/pdf');
    const tampered = await download(stored, `/api/files/${uploaded.body.id}`);
    expect(tampered.status).toBe(503);
    expect(stored.securityEvents.some((event) => event.security === 'file-checksum-mismatch' && event.file === uploaded.body.id)).toBe(true);
  });
});

it("keeps the attachments and the parties' excerpts through a rebuild of the read model from the workflows", async () => {
  const attachment = await uploadFile(api, pdf('Bilaga'), 'bilaga.pdf');
  const created = await createCase(api, { parties: ['falun'], attachments: [{ title: 'Bilaga 1', file: attachment.body.id }] });
  expect((await api.request('POST', `/api/cases/${created.id}/council`, { outcome: 'recommend', date: '2024-06-13' })).status).toBe(200);
  const excerpt = await uploadFile(api, pdf('Utdrag'), 'utdrag.pdf');
  expect((await api.request('POST', `/api/cases/${created.id}/decisions`, decision('falun', 'scheduled', { minutesFile: excerpt.body.id }))).status).toBe(200);
  const before = (await api.request('GET', `/api/cases/${created.id}`)).body;

  await api.dataSource.query(`UPDATE cases SET attachments = '[]' WHERE id = $1`, [created.id]);
  await api.dataSource.query(`UPDATE case_parties SET minutes_file = NULL WHERE case_id = $1`, [created.id]);
  const cli = resolve(__dirname, '..', '..', 'dist', 'apps', 'cli', 'rebuild-read-model.js');
  await promisify(execFile)(process.execPath, [cli, '--where', `WorkflowId = 'case-${created.id}'`], {
    env: { ...process.env, DATABASE_URL: testServers().databaseUrl, TEMPORAL_ADDRESS: testServers().temporalAddress },
  });
  const after = (await api.request('GET', `/api/cases/${created.id}`)).body;
  expect(after.attachments).toEqual(before.attachments);
  expect(after.parties[0].minutesFile).toEqual(before.parties[0].minutesFile);
  expect((await download(api, `/api/files/${excerpt.body.id}`)).status).toBe(200);
});
