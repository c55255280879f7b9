import { runStandalone } from '@hub/platform';
import { agencies } from './index.js';

await runStandalone(agencies);
