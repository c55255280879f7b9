import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, demoHistory, type DemoHistory } from '@hub/platform/demo';
import { addDays, illinoisDate } from '@hub/platform/domain';
import { Violations } from '@hub/platform/errors';
import type { Actor } from '@hub/platform/identity';
import { Person } from '../../subgraphs/agencies/src/entities/person.entity.js';
import { SolutionActionPlan } from '../../subgraphs/agencies/src/entities/solution-action-plan.entity.js';
import { canFollowUp, isApprovingLeader, isUnitMember } from '../../subgraphs/cases/src/rules/access.js';
import { Deflection } from '../../subgraphs/cases/src/entities/deflection.entity.js';
import { DeflectionFact } from '../../subgraphs/reporting/src/entities/deflection-fact.entity.js';
import { TreatmentEpisode } from '../../subgraphs/treatment/src/entities/episode.entity.js';
import { checkMove } from '../../subgraphs/treatment/src/rules/episode-machine.js';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * The demo year that `npm start` loads: a new analyst's first statistic has something in it, some of it withheld,
 * and an officer's feedback has figures. The hub here is seeded exactly as `npm start` seeds it.
 */
let hub: TestHub;
let history: DemoHistory;
const tokens: Record<string, string> = {};

const seededAt = new Date();

beforeAll(async () => {
  hub = await startTestHub({ history: true, now: seededAt });
  history = demoHistory(seededAt);
  for (const persona of ['analyst', 'officer', 'hub-admin']) tokens[persona] = await hub.tokenFor(persona);
  await hub.eventsDelivered(120_000);
}, 240_000);

afterAll(async () => {
  await hub?.stop();
});

const as = <T>(persona: string, query: string, variables: Record<string, unknown> = {}) => hub.ok<T>(tokens[persona]!, query, variables);

type Value = { measure: string; value: number | null; suppressed: boolean; reason: string | null };

describe('the demo year', () => {
  it('is about 900 deflections over the year before today, none in the last week, the same for every subgraph of one day', () => {
    expect(history.deflections.length).toBeGreaterThan(800);
    expect(history.deflections.length).toBeLessThan(1000);
    const today = illinoisDate(seededAt);
    const days = history.deflections.map((d) => illinoisDate(d.referredAt));
    expect(days.every((day) => day >= addDays(today, -365) && day <= addDays(today, -8))).toBe(true);
    // Follow-up goes on after the last referral, but nothing is dated today or later.
    const times = history.deflections.flatMap((d) => [d.approval?.at, ...d.contactAttempts.map((a) => a.at), ...d.reviews.map((r) => r.at), d.closure?.at, d.episode?.referredAt, ...(d.episode?.steps.map((s) => s.at) ?? [])]);
    expect(times.every((at) => !at || at < history.asOf)).toBe(true);
    expect(JSON.stringify(demoHistory(new Date(seededAt.getTime() + 1000)))).toBe(JSON.stringify(history));
  });

  it('is written by cases and treatment and reaches reporting as events: every deflection a fact', async () => {
    const fixtures = await hub.db.orm('cases').fork().count(Deflection, { id: { $nin: history.deflections.map((d) => d.id) } });
    expect(await hub.db.orm('cases').fork().count(Deflection, {})).toBe(fixtures + history.deflections.length);
    expect(await hub.db.orm('reporting').fork().count(DeflectionFact, {})).toBe(fixtures + history.deflections.length);
    expect(await hub.db.orm('treatment').fork().count(TreatmentEpisode, { id: { $in: history.deflections.flatMap((d) => (d.episode ? [d.episode.id] : [])) } })).toBe(
      history.deflections.filter((d) => d.episode).length,
    );
  });

  it('deflects under the plan the agencies subgraph has in force for the unit, county and day', async () => {
    const plans = new Map((await hub.db.orm('agencies').fork().find(SolutionActionPlan, {})).map((p) => [p.id, p]));
    for (const d of history.deflections) {
      const plan = plans.get(d.plan.id);
      const day = illinoisDate(d.referredAt);
      expect(plan).toBeDefined();
      expect({ unit: plan!.unit.id, approver: plan!.approvingAgency?.id ?? null, cmo: plan!.caseManagementOrganization.id }).toEqual({
        unit: d.unitId, approver: d.plan.approvingAgencyId, cmo: d.plan.caseManagementOrganizationId,
      });
      const inForce = (p: SolutionActionPlan) => p.unit.id === d.unitId && p.effectiveFrom <= day && (!p.supersededOn || day < p.supersededOn);
      expect(inForce(plan!)).toBe(true);
      // A county's own plan comes before the unit-wide one, as agencies chooses.
      const own = [...plans.values()].find((p) => inForce(p) && p.county === d.county);
      expect(plan!.id).toBe(own?.id ?? plan!.id);
      expect(plan!.county === null || plan!.county === d.county).toBe(true);
      expect(plan!.enabledPathways).toContain(d.pathway);
    }
  });

  it('has every step taken by someone the subgraphs would let take it: refer, approve, review and close', async () => {
    const people = new Map((await hub.db.orm('agencies').fork().find(Person, {})).map((p) => [p.id, p]));
    const actor = (id: string): Actor => {
      const person = people.get(id);
      expect(person).toBeDefined();
      return { personId: id, agencyId: person!.agency.id, roles: [...person!.roles], actingFor: null };
    };
    const deflections = new Map((await hub.db.orm('cases').fork().find(Deflection, { id: { $in: history.deflections.map((d) => d.id) } })).map((d) => [d.id, d]));
    for (const d of history.deflections) {
      const row = deflections.get(d.id)!;
      expect(isUnitMember(actor(d.officerId), row)).toBe(true);
      if (d.approval) expect(isApprovingLeader(actor(d.approval.byId), row)).toBe(true);
      if (d.reviews.length > 0 || d.closure) expect(canFollowUp(actor(d.followUpById), row)).toBe(true);
    }
  });

  it('moves every treatment episode only as the episode machine allows, at the times it allows', () => {
    for (const { episode } of history.deflections) {
      if (!episode) continue;
      const facts = { state: 'REFERRED' as const, lastTransitionAt: episode.referredAt, firstContactAt: null as Date | null };
      let state: Parameters<typeof checkMove>[1] = facts;
      for (const step of episode.steps) {
        const v = new Violations();
        checkMove(v, state, { toState: step.state, at: step.at, reason: step.reason, intakeScheduledFor: step.intakeScheduledFor }, history.asOf);
        expect(v.list).toEqual([]);
        state = { state: step.state, lastTransitionAt: step.at, firstContactAt: state.firstContactAt ?? (step.state === 'ENGAGED' ? step.at : null) };
      }
    }
  });
});

