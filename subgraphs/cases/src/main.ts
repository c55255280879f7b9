import { runStandalone } from '@hub/platform/runtime';
import { cases } from './index.js';

await runStandalone(cases);
