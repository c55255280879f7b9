export { entities } from './entities/index.js';
export { migrations } from './migrations/index.js';
