import { ConfigError, readBoolean, readChoice, readInteger, readString, readUrl } from '@hub/platform/config';
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from './request-limits.js';
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
  /** NODE_ENV=production: messages that could reveal internals are masked, and schema details left out of errors. */
  production: boolean;
  /** Introspection answers (HUB_INTROSPECTION; off in production unless a trusted network asks for it). */
  introspection: boolean;
  /** The explorer page (HUB_EXPLORER; needs introspection). */
  explorer: boolean;
  identityPolicy: IdentityPolicy;
  /** Per identity and minute (RATE_LIMIT_PERSON_LOOKUPS, RATE_LIMIT_STATISTICS, RATE_LIMIT_QUICK_REFERRALS; 0 = off). */
  // Spelled out rather than imported from rate-limits.ts: the Hive Gateway configuration imports this file, and
  // rate-limits.ts does not type-check under graphql-tools' augmentation of GraphQL error extensions it brings.
  rateLimits: { personLookups: number; statistics: number; quickReferrals: number };
  requestLimits: RequestLimits;
  console: ConsoleSettings;
  /**
   * HUB_TRUSTED_DOCUMENTS: `allow` (default) runs the console's registered operations by hash and anything else as
   * sent; `only` runs nothing but registered operations for browsers; `off` ignores the manifest.
   */
  trustedDocuments: 'off' | 'allow' | 'only';
}

/** The partner console served at `/` (web/dist, built by npm start). */
export interface ConsoleSettings {
  /** HUB_CONSOLE=false serves no console (an agency that runs only its own frontend). */
  enabled: boolean;
  /** The OpenID Connect client the console signs in as (CONSOLE_OIDC_CLIENT_ID, in oidc mode). */
  oidcClientId: string | null;
  oidcScope: string;
  /** How often the console refreshes the counts of what waits (CONSOLE_POLL_SECONDS, 30). */
  pollSeconds: number;
}

/** CJIS Security Policy identity rules (5.6.2.2 multi-factor, 5.5.5 session lock); each 0 or false is off. */
export interface IdentityPolicy {
  /** Refuse tokens whose `amr` claim shows no second factor (AUTH_REQUIRE_MFA). */
  requireMfa: boolean;
  /** Refuse tokens whose sign-in (`auth_time`, else `iat`) is older than this (AUTH_MAX_TOKEN_AGE_MINUTES). */
  maxTokenAgeMinutes: number;
  /** Refuse a session unused for this long, counted from its sign-in or its last request (AUTH_IDLE_MINUTES). */
  idleMinutes: number;
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
  const introspection = readBoolean('HUB_INTROSPECTION', !production, env);
  const explorer = readBoolean('HUB_EXPLORER', !production, env);
  if (explorer && !introspection) throw new ConfigError('HUB_EXPLORER', 'needs HUB_INTROSPECTION=true (the explorer reads the schema by introspection)');
  if (production && !env.HUB_GATEWAY_SIGNING_JWK) {
    throw new ConfigError('HUB_GATEWAY_SIGNING_JWK', 'is required when NODE_ENV is production (the key the gateway signs identities with; never one the hub makes for itself)');
  }
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
    production,
    introspection,
    explorer,
    identityPolicy: {
      requireMfa: readBoolean('AUTH_REQUIRE_MFA', production, env),
      maxTokenAgeMinutes: readInteger('AUTH_MAX_TOKEN_AGE_MINUTES', production ? 12 * 60 : 0, { min: 0, max: 7 * 24 * 60 }, env),
      idleMinutes: readInteger('AUTH_IDLE_MINUTES', production ? 30 : 0, { min: 0, max: 24 * 60 }, env),
    },
    requestLimits: {
      maxDepth: readInteger('HUB_MAX_DEPTH', DEFAULT_REQUEST_LIMITS.maxDepth, { min: 2, max: 50 }, env),
      maxAliases: readInteger('HUB_MAX_ALIASES', DEFAULT_REQUEST_LIMITS.maxAliases, { min: 0, max: 1_000 }, env),
      maxDirectives: readInteger('HUB_MAX_DIRECTIVES', DEFAULT_REQUEST_LIMITS.maxDirectives, { min: 0, max: 1_000 }, env),
      maxTokens: readInteger('HUB_MAX_TOKENS', DEFAULT_REQUEST_LIMITS.maxTokens, { min: 100, max: 100_000 }, env),
      maxCost: readInteger('HUB_MAX_COST', DEFAULT_REQUEST_LIMITS.maxCost, { min: 100, max: 10_000_000 }, env),
      timeoutMs: readInteger('HUB_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_LIMITS.timeoutMs, { min: 500, max: 55_000 }, env),
    },
    console: {
      enabled: readBoolean('HUB_CONSOLE', true, env),
      oidcClientId: readString('CONSOLE_OIDC_CLIENT_ID', '', env) || null,
      oidcScope: readString('CONSOLE_OIDC_SCOPE', 'openid profile', env),
      pollSeconds: readInteger('CONSOLE_POLL_SECONDS', 30, { min: 1, max: 3_600 }, env),
    },
    trustedDocuments: readChoice('HUB_TRUSTED_DOCUMENTS', ['off', 'allow', 'only'] as const, 'allow', env),
    rateLimits: {
      personLookups: readInteger('RATE_LIMIT_PERSON_LOOKUPS', 120, { min: 0, max: 100_000 }, env),
      statistics: readInteger('RATE_LIMIT_STATISTICS', 30, { min: 0, max: 100_000 }, env),
      quickReferrals: readInteger('RATE_LIMIT_QUICK_REFERRALS', 20, { min: 0, max: 100_000 }, env),
    },
  };
}
