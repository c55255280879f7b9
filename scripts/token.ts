/**
 * npm run token -- <persona>   prints a development bearer token for a demo persona
 * npm run token -- --list      lists the personas
 * Tokens are signed by the hub's development issuer (its key lives in the data folder) and last 8 hours.
 */
import { findPersona, PERSONAS } from '@hub/platform/demo';
import { DevIssuer, loadOrCreateKeyPair } from '@hub/platform/identity';
import { devIssuerKeyFile } from '@hub/platform/runtime';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '@hub/gateway';

const [arg] = process.argv.slice(2);

if (!arg || arg === '--list' || arg === '-l') {
  console.log('Demo personas (npm run token -- <persona>):\n');
  for (const persona of PERSONAS) console.log(`  ${persona.key.padEnd(22)} ${persona.description}  [${persona.actor.roles.join(', ')}]`);
  process.exit(arg ? 0 : 2);
}

if (process.env.AUTH_MODE === 'oidc') {
  console.error('AUTH_MODE is oidc: tokens come from your identity provider, not from the development issuer.');
  process.exit(2);
}

const persona = findPersona(arg);
if (!persona) {
  console.error(`No persona "${arg}". Known: ${PERSONAS.map((p) => p.key).join(', ')}`);
  process.exit(2);
}
const key = await loadOrCreateKeyPair(devIssuerKeyFile(), 'dev-issuer-1');
const issuer = await DevIssuer.create(key.privateJwk, DEV_ISSUER, process.env.AUTH_AUDIENCE || DEFAULT_AUDIENCE);
console.log(await issuer.issue(persona.actor));
