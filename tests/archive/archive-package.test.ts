import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { decision, recommendedCase } from '../support/case-requests';
import { pdf, uploadFile } from '../support/uploads';
import { startTestApi, type TestApi } from '../support/test-stack';

/**
 * A closed case downloads as an E-ARK SIP. The test unpacks it and checks every checksum
 * itself, then has tests/archive/eark_check.py run the E-ARK project's own schemas and
 * Schematron rules (eark-validator, pinned, installed into .tools by npm install) on it.
 */
const PYTHON = execFileSync('python3', ['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'], { encoding: 'utf8' }).trim();
const TOOL = resolve(__dirname, '..', '..', '.tools', `eark-validator-1.1.3-py${PYTHON}`);
const CHECK = resolve(__dirname, 'eark_check.py');
const PARTIES = ['falun', 'mora', 'orsa'];

let api: TestApi;
let folder: string;

beforeAll(async () => {
  if (!existsSync(join(TOOL, 'eark_validator'))) throw new Error(`${TOOL} is missing: \`npm install\` installs the E-ARK validator from PyPI (needs python3 with pip).`);
  api = await startTestApi();
  folder = mkdtempSync(join(tmpdir(), 'overens-archive-'));
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await api?.close();
});

async function download(caseId: string): Promise<Response> {
  return fetch(`${api.url}/api/cases/${caseId}/archive`, { headers: { authorization: `Bearer ${api.token}` } });
}

/** The E-ARK rules' verdict on a zip. */
function earkCheck(zipPath: string): Promise<{ problems: unknown[]; files: number; failingAsShipped: string[] }> {
  return new Promise((resolvePromise, reject) => {
    execFile('python3', [CHECK, zipPath], { env: { ...process.env, PYTHONPATH: TOOL } }, (error, stdout, stderr) => {
      try {
        resolvePromise(JSON.parse(stdout));
      } catch {
        reject(new Error(`eark_check.py gave no verdict: ${error?.message ?? ''}\n${stderr}`));
      }
    });
  });
}

