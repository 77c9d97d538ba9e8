import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readSettings } from '../../libs/config/config';
import { ApiTokenRepository, createDataSource } from '../../libs/persistence';
import { failStartup } from '../shared/fail-startup';

const USAGE = 'usage: npm run token:create -- --name "<vem eller vilket system>"  |  npm run token:revoke -- --name "<namn>"';

/**
 * Creates a named API token (printed once; only its SHA-256 is kept) or revokes one. The
 * token's name is recorded as who took each step it sends.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { name: { type: 'string' } }, allowPositionals: true });
  const action = positionals[0];
  const name = values.name?.trim();
  if ((action !== 'create' && action !== 'revoke') || !name || name.length > 200) throw new Error(USAGE);
  const settings = readSettings(z.object({ DATABASE_URL: z.string().url() }));
  const dataSource = await createDataSource(settings.DATABASE_URL, { poolSize: 1 }).initialize();
  try {
    const tokens = new ApiTokenRepository(dataSource);
    if (action === 'create') {
      const token = await tokens.create(name);
      console.log(`api token for ${name} (shown once, keep it secret):\n${token}`);
    } else if (await tokens.revoke(name)) {
      console.log(`api token for ${name} revoked`);
    } else {
      throw new Error(`no api token named ${name} to revoke`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch(failStartup('token'));
