import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cases } from '@hub/cases';
import { DEMO_AGENCY as A, DEMO_PERSON as P, demoDeflectionId } from '@hub/platform/demo';
import { addDays, illinoisDate } from '@hub/platform/domain';
import { type Actor } from '@hub/platform/identity';
import { SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { Disclosure } from '../src/entities/consent.entity.js';
import { EpisodeTransition, Patient, TreatmentEpisode } from '../src/entities/episode.entity.js';
import { REDISCLOSURE_NOTICE } from '../src/rules/consent-rules.js';
import { demoProviderId } from '../src/seed/demo-data.js';
import { startTreatmentWithCases } from './support.js';

let db: TestDatabase;
let client: SubgraphClient<Context>;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ db, client, stop } = await startTreatmentWithCases());
});

afterAll(async () => {
  await stop?.();
});

const TREATMENT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Deflection { treatment {
  engaged state ended provider { name } acknowledgedAt firstContactAt retainedDays completed dischargeReason consent { id kind }
  consents { id information disclosingProvider { name } } } } } }`;
type View = {
  engaged: boolean | null; state: string | null; ended: boolean | null; provider: { name: string } | null; acknowledgedAt: string | null; firstContactAt: string | null;
  retainedDays: number | null; completed: boolean | null; dischargeReason: string | null; consent: { id: string; kind: string } | null;
  consents: { id: string; information: string[]; disclosingProvider: { name: string } | null }[];
};

const trooper: Actor = { personId: P.trooperReyes, agencyId: A.ispDopTroop2, roles: ['OFFICER'], actingFor: null };
const lakeMegDirector: Actor = { personId: P.directorMarsh, agencyId: A.lakeCountyMeg, roles: ['MEG_DIRECTOR'], actingFor: null };
const sheriffDeputy: Actor = { personId: P.deputyLindqvist, agencyId: A.lakeCountySheriff, roles: ['OFFICER'], actingFor: null };
const gatewayCounselor: Actor = { personId: P.counselorFitzgerald, agencyId: A.gatewayFoundation, roles: ['PROVIDER_STAFF'], actingFor: null };
const lchdCounselor: Actor = { personId: P.counselorOkafor, agencyId: A.lakeCountyHealthDepartment, roles: ['PROVIDER_STAFF'], actingFor: null };

async function treatmentOf(actor: Actor | string, n: number) {
  return treatmentOfId(actor, demoDeflectionId(n));
}

async function treatmentOfId(actor: Actor | string, deflectionId: string) {
  const result = await client.run<{ _entities: { treatment: View | null }[] }>(actor, TREATMENT, { r: [{ __typename: 'Deflection', id: deflectionId }] });
  return { view: result.data?._entities[0]?.treatment ?? null, error: result.errors?.[0], extensions: result.extensions };
}

async function disclosures(): Promise<number> {
  return db.orm('treatment').fork().count(Disclosure, {});
}

describe('42 CFR Part 2: what law enforcement sees is decided by consent (TRT-3)', () => {
  it('answers CONSENT_REQUIRED, with the reason, when no consent names the caller — and discloses nothing', async () => {
    const before = await disclosures();
    const { view, error, extensions } = await treatmentOf(trooper, 2);
    expect(view).toBeNull();
    expect(error?.extensions?.code).toBe('CONSENT_REQUIRED');
    expect(error?.message).toMatch(/42 CFR Part 2/);
    expect(extensions?.redisclosureNotice).toBeUndefined();
    expect(await disclosures()).toBe(before);
  });

  it('discloses only the fields a valid consent covers, logs it, and adds the redisclosure notice (2.32)', async () => {
    const before = await disclosures();
    const { view, extensions } = await treatmentOf(trooper, 1);
    // The consent covers ENGAGEMENT only: engaged yes/no, nothing else.
    expect(view).toMatchObject({ engaged: true, state: null, provider: null, acknowledgedAt: null, completed: null, dischargeReason: null, consent: { kind: 'STANDARD' } });
    expect(extensions?.redisclosureNotice).toBe(REDISCLOSURE_NOTICE);
    const log = await db.orm('treatment').fork().find(Disclosure, {}, { orderBy: { at: 'desc' }, limit: 1 });
    expect(await disclosures()).toBe(before + 1);
    expect(log[0]).toMatchObject({ recipientId: P.trooperReyes, recipientAgencyId: A.ispDopTroop2, information: ['ENGAGEMENT'], basis: 'CONSENT' });
    expect(log[0]!.consent?.id).toBe(view!.consent!.id);
  });

  it('refuses an expired consent', async () => {
    const { error } = await treatmentOf(trooper, 3);
    expect(error?.extensions?.code).toBe('CONSENT_REQUIRED');
  });

  it('refuses a revoked consent', async () => {
    const { error } = await treatmentOf(lakeMegDirector, 4);
    expect(error?.extensions?.code).toBe('CONSENT_REQUIRED');
  });

  it('refuses an agency the consent does not name', async () => {
    const { error } = await treatmentOf(sheriffDeputy, 1);
    expect(error?.extensions?.code).toBe('CONSENT_REQUIRED');
  });

  it('honours a recipient limited to a role: the DuPage MEG Director, not a DuPage MEG officer', async () => {
    const director: Actor = { personId: P.directorLowry, agencyId: A.duPageMeg, roles: ['MEG_DIRECTOR'], actingFor: null };
    const officer: Actor = { personId: P.directorLowry, agencyId: A.duPageMeg, roles: ['OFFICER'], actingFor: null };
    expect((await treatmentOf(director, 14)).view).toMatchObject({ engaged: true, state: 'ENGAGED', provider: { name: 'Gateway Foundation, Chicago West' } });
    expect((await treatmentOf(officer, 14)).error?.extensions?.code).toBe('CONSENT_REQUIRED');
  });

  it('lets an organisation-wide consent cover every site of the provider’s organisation', async () => {
    expect((await treatmentOf(trooper, 14)).view).toMatchObject({ state: 'ENGAGED', provider: { name: 'Gateway Foundation, Chicago West' } });
    // The same patient at another Gateway site (Lake Villa), for another deflection: the same consent covers it.
    const em = db.orm('treatment').fork();
    const template = await em.findOneOrFail(TreatmentEpisode, { deflectionId: demoDeflectionId(14) });
    const deflectionId = randomUUID();
    const referredAt = new Date(Date.now() - 60_000);
    const episode = em.create(TreatmentEpisode, {
      deflectionId, patient: template.patient, provider: demoProviderId(1), service: 'SUD_OUTPATIENT', state: 'REFERRED',
      referredAt, referredById: P.caseManagerAbernathy, referredAs: template.referredAs, deflectionReferredAt: template.deflectionReferredAt, caseManagementOrganizationId: A.tasc,
    });
    em.create(EpisodeTransition, { episode, fromState: null, toState: 'REFERRED', at: referredAt, byId: P.caseManagerAbernathy, reason: null });
    await em.flush();
    expect((await treatmentOfId(trooper, deflectionId)).view).toMatchObject({ state: 'REFERRED', provider: { name: 'Gateway Foundation, Lake Villa' } });
  });

  it('accepts an event-based expiry until the consent is revoked', async () => {
    // The consent covers ENGAGEMENT and EPISODE_STATUS, not ATTENDANCE: the 60-day milestone shows as engagement.
    expect((await treatmentOf(sheriffDeputy, 15)).view).toMatchObject({ engaged: true, state: 'ENGAGED' });
    // A consent of its own, so revoking it changes nothing another test reads.
    const episode = await episodeOf(11);
    expect((await treatmentOf(sheriffDeputy, 11)).error?.extensions?.code).toBe('CONSENT_REQUIRED');
    const recorded = await client.ok<{ recordConsent: { id: string; inEffect: boolean } }>(lchdCounselor, RECORD, {
      input: consentInput(episode.id, { recipients: [{ agencyId: A.lakeCountySheriff }], expiresOn: null, expiresOnEvent: 'Completion of the treatment episode' }),
    });
    expect(recorded.recordConsent.inEffect).toBe(true);
    expect((await treatmentOf(sheriffDeputy, 11)).view).toMatchObject({ engaged: false, state: 'REFERRED' });
    await client.ok(lchdCounselor, REVOKE, { id: recorded.recordConsent.id });
    expect((await treatmentOf(sheriffDeputy, 11)).error?.extensions?.code).toBe('CONSENT_REQUIRED');
  });

  it('lets the prosecutor holding charges monitor progress under a 2.35 consent, without seeing the deflection', async () => {
    const result = await client.run<{ treatmentOfDeflection: View }>('prosecutor', 'query($id: ID!) { treatmentOfDeflection(deflectionId: $id) { engaged completed firstContactAt state consent { kind } } }', { id: demoDeflectionId(6) });
    expect(result.data?.treatmentOfDeflection).toMatchObject({ engaged: false, completed: false, state: null, consent: { kind: 'CRIMINAL_JUSTICE' } });
    expect(result.extensions?.redisclosureNotice).toBe(REDISCLOSURE_NOTICE);
    // The deflection itself stays out of the prosecutor's reach in the cases subgraph.
    const casesClient = new SubgraphClient(cases, db.orm('cases'));
    const deflection = await casesClient.error('prosecutor', 'query($id: ID!) { deflection(id: $id) { referenceNumber } }', { id: demoDeflectionId(6) });
    expect(deflection.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers an unknown deflection exactly as one without consent, so nothing can be enumerated', async () => {
    const unknown = await client.run('prosecutor', 'query($id: ID!) { treatmentOfDeflection(deflectionId: $id) { engaged } }', { id: '00000000-0000-4000-8000-000000000000' });
    const noConsent = await client.run('prosecutor', 'query($id: ID!) { treatmentOfDeflection(deflectionId: $id) { engaged } }', { id: demoDeflectionId(2) });
    expect(unknown.errors?.[0]?.message).toBe(noConsent.errors?.[0]?.message);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
    expect(unknown).toEqual(noConsent);
  });
});

describe('Deflection.treatmentStatus: the same disclosure as Deflection.treatment, a refusal answered in the data', () => {
  const STATUS = TREATMENT.replace('treatment {', 'treatmentStatus { __typename ... on TreatmentWithheld { code message } ... on DeflectionTreatment {').replace(/\} \} \} \}$/, '} } } } }');
  const unknownId = '00000000-0000-4000-8000-000000000000';

  async function statusOfId(actor: Actor | string, deflectionId: string) {
    const result = await client.run<{ _entities: { treatmentStatus: Record<string, unknown> }[] }>(actor, STATUS, { r: [{ __typename: 'Deflection', id: deflectionId }] });
    return { status: result.data?._entities[0]?.treatmentStatus ?? null, errors: result.errors, extensions: result.extensions };
  }

  it('answers every caller as treatment does: the same view and notice, or TreatmentWithheld with the same reason where treatment is CONSENT_REQUIRED, logging the same disclosures', async () => {
    const callers: (Actor | string)[] = [trooper, lakeMegDirector, sheriffDeputy, gatewayCounselor, lchdCounselor, 'prosecutor', 'case-manager'];
    let shown = 0;
    let withheld = 0;
    for (const caller of callers) {
      for (const id of [...[1, 2, 3, 4, 5, 6, 7, 8, 14].map(demoDeflectionId), unknownId]) {
        const before = await disclosures();
        const viaTreatment = await treatmentOfId(caller, id);
        const loggedByTreatment = (await disclosures()) - before;
        const viaStatus = await statusOfId(caller, id);
        expect((await disclosures()) - before - loggedByTreatment).toBe(loggedByTreatment);
        expect(viaStatus.errors).toBeUndefined();
        expect(viaStatus.extensions?.redisclosureNotice).toEqual(viaTreatment.extensions?.redisclosureNotice);
        if (viaTreatment.view) {
          shown += 1;
          expect(viaStatus.status).toEqual({ __typename: 'DeflectionTreatment', ...viaTreatment.view });
        } else {
          withheld += 1;
          expect(viaTreatment.error?.extensions?.code).toBe('CONSENT_REQUIRED');
          expect(viaStatus.status).toEqual({ __typename: 'TreatmentWithheld', code: 'CONSENT_REQUIRED', message: viaTreatment.error?.message });
        }
      }
    }
    // Both kinds of answer were compared, not only one.
    expect(shown).toBeGreaterThan(5);
    expect(withheld).toBeGreaterThan(5);
  });

  it('withholds an unknown deflection exactly as one without consent, so nothing can be enumerated', async () => {
    const unknown = await statusOfId(trooper, unknownId);
    const noConsent = await statusOfId(trooper, demoDeflectionId(2));
    expect(unknown.status).toMatchObject({ __typename: 'TreatmentWithheld', code: 'CONSENT_REQUIRED' });
    expect(unknown).toEqual(noConsent);
  });
});

describe('disclosure logging on a list', () => {
  it('logs the disclosures of a whole list in one insert, not one per deflection', async () => {
    const orm = db.orm('treatment');
    const representations = (ns: number[]) => ns.map((n) => ({ __typename: 'Deflection', id: demoDeflectionId(n) }));
    const one = await orm.counter.measure(() => client.ok(trooper, TREATMENT, { r: representations([1]) }));
    const before = await disclosures();
    const two = await orm.counter.measure(() => client.ok(trooper, TREATMENT, { r: representations([1, 14]) }));
    expect(two.statements.length).toBe(one.statements.length);
    expect(await disclosures()).toBe(before + 2);
    expect(two.statements.filter((sql) => /^\s*insert into "treatment"\."disclosure"/i.test(sql))).toHaveLength(1);
  });
});

describe('minimum necessary for the treating provider and the case manager', () => {
  it('shows the treating provider its whole record, without logging a disclosure', async () => {
    const before = await disclosures();
    const { view, extensions } = await treatmentOf(gatewayCounselor, 17);
    expect(view).toMatchObject({ state: 'DISCHARGED', dischargeReason: 'Left against clinical advice', consent: null });
    expect(extensions?.redisclosureNotice).toBeUndefined();
    expect(await disclosures()).toBe(before);
  });

  it('shows the assigned case manager status and dates but not why a person was discharged, and logs it', async () => {
    const before = await disclosures();
    const { view, extensions } = await treatmentOf('case-manager', 17);
    // Case management covers status, not how an episode ended: it has ended, and nothing more.
    expect(view).toMatchObject({ engaged: false, state: null, ended: true, completed: null, dischargeReason: null });
    const provider = (await treatmentOf(gatewayCounselor, 17)).view;
    expect(view?.acknowledgedAt).not.toBeNull();
    expect(view?.firstContactAt).not.toBeNull();
    expect(view).toMatchObject({ acknowledgedAt: provider?.acknowledgedAt, firstContactAt: provider?.firstContactAt, retainedDays: provider?.retainedDays });
    expect(extensions?.redisclosureNotice).toBe(REDISCLOSURE_NOTICE);
    expect(await disclosures()).toBe(before + 1);
  });

  it('tells a completed episode from a discharged one by no field when COMPLETION is not covered', async () => {
    const completed = (await treatmentOf('case-manager', 3)).view;
    const discharged = (await treatmentOf('case-manager', 17)).view;
    const outcomeFields = (view: View | null) => ({ engaged: view?.engaged, state: view?.state, ended: view?.ended, completed: view?.completed, dischargeReason: view?.dischargeReason });
    expect(outcomeFields(completed)).toEqual({ engaged: false, state: null, ended: true, completed: null, dischargeReason: null });
    expect(outcomeFields(discharged)).toEqual(outcomeFields(completed));
  });

  it('gives another provider’s staff nothing without a consent', async () => {
    expect((await treatmentOf(lchdCounselor, 17)).error?.extensions?.code).toBe('CONSENT_REQUIRED');
  });
});

const RECORD = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id kind inEffect information recipients { agency { id } role } irrevocableUntil } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(consentId: $id) { id revokedAt inEffect } }`;

