import type { Command } from '@hub/platform/db';
import { notFound, Violations } from '@hub/platform/errors';
import { Agency } from '../entities/agency.entity.js';
import { Designation } from '../entities/designation.entity.js';
import { Person } from '../entities/person.entity.js';
import type { DesignateInput } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';
import { checkDesignation } from '../rules/designation-rules.js';
import { scopeOf } from './scope.js';

/** OPS-092 III.C–E: a leader delegates their authority to a designee of their own agency, for a period. */
export async function designate(cmd: Command, input: DesignateInput): Promise<Designation> {
  assertCan(cmd.actor, 'designation:record', { ...(await scopeOf(cmd.em, input.agencyId)), leaderId: input.delegatedById });
  const [agency, delegatedBy, designee] = await Promise.all([
    cmd.em.findOne(Agency, { id: input.agencyId }),
    cmd.em.findOne(Person, { id: input.delegatedById }),
    cmd.em.findOne(Person, { id: input.designeeId }),
  ]);
  const v = new Violations();
  checkDesignation(v, { capacity: input.capacity, agency, delegatedBy, designee, validFrom: input.validFrom, validTo: input.validTo ?? null });
  v.throwIfAny();
  const designation = cmd.em.create(Designation, {
    designee: designee!,
    delegatedBy: delegatedBy!,
    capacity: input.capacity,
    agency: agency!,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
  });
  await cmd.em.flush();
  return designation;
}

export async function revokeDesignation(cmd: Command, id: string): Promise<Designation> {
  const designation = await cmd.em.findOne(Designation, { id });
  assertCan(cmd.actor, 'designation:revoke', { ...(await scopeOf(cmd.em, designation?.agency.id)), leaderId: designation?.delegatedBy.id ?? '' });
  if (!designation) throw notFound('The designation');
  // Revoking twice is a no-op, so a retried request is safe.
  designation.revokedAt ??= cmd.now;
  await cmd.em.flush();
  return designation;
}
