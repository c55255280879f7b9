export { readGatewayConfig, DEV_ISSUER, DEFAULT_AUDIENCE, type GatewayConfig } from './config.js';
export { startGateway, readSupergraph } from './gateway.js';