async function episodeOf(n: number): Promise<TreatmentEpisode> {
  return db.orm('treatment').fork().findOneOrFail(TreatmentEpisode, { deflectionId: demoDeflectionId(n) });
}

function consentInput(episodeId: string, over: Record<string, unknown> = {}) {
  return {
    kind: 'STANDARD', episodeId, information: ['ENGAGEMENT', 'EPISODE_STATUS'], recipients: [{ agencyId: A.ispDopTroop2 }],
    purpose: 'Tell the referring trooper whether treatment started.', signedOn: illinoisDate(), expiresOn: addDays(illinoisDate(), 180), ...over,
  };
}

/** A new patient's episode at Gateway Lake Villa in the given state, with no consent yet: each test writes its own. */
async function freshEpisode(state: TreatmentEpisode['state']): Promise<TreatmentEpisode> {
  const em = db.orm('treatment').fork();
  const referredAt = new Date(Date.now() - 86_400_000);
  const patient = em.create(Patient, { participantId: randomUUID(), givenName: 'Sam', familyName: 'Consenting', dateOfBirth: '1988-08-08' });
  const episode = em.create(TreatmentEpisode, {
    deflectionId: randomUUID(), patient, provider: demoProviderId(1), service: 'SUD_OUTPATIENT', state, referredAt, referredById: P.caseManagerAbernathy,
    referredAs: { givenName: 'Sam', familyName: 'Consenting', dateOfBirth: '1988-08-08' }, deflectionReferredAt: referredAt, caseManagementOrganizationId: A.tasc,
  });
  em.create(EpisodeTransition, { episode, fromState: null, toState: 'REFERRED', at: referredAt, byId: P.caseManagerAbernathy, reason: null });
  await em.flush();
  return episode;
}

