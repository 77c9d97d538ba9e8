import { z } from 'zod';
import { readSettings } from '../../libs/config/config';
import { createDataSource, migrate } from '../../libs/persistence';
import { failStartup } from '../shared/fail-startup';

async function main(): Promise<void> {
  const settings = readSettings(z.object({ DATABASE_URL: z.string().url() }));
  const dataSource = await createDataSource(settings.DATABASE_URL, { poolSize: 1 }).initialize();
  try {
    await migrate(dataSource);
    console.log('migrate: the read model is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch(failStartup('migrate'));
