export { DateScalar, DateTimeScalar, InvalidScalarValue } from './scalars.js';
export { isUuid } from './input-limits.js';
export { secureSchema, operationsOf, resolvableEntities, type SchemaGuard } from './hub-schema.js';
export { callSubgraph, type SubgraphTarget } from './call-subgraph.js';
export { loadTypeDefs } from './load-schema.js';