describe('analysts see statistics only (FB-3)', () => {
  it('refuses an analyst even when a consent names their agency', async () => {
    const episode = await freshEpisode('ENGAGED');
    await client.ok(gatewayCounselor, RECORD, { input: consentInput(episode.id, { recipients: [{ agencyId: A.icjia }], purpose: 'Research.' }) });
    const analyst: Actor = { personId: P.analystSantiago, agencyId: A.icjia, roles: ['ANALYST'], actingFor: null };
    expect((await treatmentOfId(analyst, episode.deflectionId)).error?.extensions?.code).toBe('FORBIDDEN');
    // Anyone else of the same agency named by it is answered under the consent.
    expect((await treatmentOfId({ ...analyst, roles: ['ADMINISTRATOR'] }, episode.deflectionId)).view).toMatchObject({ engaged: true });
  });
});

describe('a deflection with several episodes', () => {
  it('shows the treatment under way, not a newer referral to the same place by someone else', async () => {
    const retained = await freshEpisode('RETAINED_60');
    const em = db.orm('treatment').fork();
    const again = em.create(TreatmentEpisode, {
      deflectionId: retained.deflectionId, patient: retained.patient.id, provider: demoProviderId(1), service: 'SUD_OUTPATIENT', state: 'REFERRED', referredAt: new Date(),
      referredById: P.sheriffSergeantBrooks, referredAs: retained.referredAs, deflectionReferredAt: retained.deflectionReferredAt, caseManagementOrganizationId: A.tasc,
    });
    await em.flush();
    expect((await treatmentOfId('case-manager', retained.deflectionId)).view).toMatchObject({ state: 'RETAINED_60', engaged: true });
    expect((await treatmentOfId(gatewayCounselor, retained.deflectionId)).view).toMatchObject({ state: 'RETAINED_60' });
    expect(again.id).not.toBe(retained.id);
  });
});

