import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from '../../apps/api/web/password';
import { CoordinatorRepository } from '../../libs/persistence';
import { signInByForm } from '../support/sign-in';
import { startTestApi, type TestApi } from '../support/test-stack';

/** Passwords are kept by OWASP's current scrypt parameters; an older, weaker hash is replaced at the next sign-in. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ withWorker: false });
});

afterAll(() => api.close());

/** A hash as the first version of Överens made it: scrypt with N=2^15. */
function oldHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

it('hashes with N=2^17, r=8, p=1', async () => {
  const stored = await hashPassword('ett långt lösenord');
  expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
  expect(needsRehash(stored)).toBe(false);
  expect(await verifyPassword('ett långt lösenord', stored)).toBe(true);
  expect(await verifyPassword('ett annat lösenord', stored)).toBe(false);
});

it('replaces a weaker hash at the next successful sign-in, and only then', async () => {
  const email = `rehash-${Date.now()}@rss-dalarna.example`;
  const coordinators = new CoordinatorRepository(api.dataSource);
  const weak = oldHash('ett långt lösenord');
  expect(needsRehash(weak)).toBe(true);
  await coordinators.upsert(email, 'Gammal hash', weak);

  expect((await signInByForm(api.url, email, 'fel lösenord')).status).toBe(401);
  expect((await coordinators.findByEmail(email))?.passwordHash).toBe(weak);

  expect((await signInByForm(api.url, email, 'ett långt lösenord')).status).toBe(303);
  const renewed = (await coordinators.findByEmail(email))!.passwordHash;
  expect(renewed).not.toBe(weak);
  expect(needsRehash(renewed)).toBe(false);
  expect(await verifyPassword('ett långt lösenord', renewed)).toBe(true);
  expect(api.securityEvents).toContainEqual(expect.objectContaining({ security: 'password-rehashed' }));
  // The new hash signs in as well.
  expect((await signInByForm(api.url, email, 'ett långt lösenord')).status).toBe(303);
});
