import { FIRST_RESPONDER_KINDS, ISP_KINDS, LAW_ENFORCEMENT_KINDS, type AgencyKind } from '@hub/platform/domain';
import type { Violations } from '@hub/platform/errors';
import type { Role } from '@hub/platform/identity';

/**
 * Roles only exist in some kinds of agency: a case manager works for a case-management organisation, a designee for
 * the MEG or task force whose leader delegates, an analyst for ICJIA or DHS (state analytics), ISP, or a program
 * (MEG, task force, case management). An administrator, who adds people to their own agency only, can therefore
 * grant only roles of their own organisation. Administrators exist everywhere; only a hub administrator makes another.
 */
const ROLE_AGENCY_KINDS: Partial<Record<Role, readonly AgencyKind[]>> = {
  OFFICER: FIRST_RESPONDER_KINDS,
  SUPERVISOR: FIRST_RESPONDER_KINDS,
  MEG_DIRECTOR: ['MEG'],
  TASK_FORCE_COMMANDER: ['TASK_FORCE'],
  DESIGNEE: ['MEG', 'TASK_FORCE'],
  CASE_MANAGER: ['CASE_MANAGEMENT_ORGANIZATION'],
  PROVIDER_STAFF: ['TREATMENT_PROVIDER_ORGANIZATION'],
  PROSECUTOR: ['PROSECUTOR'],
  ANALYST: ['STATE_ANALYTICS', ...ISP_KINDS, 'MEG', 'TASK_FORCE', 'CASE_MANAGEMENT_ORGANIZATION'],
  RECORDS_STAFF: LAW_ENFORCEMENT_KINDS,
  STATE_REPORTING_STAFF: ISP_KINDS,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkPerson(
  v: Violations,
  args: { givenName: string; familyName: string; email?: string | null; roles: readonly Role[]; agencyKind: AgencyKind | null },
): void {
  v.check(args.givenName.trim().length > 0, 'input.givenName', 'required', 'input.givenName must not be blank.');
  v.check(args.familyName.trim().length > 0, 'input.familyName', 'required', 'input.familyName must not be blank.');
  if (args.email) v.check(EMAIL.test(args.email), 'input.email', 'email', 'input.email must be an email address.');
  v.check(args.roles.length > 0, 'input.roles', 'required', 'A person needs at least one role.');
  if (!args.agencyKind) {
    v.add('input.agencyId', 'exists', 'input.agencyId names no agency.');
    return;
  }
  for (const role of args.roles) {
    const kinds = ROLE_AGENCY_KINDS[role];
    if (kinds && !kinds.includes(args.agencyKind)) v.add('input.roles', 'role-fits-agency', `${role} is not a role in a ${args.agencyKind} agency.`);
  }
}
