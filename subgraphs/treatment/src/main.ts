import { runStandalone } from '@hub/platform';
import { treatment } from './index.js';

await runStandalone(treatment);
