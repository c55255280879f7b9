import { expectVersion, type Command } from '@hub/platform/db';
import { notFound, Violations } from '@hub/platform/errors';
import { Agency } from '../entities/agency.entity.js';
import { MegMember } from '../entities/meg-member.entity.js';
import { TaskForceAgreement } from '../entities/task-force-agreement.entity.js';
import type { AddMegMemberInput, CreateAgencyInput, RecordTaskForceAgreementInput, UpdateAgencyInput } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';
import { checkCounties, checkMegMembership, checkName, checkOri, checkParent, checkTaskForceParties, isLawEnforcement } from '../rules/agency-rules.js';
import { scopeOf } from './scope.js';

/** A new agency or unit; an administrator adds units under their own agency, a hub administrator anything. */
export async function createAgency(cmd: Command, input: CreateAgencyInput): Promise<Agency> {
  const parent = input.parentId ? await cmd.em.findOne(Agency, { id: input.parentId }) : null;
  assertCan(cmd.actor, 'agency:create', await scopeOf(cmd.em, parent?.id));
  const v = new Violations();
  checkName(v, 'input.name', input.name);
  checkOri(v, 'input.ori', input.ori);
  const counties = checkCounties(v, 'input.countiesServed', input.countiesServed);
  if (input.parentId && !parent) v.add('input.parentId', 'exists', 'input.parentId names no agency.');
  const level = input.level ?? 'AGENCY';
  checkParent(v, { kind: input.kind, level }, parent, 'input.parentId');
  v.throwIfAny();
  const agency = cmd.em.create(Agency, { name: input.name.trim(), kind: input.kind, level, ori: input.ori ?? null, parent, countiesServed: counties });
  await cmd.em.flush();
  return agency;
}

export async function updateAgency(cmd: Command, input: UpdateAgencyInput): Promise<Agency> {
  assertCan(cmd.actor, 'agency:update', await scopeOf(cmd.em, input.id));
  const agency = await cmd.em.findOne(Agency, { id: input.id });
  if (!agency) throw notFound('The agency');
  expectVersion(agency, input.version, 'The agency');
  const v = new Violations();
  if (input.name != null) checkName(v, 'input.name', input.name);
  if (input.ori !== undefined) checkOri(v, 'input.ori', input.ori);
  const counties = input.countiesServed != null ? checkCounties(v, 'input.countiesServed', input.countiesServed) : null;
  v.throwIfAny();
  if (input.name != null) agency.name = input.name.trim();
  if (input.ori !== undefined) agency.ori = input.ori;
  if (counties) agency.countiesServed = counties;
  if (input.active != null) agency.active = input.active;
  await cmd.em.flush();
  return agency;
}

/** 30 ILCS 715: a local government joins a MEG, with its law-enforcement agency where the hub knows it. */
export async function addMegMember(cmd: Command, input: AddMegMemberInput): Promise<Agency> {
  assertCan(cmd.actor, 'meg:add-member', await scopeOf(cmd.em, input.megId));
  const [meg, member] = await Promise.all([cmd.em.findOne(Agency, { id: input.megId }), input.agencyId ? cmd.em.findOne(Agency, { id: input.agencyId }) : null]);
  const v = new Violations();
  if (!meg) v.add('input.megId', 'exists', 'input.megId names no agency.');
  else v.check(meg.kind === 'MEG', 'input.megId', 'is-meg', 'input.megId must be a MEG.');
  v.check(input.localGovernment.trim().length > 0, 'input.localGovernment', 'required', 'input.localGovernment must not be blank.');
  if (input.agencyId) {
    if (!member) v.add('input.agencyId', 'exists', 'input.agencyId names no agency.');
    else v.check(isLawEnforcement(member.kind) && member.id !== input.megId, 'input.agencyId', 'law-enforcement', 'A MEG member agency must be another law-enforcement agency, not the MEG itself.');
  }
  const current = meg ? await cmd.em.find(MegMember, { meg, leftOn: null }) : [];
  checkMegMembership(v, { localGovernment: input.localGovernment, agencyId: input.agencyId ?? null, joinedOn: input.joinedOn }, current.map((m) => ({ localGovernment: m.localGovernment, agencyId: m.agency?.id ?? null })), cmd.today);
  v.throwIfAny();
  cmd.em.create(MegMember, { meg: meg!, localGovernment: input.localGovernment.trim(), agency: member, joinedOn: input.joinedOn });
  meg!.updatedAt = cmd.now;
  await cmd.em.flush();
  return meg!;
}

/** OPS-092 II.D: the intergovernmental agreement a task force operates under. */
export async function recordTaskForceAgreement(cmd: Command, input: RecordTaskForceAgreementInput): Promise<TaskForceAgreement> {
  assertCan(cmd.actor, 'task-force:record-agreement', await scopeOf(cmd.em, input.taskForceId));
  const [taskForce, parties] = await Promise.all([cmd.em.findOne(Agency, { id: input.taskForceId }), cmd.em.find(Agency, { id: { $in: input.partyIds } })]);
  const v = new Violations();
  if (!taskForce) v.add('input.taskForceId', 'exists', 'input.taskForceId names no agency.');
  else v.check(taskForce.kind === 'TASK_FORCE', 'input.taskForceId', 'is-task-force', 'input.taskForceId must be a task force.');
  v.check(input.title.trim().length > 0, 'input.title', 'required', 'input.title must not be blank.');
  for (const id of input.partyIds.filter((id) => !parties.some((p) => p.id === id))) v.add('input.partyIds', 'exists', `input.partyIds names no agency ${id}.`);
  checkTaskForceParties(v, 'input.partyIds', parties);
  if (input.effectiveTo) v.check(input.effectiveTo >= input.effectiveFrom, 'input.effectiveTo', 'after-effective-from', 'input.effectiveTo must not be before input.effectiveFrom.');
  v.throwIfAny();
  const agreement = cmd.em.create(TaskForceAgreement, {
    taskForce: taskForce!,
    title: input.title.trim(),
    partyIds: [...new Set(input.partyIds)],
    effectiveFrom: input.effectiveFrom,
    effectiveTo: input.effectiveTo ?? null,
  });
  await cmd.em.flush();
  return agreement;
}
