/** The shape of a crisis incident is domain vocabulary, shared with the demo generator (platform/src/domain/crisis.ts). */
export type { CrisisIncidentFields } from '@hub/platform/domain';
