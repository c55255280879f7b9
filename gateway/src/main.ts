import { exitOnConfigError } from '@hub/platform/config';
import { loadOrCreateKeyPair } from '@hub/platform/identity';
import { devIssuerKeyFile, gatewayKeyPair, stopOnSignals } from '@hub/platform/runtime';
import { readGatewayConfig } from './config.js';
import { readSupergraph, startGateway } from './gateway.js';

try {
  const config = readGatewayConfig();
  const internalKey = await gatewayKeyPair();
  const devIssuer = config.authMode === 'dev' ? await loadOrCreateKeyPair(devIssuerKeyFile(), 'dev-issuer-1') : null;
  const server = await startGateway({
    config,
    supergraphSdl: await readSupergraph(),
    internalKey,
    devIssuerPublicKey: devIssuer?.publicJwk,
    devIssuerPrivateKey: devIssuer?.privateJwk,
  });
  console.log(`[gateway] ready at ${server.url}/graphql`);
  stopOnSignals(() => server.close());
} catch (error) {
  exitOnConfigError(error);
}
