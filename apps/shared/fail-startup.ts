import { ConfigurationError } from '../../libs/config/config';

/** The last word of a process that failed to start: a clear message, a non-zero exit. */
export function failStartup(processName: string): (error: unknown) => never {
  return (error: unknown) => {
    if (error instanceof ConfigurationError) console.error(`${processName}: ${error.message}`);
    else console.error(`${processName}: failed:`, error);
    process.exit(1);
  };
}
