import { runStandalone } from '@hub/platform/runtime';
import { agencies } from './index.js';

await runStandalone(agencies);
