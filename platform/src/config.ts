/**
 * Environment configuration, validated once at start-up. A wrong value stops the process with a message that
 * names the variable, instead of failing later somewhere far from the cause.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly rule: string,
  ) {
    super(`Configuration error: ${variable} ${rule}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function readPort(variable: string, fallback: number, env: Env = process.env): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(variable, `must be a TCP port number between 0 and 65535 (got "${raw}")`);
  }
  return port;
}

/** A whole number within bounds (milliseconds, counts): anything else refuses to start, naming the variable. */
export function readInteger(variable: string, fallback: number, bounds: { min: number; max: number }, env: Env = process.env): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new ConfigError(variable, `must be a whole number from ${bounds.min} to ${bounds.max} (got "${raw}")`);
  }
  return value;
}

export function readUrl(variable: string, env: Env = process.env, protocols: string[] = []): URL | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `must be an absolute URL (got "${raw}")`);
  }
  if (protocols.length > 0 && !protocols.includes(url.protocol)) {
    throw new ConfigError(variable, `must use one of ${protocols.join(', ')} (got "${url.protocol}")`);
  }
  return url;
}


export function readString(variable: string, fallback: string, env: Env = process.env): string {
  const raw = env[variable];
  return raw === undefined || raw === '' ? fallback : raw;
}

export function readChoice<T extends string>(variable: string, choices: readonly T[], fallback: T, env: Env = process.env): T {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(variable, `must be one of ${choices.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

export function readBoolean(variable: string, fallback: boolean, env: Env = process.env): boolean {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(variable, `must be true or false (got "${raw}")`);
}

export function readJson<T>(variable: string, env: Env = process.env): T | undefined {
  const raw = env[variable];
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new ConfigError(variable, 'must be valid JSON');
  }
}

/** Prints a configuration error the way an operator needs it and exits; anything else is rethrown. */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}
