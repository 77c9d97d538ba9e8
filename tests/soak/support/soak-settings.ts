/** The soak's knobs, from the environment; a bad value stops it with the variable's name. */
export interface SoakSettings {
  readonly minutes: number;
  readonly clients: number;
  readonly seed: number;
  /** Every kind of fault happens at least once in any window this long. */
  readonly faultPeriodSeconds: number;
  /** How long the end of the run may take to settle before what is left counts as a violation. */
  readonly settleMinutes: number;
  /** The API's OVERENS_UPDATE_TIMEOUT_SECONDS: how long a write waits before its 503. */
  readonly updateTimeoutSeconds: number;
}

export function readSoakSettings(env: NodeJS.ProcessEnv = process.env): SoakSettings {
  return {
    minutes: positive(env, 'OVERENS_SOAK_MINUTES', 10),
    clients: positiveInteger(env, 'OVERENS_SOAK_CLIENTS', 8),
    seed: positiveInteger(env, 'OVERENS_SOAK_SEED', Math.floor(Math.random() * 2 ** 31)),
    faultPeriodSeconds: positive(env, 'OVERENS_SOAK_FAULT_PERIOD_SECONDS', 180),
    settleMinutes: positive(env, 'OVERENS_SOAK_SETTLE_MINUTES', 5),
    updateTimeoutSeconds: positiveInteger(env, 'OVERENS_SOAK_UPDATE_TIMEOUT_SECONDS', 5),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${text}"`);
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positive(env, name, fallback);
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, not "${env[name]}"`);
  return value;
}
