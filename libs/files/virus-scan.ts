import { spawn } from 'node:child_process';

/** What a scan found: nothing, something, or the scanner could not tell. */
export type ScanVerdict = 'clean' | 'infected' | 'failed';

/**
 * The virus-scan hook: a command that reads the file on standard input and exits 0 when
 * it is clean and 1 when it is infected, as ClamAV's `clamdscan --no-summary -` does. Any
 * other exit, or no answer within the time, is a failure: the upload is refused, not let through.
 */
export class VirusScanHook {
  constructor(
    private readonly command: string,
    private readonly timeoutMs = 60_000,
  ) {}

  scan(content: Buffer): Promise<ScanVerdict> {
    return new Promise((resolve) => {
      const child = spawn('/bin/sh', ['-c', this.command], { stdio: ['pipe', 'ignore', 'ignore'], timeout: this.timeoutMs });
      child.on('error', () => resolve('failed'));
      child.on('close', (code) => resolve(code === 0 ? 'clean' : code === 1 ? 'infected' : 'failed'));
      // A scanner may stop reading once it has decided.
      child.stdin.on('error', () => undefined);
      child.stdin.end(content);
    });
  }
}
