/** The collection's segments are domain vocabulary, shared with the demo generator (platform/src/domain/use-of-force.ts). */
export type { ForceOfficer, ForceSubject, UseOfForceFields } from '@hub/platform/domain';
