import type { RunningPostgres } from '../../libs/embedded/embedded-postgres';
import type { RunningTemporalDevServer } from '../../libs/embedded/temporal-dev-server';

declare global {
  // Handles kept between jest's global setup and teardown (same process).
  var __overensTestServers: { postgres: RunningPostgres; temporal: RunningTemporalDevServer; runDir: string } | undefined;
}
