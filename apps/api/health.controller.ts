import { Controller, Get, Res } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

/** How long a readiness check waits for a server before calling it unavailable. */
const CHECK_TIMEOUT_MS = 2000;

type CheckResult = 'ok' | 'unavailable';

export interface HealthView {
  readonly status: 'ok' | 'unavailable';
  readonly checks?: { readonly database: CheckResult; readonly temporal: CheckResult };
}

/**
 * For load balancers and orchestrators: `live` while the process runs, `ready` while it can
 * serve (PostgreSQL and Temporal answer), naming the check that fails. No personal data.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
  ) {}

  @Get('live')
  live(): HealthView {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const [database, temporal] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => this.temporal.workflowService.getSystemInfo({}))),
    ]);
    const ready = database === 'ok' && temporal === 'ok';
    response.status(ready ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return { status: ready ? 'ok' : 'unavailable', checks: { database, temporal } };
  }
}

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timedOut]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}
