import { runStandalone } from '@hub/platform/runtime';
import { reporting } from './index.js';

await runStandalone(reporting);
