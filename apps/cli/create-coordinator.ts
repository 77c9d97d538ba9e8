import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readSettings } from '../../libs/config/config';
import { CoordinatorRepository, createDataSource } from '../../libs/persistence';
import { hashPassword } from '../api/web/password';
import { failStartup } from '../shared/fail-startup';

const USAGE = 'usage: npm run coordinator:create -- --email <e-post> --name "<namn>"  (password from OVERENS_NEW_PASSWORD or asked for)';

/** Creates a coordinator account, or sets a new password on one. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = z.string().email().safeParse(values.email);
  if (!email.success || !values.name) throw new Error(USAGE);
  const settings = readSettings(z.object({ DATABASE_URL: z.string().url(), OVERENS_NEW_PASSWORD: z.string().optional() }));
  const password = settings.OVERENS_NEW_PASSWORD ?? (await ask('Lösenord (minst 12 tecken): '));
  if (password.length < 12) throw new Error('The password must be at least 12 characters.');

  const dataSource = await createDataSource(settings.DATABASE_URL, { poolSize: 1 }).initialize();
  try {
    await new CoordinatorRepository(dataSource).upsert(email.data, values.name, await hashPassword(password));
    console.log(`coordinator: ${email.data} can now sign in`);
  } finally {
    await dataSource.destroy();
  }
}

async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await readline.question(question)).trim();
  } finally {
    readline.close();
  }
}

main().catch(failStartup('coordinator:create'));
