import { runStandalone } from '@hub/platform';
import { cases } from './index.js';

await runStandalone(cases);
