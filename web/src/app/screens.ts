import type { Role } from '../gql/graphql.js';

/** The console's screens and who sees each: a screen a role may not use is not offered, and its data never fetched. */
export interface ScreenEntry {
  path: string;
  label: string;
  roles: readonly Role[];
}

const APPROVERS: readonly Role[] = ['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'];

export const SCREENS: readonly ScreenEntry[] = [
  { path: '/refer', label: 'Refer', roles: ['OFFICER'] },
  { path: '/referrals', label: 'My referrals', roles: ['OFFICER', 'SUPERVISOR'] },
  { path: '/approvals', label: 'Approvals', roles: APPROVERS },
  { path: '/reviews', label: 'Reviews', roles: APPROVERS },
  { path: '/hand-offs', label: 'Hand-offs', roles: ['CASE_MANAGER'] },
  { path: '/episodes', label: 'Episodes', roles: ['PROVIDER_STAFF'] },
  { path: '/statistics', label: 'Statistics', roles: ['ANALYST'] },
  { path: '/reporting', label: 'Reporting', roles: ['RECORDS_STAFF'] },
  { path: '/late-list', label: 'Late list', roles: ['STATE_REPORTING_STAFF'] },
  { path: '/administration', label: 'Administration', roles: ['ADMINISTRATOR', 'HUB_ADMINISTRATOR'] },
];

export function screensFor(roles: readonly Role[]): ScreenEntry[] {
  return SCREENS.filter((s) => s.roles.some((r) => roles.includes(r)));
}

export function mayUse(roles: readonly Role[], path: string): boolean {
  return screensFor(roles).some((s) => s.path === path);
}
