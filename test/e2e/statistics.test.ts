import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A } from '@hub/platform/demo';
import { illinoisDate } from '@hub/platform/domain';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * Reporting end to end through the gateway: deflections and treatment episodes made through the graph reach the
 * statistics through the outbox, counted for the MEG once it approves them (OPS-D9), and the state data set downloads.
 * Eleven referrals today, the threshold, so their cell is shown (perturbed) rather than withheld.
 */
let hub: TestHub;
const tokens: Record<string, string> = {};
const TODAY = illinoisDate();
const N = 11;

beforeAll(async () => {
  hub = await startTestHub();
  for (const persona of ['officer', 'meg-director', 'case-manager', 'provider', 'analyst', 'hub-admin']) tokens[persona] = await hub.tokenFor(persona);
});

afterAll(async () => {
  await hub?.stop();
});

const as = <T>(persona: string, query: string, variables: Record<string, unknown> = {}) => hub.ok<T>(tokens[persona]!, query, variables);

const settled = () => hub.eventsDelivered(10_000);

const STAT = `query($q: StatisticsQuery!) { statistics(query: $q) { cells { dimensions { value agency { name } } values { measure value suppressed reason } } } }`;
type Stat = { statistics: { cells: { dimensions: { value: string | null; agency: { name: string } | null }[]; values: { measure: string; value: number | null; suppressed: boolean }[] }[] } };
const todayBy = (groupBy: string[], measures: string[]) => ({ q: { filter: { from: TODAY, to: TODAY, agencyIds: [A.ispDopTroop2] }, groupBy, measures } });

