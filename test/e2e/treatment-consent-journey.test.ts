import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_AGENCY as A, demoDeflectionId } from '@hub/platform/demo';
import { addDays, illinoisDate } from '@hub/platform/domain';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

const TREATMENT = `query($id: ID!) { deflection(id: $id) { referenceNumber treatment { engaged state provider { name } consent { kind } } } }`;
type Seen = { deflection: { referenceNumber: string; treatment: { engaged: boolean | null; state: string | null; provider: { name: string } | null } | null } };

describe('journey: consent decides what the referring officer sees (42 CFR Part 2)', () => {
  it('CONSENT_REQUIRED → consent recorded → status visible with the 2.32 notice → revoked → CONSENT_REQUIRED again', async () => {
    const officer = await hub.tokenFor('officer');
    const provider = await hub.tokenFor('provider');
    const deflectionId = demoDeflectionId(6);

    const before = await hub.gql<Seen>(TREATMENT, { token: officer, variables: { id: deflectionId } });
    expect(before.data?.deflection.referenceNumber).toBe('DFL-2026-000006');
    expect(before.data?.deflection.treatment).toBeNull();
    expect(before.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
    expect(before.errors?.[0]?.path).toEqual(['deflection', 'treatment']);

    const episodes = await hub.gql<{ myEpisodes: { edges: { node: { id: string; deflection: { id: string } } }[] } }>(
      '{ myEpisodes(first: 100) { edges { node { id deflection { id } } } } }',
      { token: provider },
    );
    const episode = episodes.data!.myEpisodes.edges.find((e) => e.node.deflection.id === deflectionId)!.node;
    const recorded = await hub.gql<{ recordConsent: { id: string } }>(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
      {
        token: provider,
        variables: {
          input: {
            kind: 'STANDARD', episodeId: episode.id, information: ['ENGAGEMENT', 'EPISODE_STATUS'], recipients: [{ agencyId: A.ispDopTroop2 }],
            purpose: 'Let the referring trooper know whether treatment started.', signedOn: illinoisDate(), expiresOn: addDays(illinoisDate(), 180),
          },
        },
      },
    );
    expect(recorded.errors).toBeUndefined();

    const during = await hub.gql<Seen & { extensions?: unknown }>(TREATMENT, { token: officer, variables: { id: deflectionId } });
    expect(during.errors).toBeUndefined();
    expect(during.data?.deflection.treatment).toMatchObject({ engaged: false, state: 'LOST_CONTACT', provider: { name: 'Gateway Foundation, Lake Villa' } });
    const raw = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({ query: TREATMENT, variables: { id: deflectionId } }),
    });
    const body = (await raw.json()) as { extensions?: { redisclosureNotice?: string } };
    expect(body.extensions?.redisclosureNotice).toMatch(/42 CFR part 2/);

    const revoked = await hub.gql(`mutation($id: ID!) { revokeConsent(consentId: $id) { revokedAt } }`, { token: provider, variables: { id: recorded.data!.recordConsent.id } });
    expect(revoked.errors).toBeUndefined();
    const after = await hub.gql<Seen>(TREATMENT, { token: officer, variables: { id: deflectionId } });
    expect(after.data?.deflection.treatment).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
  });

  it('carries no redisclosure notice on a response that disclosed nothing', async () => {
    const officer = await hub.tokenFor('officer');
    const raw = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({ query: '{ myAgency { name } }' }),
    });
    const body = (await raw.json()) as { data?: unknown; errors?: unknown; extensions?: Record<string, unknown> };
    // The response answered (it is not an error that would carry no notice anyway) and disclosed no treatment.
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ myAgency: { name: 'ISP Division of Patrol, Troop 2' } });
    expect(body.extensions?.redisclosureNotice).toBeUndefined();
  });
});
