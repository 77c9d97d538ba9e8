import { Injectable } from '@nestjs/common';

export type SecurityEvent = { readonly at: string; readonly security: string } & Record<string, string | number>;

/**
 * Security events (sign-ins, refusals, refused links) as one JSON line each, whatever
 * the application's log level, so that they can be collected and kept apart. Standard
 * output unless whoever starts the API hands it another sink (the tests collect them).
 */
@Injectable()
export class SecurityLog {
  constructor(private readonly sink: (event: SecurityEvent) => void = (event) => process.stdout.write(`${JSON.stringify(event)}\n`)) {}

  record(event: string, details: Record<string, string | number>): void {
    this.sink({ at: new Date().toISOString(), security: event, ...details });
  }
}