describe('what a consent covers decides every field', () => {
  it('withholds how an episode ended from a consent without COMPLETION, saying only that it ended', async () => {
    const episode = await freshEpisode('DISCHARGED');
    await client.ok(gatewayCounselor, RECORD, { input: consentInput(episode.id, { information: ['ENGAGEMENT', 'EPISODE_STATUS'] }) });
    const { view } = await treatmentOfId(trooper, episode.deflectionId);
    expect(view).toMatchObject({ state: null, ended: true, completed: null, dischargeReason: null, engaged: false });
  });

  it('shows what several consents cover together, lists each within its own scope, and accounts for each', async () => {
    const episode = await freshEpisode('DISCHARGED');
    const narrow = await client.ok<{ recordConsent: { id: string } }>(gatewayCounselor, RECORD, { input: consentInput(episode.id, { information: ['ENGAGEMENT'] }) });
    const broad = await client.ok<{ recordConsent: { id: string } }>(gatewayCounselor, RECORD, {
      input: consentInput(episode.id, { information: ['EPISODE_STATUS', 'COMPLETION'], signedOn: addDays(illinoisDate(), -1), purpose: 'Completion for the trooper.' }),
    });
    const { view } = await treatmentOfId(trooper, episode.deflectionId);
    expect(view).toMatchObject({ engaged: false, state: 'DISCHARGED', completed: false, consent: { id: broad.recordConsent.id } });
    // Each consent shown as itself: the disclosing provider only on the one that covers the episode's status.
    expect(view?.consents).toEqual([
      { id: broad.recordConsent.id, information: ['EPISODE_STATUS', 'COMPLETION'], disclosingProvider: { name: 'Gateway Foundation, Lake Villa' } },
      { id: narrow.recordConsent.id, information: ['ENGAGEMENT'], disclosingProvider: null },
    ]);
    // 42 CFR 2.24: each kind of information is accounted for under the consent it was disclosed under.
    const log = await db.orm('treatment').fork().find(Disclosure, { episode: episode.id }, { orderBy: { information: 'asc' } });
    expect(log.map((row) => ({ consent: row.consent?.id, information: row.information })).sort((a, b) => a.information.length - b.information.length)).toEqual([
      { consent: narrow.recordConsent.id, information: ['ENGAGEMENT'] },
      { consent: broad.recordConsent.id, information: ['EPISODE_STATUS', 'COMPLETION'] },
    ]);
  });
});

