import type { ApiSettings } from '../../libs/config/config';

/** The API's settings as a Nest provider (a class token, never a string). */
export class ApiConfig {
  readonly taskQueue: string;
  readonly adminToken: string;
  readonly timeZone: string;
  /** How long a write waits for its workflow before answering 503. */
  readonly updateTimeoutMs: number;

  constructor(settings: Pick<ApiSettings, 'TEMPORAL_TASK_QUEUE' | 'OVERENS_ADMIN_TOKEN' | 'OVERENS_TIME_ZONE'>) {
    this.taskQueue = settings.TEMPORAL_TASK_QUEUE;
    this.adminToken = settings.OVERENS_ADMIN_TOKEN;
    this.timeZone = settings.OVERENS_TIME_ZONE;
    this.updateTimeoutMs = 30_000;
  }
}
