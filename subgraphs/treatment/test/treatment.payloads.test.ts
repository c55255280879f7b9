import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { agencies } from '@hub/agencies';
import { cases } from '@hub/cases';
import { freePort } from '@hub/platform/db';
import { DEMO_AGENCY as A, DEMO_PERSON as P } from '@hub/platform/demo';
import { addDays, illinoisDate } from '@hub/platform/domain';
import type { Actor } from '@hub/platform/identity';
import { runSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@hub/platform/subgraph';
import { createTestDatabase, requirePersona, SubgraphClient, testGatewayKeys, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { treatment } from '../src/index.js';
import { demoProviderId } from '../src/seed/demo-data.js';

/**
 * The hub's rule for every mutation: its payload never shows more than the caller could read through the normal
 * read paths, and an idempotent replay answers only what the caller may see now. Each test performs a mutation as
 * someone allowed to, with a broad selection of the payload, then reads the same record with the same selection as
 * the same caller (`treatmentEpisode`, `provider`, `consents`) and expects the two to be equal. A referrer cannot
 * read episodes at all: for `referToTreatment` the test pins exactly what its payload may contain instead.
 *
 * The set-up is support.ts's, plus a cases client of our own: every test refers a fresh deflection, so none
 * depends on another's changes.
 */
type CasesContext = typeof cases extends SubgraphDefinition<infer C> ? C : never;

let db: TestDatabase;
let client: SubgraphClient<Context>;
let casesClient: SubgraphClient<CasesContext>;
const servers: RunningSubgraph[] = [];

beforeAll(async () => {
  db = await createTestDatabase([agencies, cases, treatment], { seed: true });
  const keys = await testGatewayKeys();
  const [agenciesPort, casesPort] = [await freePort(), await freePort()];
  const agenciesUrl = `http://127.0.0.1:${agenciesPort}/graphql`;
  servers.push(await runSubgraph(agencies, { databaseUrl: db.urlFor('agencies'), gatewayKey: keys.publicJwk, port: agenciesPort, orm: db.orm('agencies'), env: {} }));
  servers.push(await runSubgraph(cases, { databaseUrl: db.urlFor('cases'), gatewayKey: keys.publicJwk, port: casesPort, orm: db.orm('cases'), env: { OUTBOX_POLL_MS: '3600000', AGENCIES_URL: agenciesUrl } }));
  client = new SubgraphClient(treatment, db.orm('treatment'), { signer: keys.signer, env: { CASES_URL: `http://127.0.0.1:${casesPort}/graphql`, AGENCIES_URL: agenciesUrl } });
  casesClient = new SubgraphClient(cases, db.orm('cases'), { signer: keys.signer, env: { AGENCIES_URL: agenciesUrl } });
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await db?.drop();
});

const gatewayCounselor: Actor = { personId: P.counselorFitzgerald, agencyId: A.gatewayFoundation, roles: ['PROVIDER_STAFF'], actingFor: null };
/** Gateway Foundation, Lake Villa: SUD_RESIDENTIAL, WITHDRAWAL_MANAGEMENT and SUD_OUTPATIENT, all with open slots. */
const LAKE_VILLA = demoProviderId(1);

const PROVIDER_FIELDS = `id name organization { id } licenseNumber licenseStatus countiesServed services languages capacity { service openSlots updatedAt }
  openSlots licenseExpiresOn levelsOfCare paymentAccepted version`;

/** What a referrer may select: they are refused `Deflection.treatment` (CONSENT_REQUIRED), so it is left out here. */
const REFERRAL_FIELDS = `id deflection { id } patient { id givenName familyName dateOfBirth } provider { ${PROVIDER_FIELDS} } service state referredAt
  acknowledgedAt declineReason intakeScheduledFor firstContactAt endedAt dischargeReason transitions { fromState toState at by { id } reason }
  measures { minutesToAcknowledge hoursFromDeflectionToAcknowledgement daysFromDeflectionToFirstTreatmentContact engagedAt30Days } version`;

/** What the treating provider sees of an episode, the deflection's treatment status included. */
const EPISODE_FIELDS = `${REFERRAL_FIELDS.replace('deflection { id }', `deflection { id treatment { engaged state provider { id name } acknowledgedAt firstContactAt retainedDays completed dischargeReason consent { id } } }`)}`;

const CONSENT_FIELDS = `id kind patient { id givenName familyName dateOfBirth } disclosingProvider { id name } disclosingOrganization { id } information
  recipients { agency { id } role } purpose signedOn expiresOn expiresOnEvent irrevocableUntil revokedAt inEffect`;

interface EpisodeSeen {
  id: string;
  deflection: { id: string };
  patient: { id: string; givenName: string; familyName: string; dateOfBirth: string | null };
  provider: { id: string };
  state: string;
  referredAt: string;
  transitions: { fromState: string | null; toState: string; at: string; by: { id: string }; reason: string | null }[];
  version: number;
  [field: string]: unknown;
}

interface ProviderSeen {
  id: string;
  capacity: { service: string; openSlots: number; updatedAt: string }[];
  [field: string]: unknown;
}

interface ConsentSeen {
  id: string;
  inEffect: boolean;
  revokedAt: string | null;
  [field: string]: unknown;
}

interface BulkSeen {
  applied: number;
  rejected: number;
  duplicates: number;
  results: { index: number; clientUpdateId: string | null; status: string; field: string | null; rule: string | null; reason: string | null; episode: EpisodeSeen | null }[];
}

const REFER_AS_REFERRER = `mutation($input: ReferToTreatmentInput!, $key: String) { referToTreatment(input: $input, idempotencyKey: $key) { ${REFERRAL_FIELDS} } }`;
const REFER = `mutation($input: ReferToTreatmentInput!, $key: String) { referToTreatment(input: $input, idempotencyKey: $key) { id version } }`;
const UPDATE = `mutation($input: EpisodeUpdateInput!) { updateEpisode(input: $input) { ${EPISODE_FIELDS} } }`;
const BULK = `mutation($updates: [EpisodeUpdateInput!]!, $key: String!) { bulkUpdateEpisodes(updates: $updates, idempotencyKey: $key) {
  applied rejected duplicates results { index clientUpdateId status field rule reason episode { ${EPISODE_FIELDS} } } } }`;
const CAPACITY = `mutation($input: UpdateCapacityInput!) { updateCapacity(input: $input) { ${PROVIDER_FIELDS} } }`;
const RECORD_CONSENT = `mutation($input: RecordConsentInput!, $key: String) { recordConsent(input: $input, idempotencyKey: $key) { ${CONSENT_FIELDS} } }`;
const REVOKE_CONSENT = `mutation($id: ID!) { revokeConsent(consentId: $id) { ${CONSENT_FIELDS} } }`;

const READ_EPISODE = `query($id: ID!) { treatmentEpisode(id: $id) { ${EPISODE_FIELDS} } }`;
const READ_PROVIDER = `query($id: ID!) { provider(id: $id) { ${PROVIDER_FIELDS} } }`;
const READ_CONSENTS = `query($episodeId: ID!) { consents(episodeId: $episodeId) { ${CONSENT_FIELDS} } }`;

const readEpisode = async (as: string | Actor, id: string) => (await client.ok<{ treatmentEpisode: EpisodeSeen }>(as, READ_EPISODE, { id })).treatmentEpisode;
const readProvider = async (as: string | Actor, id: string) => (await client.ok<{ provider: ProviderSeen }>(as, READ_PROVIDER, { id })).provider;
async function readConsent(as: string | Actor, episodeId: string, consentId: string): Promise<ConsentSeen | undefined> {
  return (await client.ok<{ consents: ConsentSeen[] }>(as, READ_CONSENTS, { episodeId })).consents.find((c) => c.id === consentId);
}

let uniquePerson = 0;
/** Matching ignores digits in names (OPS-D10), so test people differ by letters: Payloadb, Payloadc, … */
function person(over: Record<string, unknown> = {}) {
  uniquePerson += 1;
  const suffix = uniquePerson.toString(26).split('').map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
  return { givenName: 'Kai', familyName: `Payload${suffix}`, dateOfBirth: '1990-08-21', ...over };
}

const QUICK_REFERRAL = `mutation($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id version } } }`;

/** A fresh active deflection of the Lake County Sheriff, case-managed by TASC (the `case-manager` persona). */
async function freshDeflection(someone: Record<string, unknown> = person()): Promise<string> {
  const input = { person: someone, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help with treatment.' };
  return (await casesClient.ok<{ quickReferral: { deflection: { id: string } } }>('local-officer', QUICK_REFERRAL, { input })).quickReferral.deflection.id;
}

/** A fresh episode at Lake Villa, referred by the case manager: what the provider's tests work on. */
async function freshEpisode(service = 'SUD_OUTPATIENT', deflectionId?: string): Promise<{ id: string; version: number }> {
  const input = { deflectionId: deflectionId ?? (await freshDeflection()), providerId: LAKE_VILLA, service };
  return (await client.ok<{ referToTreatment: { id: string; version: number } }>('case-manager', REFER, { input })).referToTreatment;
}

/** The deflection's person as the caller reads them through the cases subgraph (their own unit's record). */
async function participantAsReadBy(as: string | Actor, deflectionId: string) {
  const data = await casesClient.ok<{ deflection: { participant: { givenName: string; familyName: string; dateOfBirth: string | null } } }>(
    as,
    'query($id: ID!) { deflection(id: $id) { participant { givenName familyName dateOfBirth } } }',
    { id: deflectionId },
  );
  return data.deflection.participant;
}

const now = () => new Date().toISOString();

function consentInput(episodeId: string, over: Record<string, unknown> = {}) {
  return {
    kind: 'STANDARD', episodeId, information: ['ENGAGEMENT', 'EPISODE_STATUS'], recipients: [{ agencyId: A.lakeCountySheriff }, { agencyId: A.lakeCountyStatesAttorney, role: 'PROSECUTOR' }],
    purpose: 'Tell the deflecting deputy whether treatment started.', signedOn: illinoisDate(), expiresOn: addDays(illinoisDate(), 120), ...over,
  };
}

/** The mutations this file has a payload test for; the last test compares it with the schema. */
const covered = new Set<string>();
function payloadTest(mutation: string, rule: string, test: () => Promise<void>): void {
  covered.add(mutation);
  it(`${mutation}: ${rule}`, test);
}

describe('every mutation payload shows no more than the caller can read through the read paths', () => {
  // The replay of a referral after the provider recorded more is pinned in treatment.part2.test.ts; this is the first answer.
  payloadTest('referToTreatment', 'the payload is the referral as it was made, since the referrer may not read the episode', async () => {
    for (const [referrer, key] of [['local-officer', 'payload-refer-officer'], ['case-manager', 'payload-refer-case-manager']] as const) {
      const deflectionId = await freshDeflection();
      const result = await client.run<{ referToTreatment: EpisodeSeen }>(referrer, REFER_AS_REFERRER, { input: { deflectionId, providerId: LAKE_VILLA, service: 'SUD_OUTPATIENT' }, key });
      expect(result.errors).toBeUndefined();
      const episode = result.data!.referToTreatment;
      const { patient, provider, referredAt } = episode;

      // The referrer has no read path to episodes at all…
      expect((await client.error(referrer, READ_EPISODE, { id: episode.id })).extensions?.code).toBe('FORBIDDEN');
      // …so the payload is exactly the referral as made: nothing the provider records, no redisclosure notice.
      expect(episode).toEqual({
        id: expect.any(String),
        deflection: { id: deflectionId },
        patient,
        provider,
        service: 'SUD_OUTPATIENT',
        state: 'REFERRED',
        referredAt,
        acknowledgedAt: null,
        declineReason: null,
        intakeScheduledFor: null,
        firstContactAt: null,
        endedAt: null,
        dischargeReason: null,
        transitions: [{ fromState: null, toState: 'REFERRED', at: referredAt, by: { id: requirePersona(referrer).actor.personId }, reason: null }],
        measures: { minutesToAcknowledge: null, hoursFromDeflectionToAcknowledgement: null, daysFromDeflectionToFirstTreatmentContact: null, engagedAt30Days: null },
        version: 1,
      });
      expect(result.extensions?.redisclosureNotice).toBeUndefined();
      // What it says of the person and the provider, the referrer reads elsewhere: the deflection and the directory.
      const { id: _patientId, ...named } = patient;
      expect(named).toEqual(await participantAsReadBy(referrer, deflectionId));
      expect(provider).toEqual(await readProvider(referrer, LAKE_VILLA));
    }
  });

  payloadTest('updateEpisode', 'the payload shows no more than the treating provider can read of the episode', async () => {
    const episode = await freshEpisode();
    const acknowledged = (await client.ok<{ updateEpisode: EpisodeSeen }>(gatewayCounselor, UPDATE, { input: { episodeId: episode.id, version: episode.version, toState: 'ACKNOWLEDGED', at: now() } })).updateEpisode;
    expect(acknowledged).toEqual(await readEpisode(gatewayCounselor, episode.id));
    const scheduled = (await client.ok<{ updateEpisode: EpisodeSeen }>(gatewayCounselor, UPDATE, {
      input: { episodeId: episode.id, version: acknowledged.version, toState: 'INTAKE_SCHEDULED', at: now(), intakeScheduledFor: new Date(Date.now() + 2 * 86_400_000).toISOString() },
    })).updateEpisode;
    expect(scheduled).toEqual(await readEpisode(gatewayCounselor, episode.id));
    expect(scheduled.transitions.map((t) => t.toState)).toEqual(['REFERRED', 'ACKNOWLEDGED', 'INTAKE_SCHEDULED']);
  });

  payloadTest('bulkUpdateEpisodes', 'each result’s episode shows no more than the treating provider can read of it, and a replay what they may read now', async () => {
    const deflectionId = await freshDeflection();
    const a = await freshEpisode('SUD_OUTPATIENT', deflectionId);
    const b = await freshEpisode('SUD_RESIDENTIAL', deflectionId);
    const updates = [
      { episodeId: a.id, toState: 'ACKNOWLEDGED', at: now(), clientUpdateId: 'emr-a1' },
      { episodeId: b.id, toState: 'DECLINED', at: now(), reason: 'No residential bed within 14 days', clientUpdateId: 'emr-b1' },
      { episodeId: '00000000-0000-4000-8000-000000000000', toState: 'ACKNOWLEDGED', at: now(), clientUpdateId: 'emr-x1' },
      { episodeId: a.id, toState: 'COMPLETED', at: now(), clientUpdateId: 'emr-a2' },
    ];
    const bulk = (await client.ok<{ bulkUpdateEpisodes: BulkSeen }>(gatewayCounselor, BULK, { updates, key: 'payload-bulk' })).bulkUpdateEpisodes;
    expect(bulk.results.map((r) => [r.clientUpdateId, r.status, r.episode?.id ?? null])).toEqual([
      ['emr-a1', 'APPLIED', a.id],
      ['emr-b1', 'APPLIED', b.id],
      ['emr-x1', 'REJECTED', null],
      ['emr-a2', 'REJECTED', null],
    ]);
    for (const result of bulk.results) if (result.episode) expect(result.episode).toEqual(await readEpisode(gatewayCounselor, result.episode.id));

    // The provider records more; the replay answers each episode as the provider may read it now.
    await client.ok(gatewayCounselor, UPDATE, { input: { episodeId: a.id, version: 2, toState: 'ENGAGED', at: now() } });
    const replay = (await client.ok<{ bulkUpdateEpisodes: BulkSeen }>(gatewayCounselor, BULK, { updates, key: 'payload-bulk' })).bulkUpdateEpisodes;
    expect(replay.results.map((r) => r.status)).toEqual(bulk.results.map((r) => r.status));
    for (const result of replay.results) if (result.episode) expect(result.episode).toEqual(await readEpisode(gatewayCounselor, result.episode.id));
  });

  payloadTest('updateCapacity', 'the payload shows no more than the provider’s staff can read of the provider in the directory', async () => {
    const updated = (await client.ok<{ updateCapacity: ProviderSeen }>(gatewayCounselor, CAPACITY, {
      input: { providerId: LAKE_VILLA, capacity: [{ service: 'WITHDRAWAL_MANAGEMENT', openSlots: 3 }, { service: 'SUD_RESIDENTIAL', openSlots: 5 }] },
    })).updateCapacity;
    expect(updated).toEqual(await readProvider(gatewayCounselor, LAKE_VILLA));
    expect(updated.capacity.find((c) => c.service === 'WITHDRAWAL_MANAGEMENT')?.openSlots).toBe(3);
  });

  payloadTest('recordConsent', 'the payload shows no more than the treating provider can read of the consent, and a replay what they may read now', async () => {
    const episode = await freshEpisode();
    const input = consentInput(episode.id, { wholeOrganization: true });
    const recorded = (await client.ok<{ recordConsent: ConsentSeen }>(gatewayCounselor, RECORD_CONSENT, { input, key: 'payload-consent' })).recordConsent;
    expect(recorded).toEqual(await readConsent(gatewayCounselor, episode.id, recorded.id));
    expect(recorded.inEffect).toBe(true);

    // Revoked since: the replay answers the consent as the provider reads it now.
    await client.ok(gatewayCounselor, REVOKE_CONSENT, { id: recorded.id });
    const replay = (await client.ok<{ recordConsent: ConsentSeen }>(gatewayCounselor, RECORD_CONSENT, { input, key: 'payload-consent' })).recordConsent;
    expect(replay).toEqual(await readConsent(gatewayCounselor, episode.id, recorded.id));
  });

  payloadTest('revokeConsent', 'the payload shows no more than the treating provider can read of the consent', async () => {
    const episode = await freshEpisode();
    const recorded = (await client.ok<{ recordConsent: ConsentSeen }>(gatewayCounselor, RECORD_CONSENT, { input: consentInput(episode.id) })).recordConsent;
    const revoked = (await client.ok<{ revokeConsent: ConsentSeen }>(gatewayCounselor, REVOKE_CONSENT, { id: recorded.id })).revokeConsent;
    expect(revoked).toEqual(await readConsent(gatewayCounselor, episode.id, recorded.id));
    expect(revoked).toMatchObject({ inEffect: false, revokedAt: expect.any(String) });
  });
});

describe('an idempotent replay answers only what the caller may read now', () => {
  // referToTreatment's replay to a referrer who may no longer see the deflection is pinned in treatment.part2.test.ts.
  const movedCounselor: Actor = { ...gatewayCounselor, agencyId: A.rosecrance };

  it('bulkUpdateEpisodes: a replay to a counselor who now works for another provider shows none of the episodes they can no longer read', async () => {
    const a = await freshEpisode();
    const updates = [{ episodeId: a.id, toState: 'ACKNOWLEDGED', at: now(), clientUpdateId: 'emr-moved' }];
    const first = (await client.ok<{ bulkUpdateEpisodes: BulkSeen }>(gatewayCounselor, BULK, { updates, key: 'moved-bulk' })).bulkUpdateEpisodes;
    expect(first.results[0]).toMatchObject({ status: 'APPLIED', episode: { id: a.id } });
    expect((await client.error(movedCounselor, READ_EPISODE, { id: a.id })).extensions?.code).toBe('FORBIDDEN');
    const replay = await client.run<{ bulkUpdateEpisodes: BulkSeen }>(movedCounselor, BULK, { updates, key: 'moved-bulk' });
    const shown = (replay.data?.bulkUpdateEpisodes.results ?? []).map((r) => r.episode).filter((e) => e !== null);
    expect(shown).toEqual([]);
  });

  it('recordConsent: refuses the replay to a counselor who now works for another provider, as the read refuses them', async () => {
    const episode = await freshEpisode();
    const input = consentInput(episode.id);
    await client.ok(gatewayCounselor, RECORD_CONSENT, { input, key: 'moved-consent' });
    expect((await client.error(movedCounselor, READ_CONSENTS, { episodeId: episode.id })).extensions?.code).toBe('FORBIDDEN');
    const replay = await client.run(movedCounselor, RECORD_CONSENT, { input, key: 'moved-consent' });
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data).toBeNull();
  });
});

describe('the referral’s answer names the patient as the referrer’s own record does', () => {
  it('referToTreatment: shows a trooper the person as the troop spelled them, even when another unit referred the person to treatment first', async () => {
    // The sheriff's deputy deflects the person first and TASC refers them to treatment: the patient is created then.
    const someone = person();
    const sheriffDeflection = await freshDeflection(someone);
    await client.ok('case-manager', REFER, { input: { deflectionId: sheriffDeflection, providerId: LAKE_VILLA, service: 'SUD_OUTPATIENT' } });

    // A trooper deflects the same person, spelled as the troop's records spell them, and refers them to treatment.
    const troopSpelling = { ...someone, givenName: someone.givenName.toUpperCase(), familyName: someone.familyName.toUpperCase() };
    const referral = { person: troopSpelling, pathway: 'OFFICER_INTERVENTION', chargesHeldInAbeyance: true, county: 'Lake', narrative: 'Passenger during a traffic stop.' };
    const troop = (await casesClient.ok<{ quickReferral: { deflection: { id: string; version: number } } }>('officer', QUICK_REFERRAL, { input: referral })).quickReferral.deflection;
    await casesClient.ok('meg-director', 'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id } }', {
      input: { deflectionId: troop.id, version: troop.version, decision: 'APPROVED', reason: 'Eligible.' },
    });
    const episode = (await client.ok<{ referToTreatment: EpisodeSeen }>('officer', REFER_AS_REFERRER, { input: { deflectionId: troop.id, providerId: LAKE_VILLA, service: 'SUD_RESIDENTIAL' } })).referToTreatment;

    // The trooper can read only the troop's record of the person; the sheriff's spelling is not theirs to see.
    const { id: _patientId, ...named } = episode.patient;
    expect(named).toEqual(await participantAsReadBy('officer', troop.id));
  });
});

describe('payload tests keep up with the schema', () => {
  it('has a payload test for every mutation of the treatment schema, so a new mutation without one fails here', () => {
    const mutations = Object.keys(treatment.schema.getMutationType()!.getFields()).sort();
    expect([...covered].sort()).toEqual(mutations);
  });
});
