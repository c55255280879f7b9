import cluster from 'node:cluster';
import { exitOnConfigError } from '@hub/platform/config';
import { loadOrCreateKeyPair } from '@hub/platform/identity';
import { devIssuerKeyFile, gatewayKeyPair, stopOnSignals } from '@hub/platform/runtime';
import { readGatewayWorkers, runClusterPrimary } from './cluster.js';
import { readGatewayConfig } from './config.js';
import { readSupergraph, startGateway } from './gateway.js';

async function serve(): Promise<void> {
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
  if (!cluster.isWorker || cluster.worker?.id === 1) console.log(`[gateway] ready at ${server.url}/graphql`);
  stopOnSignals(() => server.close());
}

try {
  const workers = readGatewayWorkers();
  if (workers > 1 && cluster.isPrimary) {
    // The key files are made here once, so the workers read them instead of racing to create them (each would
    // otherwise make a development issuer key of its own, and tokens from one would fail on another).
    const config = readGatewayConfig();
    await gatewayKeyPair();
    if (config.authMode === 'dev') await loadOrCreateKeyPair(devIssuerKeyFile(), 'dev-issuer-1');
    runClusterPrimary(workers);
  } else {
    await serve();
  }
} catch (error) {
  exitOnConfigError(error);
}
