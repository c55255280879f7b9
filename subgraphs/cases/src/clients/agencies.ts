import type { Actor, OnwardTokens } from '@hub/platform/identity';
import { callSubgraph, isRefusedToCaller, type SubgraphTarget } from '@hub/platform/graphql';
import { ApproversDocument, ChangeVersionDocument, UnitPlanDocument, type ApproversQuery, type UnitPlanQuery } from '../generated/agencies-operations.js';
import { KeptAnswers } from './kept-answers.js';
import { SharedFreshRead } from './shared-fresh-read.js';

export type UnitPlan = NonNullable<UnitPlanQuery['agency']>;
export type Plan = NonNullable<UnitPlan['solutionActionPlan']>;
export type Approver = ApproversQuery['approversFor'][number];

/** Unit plans from earlier requests, each with the agencies change version it was read at (process-wide). */
const unitPlans = new KeptAnswers<UnitPlan>(1_000);
/** Agencies' change version, read once for the referrals that ask at the same time (per agencies address). */
const changeVersions = new Map<string, SharedFreshRead<string>>();

/**
 * What the cases subgraph needs to know from the agencies subgraph, asked through the graph with the caller's
 * gateway-signed identity (never by reading the agencies tables), always before a transaction opens.
 */
export class AgenciesClient {
  constructor(
    private readonly target: SubgraphTarget,
    private readonly onward: OnwardTokens,
    private readonly caller: Actor | null,
  ) {}

  /**
   * The unit, and the plan in force for it on a date in a county (the county plan if there is one). Agencies'
   * change version is read for every referral, after it began: a plan kept from an earlier request, for the same
   * caller, unit, county and date, is used while nothing in agencies has changed since it was read, so the answer is
   * as current as asking for the plan itself (the version is read before the plan, so a change in between only
   * makes the kept plan newer than its version says, and it is read again next time). Referrals that ask for the
   * version at the same time share one read (SharedFreshRead), made with one of their identities; the kept plan's
   * key, which holds the caller's identity and roles, is what stands for the caller's own right to that plan.
   */
  async unitPlan(unitId: string, county: string | null, on: string): Promise<UnitPlan | null> {
    let versions = changeVersions.get(this.target.url);
    if (!versions) changeVersions.set(this.target.url, (versions = new SharedFreshRead(isRefusedToCaller)));
    const changeVersion = await versions.read(async () => (await callSubgraph(this.target, this.onward, ChangeVersionDocument, {})).changeVersion);
    const key = JSON.stringify([this.caller?.personId, this.caller?.agencyId, this.caller?.roles, this.caller?.actingFor, unitId, county, on]);
    const kept = unitPlans.get(key, changeVersion);
    if (kept) return kept;
    const plan = (await callSubgraph(this.target, this.onward, UnitPlanDocument, { unit: unitId, county, on })).agency;
    if (plan) unitPlans.set(key, changeVersion, plan);
    return plan;
  }

  async approvers(agencyId: string, on: string): Promise<Approver[]> {
    return (await callSubgraph(this.target, this.onward, ApproversDocument, { agency: agencyId, on })).approversFor;
  }
}
