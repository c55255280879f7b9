export { DateScalar, DateTimeScalar, InvalidScalarValue } from './scalars.js';
export { secureSchema, operationsOf } from './hub-schema.js';
export { callSubgraph, isRefusedToCaller, type SubgraphTarget } from './call-subgraph.js';
export { loadTypeDefs } from './load-schema.js';
export { isUuid } from './input-limits.js';