it('packs a case in force with its evidence and history; the E-ARK schemas and rules accept it and every checksum holds', async () => {
  // Uploaded files: an attachment in two versions, and one party's excerpt.
  const firstVersion = await uploadFile(api, pdf('Överenskommelsen, första'), 'Överenskommelse MiniMaria.pdf');
  const secondVersion = await uploadFile(api, pdf('Överenskommelsen, reviderad'), 'Överenskommelse MiniMaria v2.pdf');
  const excerpt = pdf('Protokollsutdrag Falun');
  const falunExcerpt = await uploadFile(api, excerpt, 'Utdrag SN § 45.pdf');
  const recommended = await recommendedCase(api, {
    title: 'Överenskommelse om MiniMaria',
    reference: 'LCHNV 2024/12',
    parties: PARTIES,
    attachments: [{ title: 'Överenskommelsen', file: firstVersion.body.id }],
  });
  const replaced = { title: 'Överenskommelsen', file: secondVersion.body.id, date: '2024-06-20', replaces: 1, note: 'reviderad' };
  expect((await api.request('POST', `/api/cases/${recommended.id}/attachments`, replaced)).status).toBe(200);
  for (const [index, party] of PARTIES.entries()) {
    const evidence = party === 'falun' ? { minutesFile: falunExcerpt.body.id } : { minutesUrl: `https://${party}.example/protokoll.pdf` };
    const answer = decision(party, 'adopted', { partyReference: `KS 2024/${100 + index}`, ...evidence, postedOn: '2024-09-16' });
    expect((await api.request('POST', `/api/cases/${recommended.id}/decisions`, answer)).status).toBe(200);
  }
  const closed = (await api.request('GET', `/api/cases/${recommended.id}`)).body;
  expect(closed.stage).toBe('in-force');

  const response = await download(recommended.id);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="overens-${recommended.id}.zip"`);
  const zip = Buffer.from(await response.arrayBuffer());

  // Unpacked here, checked here: every file the root METS and the representation's METS name, by SHA-256 and size.
  const files = unzipSync(new Uint8Array(zip));
  const root = `overens-${recommended.id}/`;
  const text = (path: string) => Buffer.from(files[root + path]).toString('utf8');
  const checked: string[] = [];
  for (const [metsPath, base] of [['METS.xml', ''], ['representations/rep1/METS.xml', 'representations/rep1/']]) {
    const mets = text(metsPath);
    for (const match of mets.matchAll(/<mets:(?:file|mdRef)\b[^>]*?SIZE="(\d+)"[^>]*?CHECKSUM="([0-9a-f]{64})"[^>]*>(?:\s*<mets:FLocat[^>]*xlink:href="([^"]+)")?/g)) {
      const href = match[3] ?? /xlink:href="([^"]+)"/.exec(match[0])![1];
      const bytes = files[root + base + href];
      expect([href, bytes !== undefined]).toEqual([href, true]);
      expect([href, createHash('sha256').update(bytes).digest('hex'), bytes.length]).toEqual([href, match[2], Number(match[1])]);
      checked.push(base + href);
    }
  }
  const everyFile = Object.keys(files).filter((path) => !path.endsWith('/') && path !== `${root}METS.xml`).map((path) => path.slice(root.length));
  expect(checked.sort()).toEqual(everyFile.sort());

  // What it holds: the case, each answer with its evidence, the whole history, the record as PDF.
  const record = JSON.parse(text('representations/rep1/data/arende.json'));
  expect(record).toMatchObject({ id: recommended.id, title: 'Överenskommelse om MiniMaria', reference: 'LCHNV 2024/12', stage: 'in-force', closedOn: '2024-09-12' });
  const answers = JSON.parse(text('representations/rep1/data/svar.json'));
  expect(answers.find((answer: { party: string }) => answer.party === 'mora')).toMatchObject({
    status: 'adopted',
    body: 'Socialnämnden',
    paragraph: '§ 45',
    partyReference: 'KS 2024/101',
    minutesUrl: 'https://mora.example/protokoll.pdf',
    postedOn: '2024-09-16',
  });
  const history = JSON.parse(text('representations/rep1/data/historik.json'));
  expect(history.map((entry: { sequence: number }) => entry.sequence)).toEqual(closed.history.map((entry: { sequence: number }) => entry.sequence));
  expect(history[1]).toMatchObject({ type: 'council.recommend', text: expect.stringContaining('rekommenderade') });
  expect(Buffer.from(files[`${root}representations/rep1/data/arendeakt.pdf`]).subarray(0, 5).toString()).toBe('%PDF-');
  // Every version of every uploaded attachment, and the parties' excerpts, as uploaded.
  const data = `${root}representations/rep1/data/`;
  const uploaded = Object.keys(files).filter((path) => !path.endsWith('/') && (path.startsWith(`${data}bilagor/`) || path.startsWith(`${data}protokollsutdrag/`)));
  expect(uploaded.sort()).toEqual([
    `${data}bilagor/bilaga-1-v1-Overenskommelse-MiniMaria.pdf`,
    `${data}bilagor/bilaga-1-v2-Overenskommelse-MiniMaria-v2.pdf`,
    `${data}protokollsutdrag/falun-Utdrag-SN-45.pdf`,
  ]);
  expect(Buffer.from(files[`${data}protokollsutdrag/falun-Utdrag-SN-45.pdf`]).equals(excerpt)).toBe(true);
  expect(record.attachments[0]).toMatchObject({ version: 2, note: 'reviderad', earlier: [{ version: 1 }] });
  expect(text('metadata/descriptive/dc.xml')).toContain('<dc:identifier>LCHNV 2024/12</dc:identifier>');
  expect(text('metadata/preservation/premis.xml')).toContain('<premis:eventType>council.recommend</premis:eventType>');

  // The E-ARK project's schemas and rules: nothing fails. Run exactly as shipped, only SIP14
  // fails, a rule no package can pass (see eark_check.py); it is run as the specification means it.
  const zipPath = join(folder, 'package.zip');
  writeFileSync(zipPath, zip);
  const verdict = await earkCheck(zipPath);
  expect(verdict.problems).toEqual([]);
  expect(verdict.failingAsShipped).toEqual(['SIP14']);
  expect(verdict.files).toBe(everyFile.length + 1);
});

it('refuses a case still open, an unknown case and a caller who is not the coordinator, and the checker rejects a damaged package', async () => {
  const open = await recommendedCase(api, { parties: PARTIES });
  const refused = await download(open.id);
  expect(refused.status).toBe(409);
  expect((await refused.json()).message).toContain('avslutade ärenden');
  expect((await download('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  expect((await fetch(`${api.url}/api/cases/${open.id}/archive`)).status).toBe(401);

  // A package whose data changed after its METS was written fails: the checker is not a formality.
  const closed = await recommendedCase(api, { parties: ['falun'] });
  expect((await api.request('POST', `/api/cases/${closed.id}/decisions`, decision('falun', 'opted-out'))).status).toBe(200);
  const zip = unzipSync(new Uint8Array(Buffer.from(await (await download(closed.id)).arrayBuffer())));
  const history = Object.keys(zip).find((path) => path.endsWith('data/historik.json'))!;
  zip[history] = new TextEncoder().encode('[]\n');
  const { zipSync } = await import('fflate');
  const damagedPath = join(folder, 'damaged.zip');
  writeFileSync(damagedPath, zipSync(zip));
  const verdict = await earkCheck(damagedPath);
  expect(verdict.problems).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'MANIFEST', message: expect.stringContaining('historik.json: SHA-256 does not match') })]));
});