describe('statistics over the demo year', () => {
  it('gives an analyst a month-by-unit table with counts shown and small ones withheld', async () => {
    const today = illinoisDate(seededAt);
    const data = await as<{ statistics: { cells: { values: Value[] }[] } }>(
      'analyst',
      'query($q: StatisticsQuery!) { statistics(query: $q) { cells { values { measure value suppressed reason } } } }',
      { q: { filter: { from: addDays(today, -365), to: today }, groupBy: ['MONTH', 'AGENCY'], measures: ['DEFLECTIONS'] } },
    );
    const values = data.statistics.cells.map((c) => c.values[0]!);
    expect(values.length).toBeGreaterThan(30);
    expect(values.filter((v) => !v.suppressed && v.value! >= 11).length).toBeGreaterThan(10);
    expect(values.some((v) => v.suppressed && v.reason === 'SMALL_COUNT')).toBe(true);
  });

  it("fills the state data set of the last full quarter for the programs that deflected in it", async () => {
    const today = illinoisDate(seededAt);
    const quarter = Math.ceil(Number(today.slice(5, 7)) / 3) - 1;
    const [year, q] = quarter === 0 ? [Number(today.slice(0, 4)) - 1, 4] : [Number(today.slice(0, 4)), quarter];
    const data = await as<{ stateDataSet: { programs: { program: { id: string }; deflections: Value; demographics: unknown[] }[] } }>(
      'analyst',
      'query($y: Int!, $q: Int!) { stateDataSet(year: $y, quarter: $q) { programs { program { id } deflections { measure value suppressed reason } demographics { __typename } } } }',
      { y: year, q },
    );
    const programs = new Map(data.stateDataSet.programs.map((p) => [p.program.id, p]));
    expect(programs.get(A.lakeCountyMeg)?.deflections).toMatchObject({ suppressed: false });
    expect(programs.get(A.lakeCountyMeg)!.deflections.value).toBeGreaterThan(50);
    expect(programs.get(A.lakeCountySheriff)!.demographics.length).toBeGreaterThan(0);
  });

  it("gives the trooper feedback on the year's referrals: how many, what share handed off and engaged", async () => {
    const today = illinoisDate(seededAt);
    const data = await as<{ myReferralOutcomes: Record<'referrals' | 'handedOff' | 'engagedWithin30Days', Value> }>(
      'officer',
      'query($from: Date, $to: Date) { myReferralOutcomes(from: $from, to: $to) { referrals { measure value suppressed reason } handedOff { measure value suppressed reason } engagedWithin30Days { measure value suppressed reason } } }',
      { from: addDays(today, -365), to: today },
    );
    const { referrals, handedOff, engagedWithin30Days } = data.myReferralOutcomes;
    expect(referrals.value).toBeGreaterThan(100);
    // Shares: most people are handed off to a case manager (OPS-D6).
    expect(handedOff.value).toBeGreaterThan(0.7);
    expect(handedOff.value).toBeLessThanOrEqual(1);
    expect(engagedWithin30Days.suppressed).toBe(false);
  });

  it('leaves nothing behind in delivery once reporting has caught up', async () => {
    const data = await as<{ eventDelivery: { source: string; undelivered: number }[] }>('hub-admin', '{ eventDelivery { source undelivered } }');
    expect(data.eventDelivery).toEqual([{ source: 'cases', undelivered: 0 }, { source: 'treatment', undelivered: 0 }]);
  });
});