describe('recording and revoking consent (42 CFR 2.31, 2.35)', () => {
  it('records a consent that takes effect at once, and a revocation that takes effect at once', async () => {
    const episode = await episodeOf(2);
    expect((await treatmentOf(trooper, 2)).error?.extensions?.code).toBe('CONSENT_REQUIRED');
    const recorded = await client.ok<{ recordConsent: { id: string; inEffect: boolean } }>(lchdCounselor, RECORD, { input: consentInput(episode.id) });
    expect(recorded.recordConsent.inEffect).toBe(true);
    expect((await treatmentOf(trooper, 2)).view).toMatchObject({ engaged: false, state: 'ACKNOWLEDGED' });
    const revoked = await client.ok<{ revokeConsent: { inEffect: boolean } }>(lchdCounselor, REVOKE, { id: recorded.recordConsent.id });
    expect(revoked.revokeConsent.inEffect).toBe(false);
    expect((await treatmentOf(trooper, 2)).error?.extensions?.code).toBe('CONSENT_REQUIRED');
  });

  it('refuses to revoke a criminal-justice consent before the date it names', async () => {
    const episode = await episodeOf(10);
    const recorded = await client.ok<{ recordConsent: { id: string } }>(gatewayCounselor, RECORD, {
      input: consentInput(episode.id, { kind: 'CRIMINAL_JUSTICE', recipients: [{ agencyId: A.lakeCountyStatesAttorney, role: 'PROSECUTOR' }], irrevocableUntil: addDays(illinoisDate(), 30) }),
    });
    const error = await client.error(gatewayCounselor, REVOKE, { id: recorded.recordConsent.id });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consentId', rule: 'irrevocable-until' });
  });

  it('requires an expiry date or event', async () => {
    const episode = await episodeOf(10);
    const error = await client.error(gatewayCounselor, RECORD, { input: consentInput(episode.id, { expiresOn: null }) });
    expect(error.extensions).toMatchObject({ field: 'input.expiresOn', rule: 'expiry-required' });
    const byEvent = await client.ok<{ recordConsent: { inEffect: boolean } }>(gatewayCounselor, RECORD, { input: consentInput(episode.id, { expiresOn: null, expiresOnEvent: 'End of the treatment episode' }) });
    expect(byEvent.recordConsent.inEffect).toBe(true);
  });

  it('requires a criminal-justice consent to say until when it is irrevocable, and only it', async () => {
    const episode = await episodeOf(10);
    const missing = await client.error(gatewayCounselor, RECORD, { input: consentInput(episode.id, { kind: 'CRIMINAL_JUSTICE' }) });
    expect(missing.extensions).toMatchObject({ field: 'input.irrevocableUntil', rule: 'required-for-criminal-justice' });
    const misplaced = await client.error(gatewayCounselor, RECORD, { input: consentInput(episode.id, { irrevocableUntil: addDays(illinoisDate(), 10) }) });
    expect(misplaced.extensions).toMatchObject({ field: 'input.irrevocableUntil', rule: 'criminal-justice-only' });
  });

  it('requires what, to whom and why', async () => {
    const episode = await episodeOf(10);
    const error = await client.error(gatewayCounselor, RECORD, { input: consentInput(episode.id, { information: [], recipients: [], purpose: ' ' }) });
    const fields = (error.extensions?.violations as { field: string }[]).map((v) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['input.information', 'input.recipients', 'input.purpose']));
  });

  it('lets only the treating provider record a consent', async () => {
    const episode = await episodeOf(10);
    expect((await client.error(lchdCounselor, RECORD, { input: consentInput(episode.id) })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.error('officer', RECORD, { input: consentInput(episode.id) })).extensions?.code).toBe('FORBIDDEN');
    const byTreatingProvider = await client.ok<{ recordConsent: { inEffect: boolean } }>(gatewayCounselor, RECORD, { input: consentInput(episode.id) });
    expect(byTreatingProvider.recordConsent.inEffect).toBe(true);
  });
});

