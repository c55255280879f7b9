import { ConfigError, readChoice, readInteger, readString, readUrl } from '@hub/platform/config';
import { gatewayPort, SUBGRAPH_NAMES, subgraphUrl, type SubgraphName } from '@hub/platform/topology';

type Env = Record<string, string | undefined>;

export interface GatewayConfig {
  port: number;
  host: string;
  /** `dev`: the hub issues its own tokens for demo personas; `oidc`: tokens come from a configured provider. */
  authMode: 'dev' | 'oidc';
  issuer: string;
  audience: string;
  /** Null in dev mode until the gateway knows its own URL (the JWKS is served by the gateway itself). */
  jwksUrl: URL | null;
  subgraphUrls: Record<SubgraphName, string>;
  /** Origins of partner frontends allowed to call the hub from a browser (HUB_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /** How long the gateway waits for a subgraph before answering SUBGRAPH_UNAVAILABLE for its part (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs: number;
  explorer: boolean;
}

export const DEV_ISSUER = 'urn:deflection-hub:dev-issuer';
export const DEFAULT_AUDIENCE = 'deflection-hub';
export const DEV_JWKS_PATH = '/dev-issuer/jwks.json';

/** Each origin a scheme, host and optional port, nothing else: `https://partner.example.org`. */
function readOrigins(env: Env): string[] {
  const raw = env.HUB_ALLOWED_ORIGINS ?? '';
  return raw.split(',').map((o) => o.trim()).filter(Boolean).map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError('HUB_ALLOWED_ORIGINS', `"${origin}" is not an origin such as https://partner.example.org`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError('HUB_ALLOWED_ORIGINS', `"${origin}" is not an origin such as https://partner.example.org (no path, no wildcard)`);
    }
    return url.origin;
  });
}

/** Reads and validates the gateway's configuration; a wrong value throws a ConfigError naming the variable. */
export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  const authMode = readChoice('AUTH_MODE', ['dev', 'oidc'] as const, production ? 'oidc' : 'dev', env);
  const jwksUrl = readUrl('AUTH_JWKS_URL', env, ['http:', 'https:']) ?? null;
  if (authMode === 'oidc') {
    if (!jwksUrl) throw new ConfigError('AUTH_JWKS_URL', 'is required when AUTH_MODE is oidc');
    if (!env.AUTH_ISSUER) throw new ConfigError('AUTH_ISSUER', 'is required when AUTH_MODE is oidc');
  }
  if (production && authMode === 'dev') throw new ConfigError('AUTH_MODE', 'must not be dev when NODE_ENV is production');
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name, env)])) as Record<SubgraphName, string>;
  return {
    port: gatewayPort(env),
    host: readString('HUB_HOST', '127.0.0.1', env),
    authMode,
    issuer: authMode === 'dev' ? DEV_ISSUER : readString('AUTH_ISSUER', '', env),
    audience: readString('AUTH_AUDIENCE', DEFAULT_AUDIENCE, env),
    jwksUrl: authMode === 'dev' ? null : jwksUrl,
    subgraphUrls,
    allowedOrigins: readOrigins(env),
    subgraphTimeoutMs: readInteger('SUBGRAPH_TIMEOUT_MS', 5_000, { min: 100, max: 55_000 }, env),
    explorer: !production,
  };
}
