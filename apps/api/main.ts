import { apiSettingsSchema, readSettings } from '../../libs/config/config';
import { createDataSource } from '../../libs/persistence';
import { connectClient } from '../../libs/temporal/temporal-connection';
import { failStartup } from '../shared/fail-startup';
import { ApiConfig } from './api-config';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const settings = readSettings(apiSettingsSchema);
  const dataSource = await createDataSource(settings.DATABASE_URL).initialize();
  const temporal = await connectClient(settings.TEMPORAL_ADDRESS, settings.TEMPORAL_NAMESPACE);
  const app = await createApi({ config: new ApiConfig(settings), dataSource, temporal });
  await app.listen(settings.PORT);
  console.log(`api: listening on http://localhost:${settings.PORT}`);
  const close = async () => {
    await app.close();
    await temporal.connection.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
}

main().catch(failStartup('api'));
