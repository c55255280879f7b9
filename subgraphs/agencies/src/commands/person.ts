import type { Command } from '@hub/platform/db';
import { notFound, Violations } from '@hub/platform/errors';
import { Agency } from '../entities/agency.entity.js';
import { Person } from '../entities/person.entity.js';
import type { AddPersonInput, SetPersonActiveInput } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';
import { checkPerson } from '../rules/person-rules.js';
import { scopeOf } from './scope.js';

/** A person of an agency, with roles no wider than the granter's own (only a hub administrator makes another). */
export async function addPerson(cmd: Command, input: AddPersonInput): Promise<Person> {
  const roles = [...new Set(input.roles)];
  assertCan(cmd.actor, 'person:add', { ...(await scopeOf(cmd.em, input.agencyId)), roles });
  const agency = await cmd.em.findOne(Agency, { id: input.agencyId });
  const v = new Violations();
  checkPerson(v, { ...input, roles, agencyKind: agency?.kind ?? null });
  v.throwIfAny();
  const person = cmd.em.create(Person, {
    agency: agency!,
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    badgeNumber: input.badgeNumber ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    roles,
  });
  await cmd.em.flush();
  return person;
}

export async function setPersonActive(cmd: Command, input: SetPersonActiveInput): Promise<Person> {
  const person = await cmd.em.findOne(Person, { id: input.personId });
  // Same answer for "not there" and "not yours": nothing is revealed about other agencies' staff.
  assertCan(cmd.actor, 'person:set-active', await scopeOf(cmd.em, person?.agency.id));
  if (!person) throw notFound('The person');
  person.active = input.active;
  await cmd.em.flush();
  return person;
}
