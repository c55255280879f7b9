import { invalidInput } from '@hub/platform/errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { CrisisIncident } from '../entities/crisis.entity.js';
import { UseOfForceIncident } from '../entities/use-of-force.entity.js';

/**
 * An agency's own number for an incident (CAD or RMS) is unique within the agency, for crisis and use-of-force
 * incidents alike: checked before the write, and a race between two writes answered the same way.
 */
export async function checkNumberFree(
  em: EntityManager,
  entity: typeof CrisisIncident | typeof UseOfForceIncident,
  agencyId: string,
  number: string | null,
  except: string | null,
): Promise<void> {
  if (number === null) return;
  const where = { agencyId, agencyIncidentNumber: number, ...(except ? { id: { $ne: except } } : {}) };
  const taken = entity === CrisisIncident ? await em.count(CrisisIncident, where) : await em.count(UseOfForceIncident, where);
  if (taken > 0) throw invalidInput([{ field: 'input.agencyIncidentNumber', rule: 'unique', message: `Your agency already recorded incident ${number}; correct that one instead.` }]);
}

/** Two records or uploads with the same incident number at once: the second is told which rule it met, and may retry. */
export function numberTaken(error: unknown): never {
  if (error instanceof GraphQLError && error.extensions?.code === 'CONFLICT' && error.extensions?.rule === 'unique') {
    throw invalidInput([{ field: 'input.agencyIncidentNumber', rule: 'unique', message: 'An incident with this agency incident number was recorded at the same moment; read the month again.' }]);
  }
  throw error;
}