describe('the accounting of disclosures (42 CFR 2.24)', () => {
  it('lists every disclosure of the patient’s information in the last three years, for the treating provider', async () => {
    await treatmentOf(trooper, 1);
    const episode = await episodeOf(1);
    // One disclosure four years ago, written straight to the database: older than the accounting covers.
    const em = db.orm('treatment').fork();
    const fourYearsAgo = new Date();
    fourYearsAgo.setFullYear(fourYearsAgo.getFullYear() - 4);
    em.create(Disclosure, {
      patient: episode.patient, episode, consent: null, basis: 'CASE_MANAGEMENT', recipientId: P.caseManagerAbernathy, recipientAgencyId: A.tasc,
      information: ['ENGAGEMENT'], purpose: 'Disclosed four years ago', at: fourYearsAgo,
    });
    await em.flush();
    const onRecord = await db.orm('treatment').fork().count(Disclosure, { patient: episode.patient.id });
    const data = await client.ok<{ accountingOfDisclosures: { recipient: { id: string }; recipientAgency: { id: string }; information: string[]; basis: string; consent: { kind: string } | null; purpose: string }[] }>(
      gatewayCounselor,
      'query($id: ID!) { accountingOfDisclosures(episodeId: $id) { at recipient { id } recipientAgency { id } information basis consent { kind } purpose } }',
      { id: episode.id },
    );
    expect(data.accountingOfDisclosures.length).toBeGreaterThanOrEqual(1);
    expect(data.accountingOfDisclosures).toHaveLength(onRecord - 1);
    expect(data.accountingOfDisclosures.map((d) => d.purpose)).not.toContain('Disclosed four years ago');
    expect(data.accountingOfDisclosures[0]).toMatchObject({ recipient: { id: P.trooperReyes }, recipientAgency: { id: A.ispDopTroop2 }, information: ['ENGAGEMENT'], basis: 'CONSENT', consent: { kind: 'STANDARD' } });
    expect((await client.error(lchdCounselor, 'query($id: ID!) { accountingOfDisclosures(episodeId: $id) { at } }', { id: episode.id })).extensions?.code).toBe('FORBIDDEN');
  });
});
