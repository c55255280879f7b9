import { runStandalone } from '@hub/platform';
import { reporting } from './index.js';

await runStandalone(reporting);