describe('deflections and treatment made through the graph show up in the statistics', () => {
  it('counts eleven DOP referrals for the Lake County MEG only once it approves them, then their treatment', async () => {
    const referred: { id: string; version: number }[] = [];
    for (let i = 0; i < N; i += 1) {
      const data = await as<{ quickReferral: { deflection: { id: string; version: number } } }>('officer', 'mutation($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id version } } }', {
        input: {
          person: { givenName: 'Stat', familyName: `Person${'abcdefghijklmnop'[i]}`, dateOfBirth: '1990-05-05' },
          pathway: 'OFFICER_INTERVENTION', chargesHeldInAbeyance: true, county: 'Lake', narrative: 'Agreed to treatment.',
          channel: 'OFFICER_REFERRAL', demographics: { sex: i % 2 ? 'FEMALE' : 'MALE', race: 'WHITE', ethnicity: 'NOT_HISPANIC_OR_LATINO' },
        },
      });
      referred.push(data.quickReferral.deflection);
    }
    await settled();
    // Pending approval they count for nobody (OPS-D9): one cell with no agency, shown because it holds eleven.
    const pending = await as<Stat>('analyst', STAT, todayBy(['COUNTS_FOR'], ['DEFLECTIONS']));
    expect(pending.statistics.cells.map((c) => c.dimensions[0]!.value)).toEqual([null]);
    expect(pending.statistics.cells[0]!.values[0]!.value).toBeGreaterThanOrEqual(N);

    for (const d of referred) {
      await as('meg-director', 'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { status } }', {
        input: { deflectionId: d.id, version: d.version, decision: 'APPROVED', reason: 'Eligible under the SAP.' },
      });
    }
    await settled();
    const approved = await as<Stat>('analyst', STAT, todayBy(['COUNTS_FOR'], ['DEFLECTIONS', 'APPROVALS']));
    expect(approved.statistics.cells).toHaveLength(1);
    expect(approved.statistics.cells[0]!.dimensions[0]!.agency?.name).toBe('Lake County Metropolitan Enforcement Group');
    expect(approved.statistics.cells[0]!.values.every((v) => !v.suppressed && v.value! >= N)).toBe(true);

    // Treatment: the case manager refers each, the provider acknowledges and engages them in two bulk uploads.
    const episodes: string[] = [];
    for (const d of referred) {
      const data = await as<{ referToTreatment: { id: string } }>('case-manager', 'mutation($input: ReferToTreatmentInput!) { referToTreatment(input: $input) { id } }', {
        input: { deflectionId: d.id, providerId: 'd0000001-0000-4000-8000-000000000001', service: 'SUD_OUTPATIENT' },
      });
      episodes.push(data.referToTreatment.id);
    }
    for (const [state, key] of [['ACKNOWLEDGED', 'stats-ack'], ['ENGAGED', 'stats-engaged']]) {
      const at = new Date().toISOString();
      await as('provider', 'mutation($u: [EpisodeUpdateInput!]!, $k: String!) { bulkUpdateEpisodes(updates: $u, idempotencyKey: $k) { applied } }', {
        u: episodes.map((episodeId) => ({ episodeId, toState: state, at })),
        k: key,
      });
    }
    await settled();
    const treatment = await as<Stat>('analyst', STAT, todayBy([], ['REFERRED_TO_TREATMENT', 'DAYS_TO_TREATMENT_MEDIAN']));
    const [referredToTreatment, days] = treatment.statistics.cells[0]!.values;
    expect(referredToTreatment!.value).toBeGreaterThanOrEqual(N);
    expect(days).toMatchObject({ suppressed: false });
    expect(days!.value).toBeLessThan(1);

    // The state data set: the MEG's quarter, through the graph and as a download with the same Authorization header.
    const month = Number(TODAY.slice(5, 7));
    const path = `/exports/state-data-set.csv?year=${TODAY.slice(0, 4)}&quarter=${Math.ceil(month / 3)}&programIds=${A.lakeCountyMeg}`;
    const csv = await fetch(new URL(path, hub.gatewayUrl), { headers: { authorization: `Bearer ${tokens.analyst}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('year,quarter,program_id,program_name,program_role,measure,dimension,category,value,suppressed,suppression_reason');
    expect(lines.some((line) => line.includes(`${A.lakeCountyMeg},Lake County Metropolitan Enforcement Group,APPROVING_AGENCY,encounters_referred_to_treatment,`))).toBe(true);
  }, 120_000);
});

describe('the state data set download', () => {
  const path = (format: string, query = 'year=2026&quarter=1') => new URL(`/exports/state-data-set.${format}?${query}`, hub.gatewayUrl);

  it('needs the Authorization header, and answers a role that may not read it 403', async () => {
    expect((await fetch(path('csv'))).status).toBe(401);
    expect((await fetch(path('csv'), { headers: { authorization: `Bearer ${tokens.officer}` } })).status).toBe(403);
    // A MEG director reads their own program, not another's.
    const own = await fetch(path('json', `year=2026&quarter=1&programIds=${A.lakeCountyMeg}`), { headers: { authorization: `Bearer ${tokens['meg-director']}` } });
    expect(own.status).toBe(200);
    expect(((await own.json()) as { year: number }).year).toBe(2026);
    expect((await fetch(path('json', `year=2026&quarter=1&programIds=${A.duPageMeg}`), { headers: { authorization: `Bearer ${tokens['meg-director']}` } })).status).toBe(403);
  });

  it('refuses a quarter that is not one, naming the field', async () => {
    const response = await fetch(path('csv', 'year=2026&quarter=5'), { headers: { authorization: `Bearer ${tokens.analyst}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { field: string } }[] }).errors[0]!.extensions.field).toBe('quarter');
  });
});

describe('how far behind statistics are', () => {
  it('tells a hub administrator each publisher’s backlog, from what the relays report', async () => {
    await settled();
    const data = await as<{ eventDelivery: { source: string; undelivered: number; silent: boolean }[] }>('hub-admin', '{ eventDelivery { source undelivered silent } }');
    expect(data.eventDelivery.map((s) => s.source)).toEqual(['cases', 'treatment']);
    expect(data.eventDelivery.every((s) => s.undelivered === 0 && !s.silent)).toBe(true);
  });
});
