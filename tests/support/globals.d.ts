import type { RunningPostgres } from '../../libs/embedded/embedded-postgres';
import type { RunningTemporalDevServer } from '../../libs/embedded/temporal-dev-server';
import type { RunningOutbox } from '../../libs/mail/outbox-server';

declare global {
  // Handles kept between jest's global setup and teardown (same process).
  var __overensTestServers: {
    postgres: RunningPostgres;
    temporal: RunningTemporalDevServer;
    outbox: RunningOutbox;
    runDir: string;
  } | undefined;
}
