import { z } from 'zod';
import { readSettings, registerSeedSettingsSchema } from '../../libs/config/config';
import { registerSeedOf } from '../../libs/register';
import { createDataSource, migrate } from '../../libs/persistence';
import { failStartup } from '../shared/fail-startup';

async function main(): Promise<void> {
  const settings = readSettings(registerSeedSettingsSchema.extend({ DATABASE_URL: z.string().url() }));
  // A bad seed file stops here, before anything is written.
  const seed = registerSeedOf(settings.OVERENS_REGISTER_SEED);
  const dataSource = await createDataSource(settings.DATABASE_URL, { poolSize: 1 }).initialize();
  try {
    await migrate(dataSource, seed);
    console.log('migrate: the read model and the register are up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch(failStartup('migrate'));
