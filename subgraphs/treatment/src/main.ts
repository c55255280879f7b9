import { runStandalone } from '@hub/platform/runtime';
import { treatment } from './index.js';

await runStandalone(treatment);
