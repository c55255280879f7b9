import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, SubgraphClient, type TestDatabase } from '@hub/platform/testing';
import type { Context } from '../src/context.js';
import { treatment } from '../src/index.js';

let db: TestDatabase;
let client: SubgraphClient<Context>;

beforeAll(async () => {
  db = await createTestDatabase([treatment], { seed: true });
  client = new SubgraphClient(treatment, db.orm('treatment'));
});

afterAll(async () => {
  await db.drop();
});

describe('provider directory (TRT-1)', () => {
  type Providers = { providers: { name: string; openSlots: number; licenseStatus: string }[] };

  it('lists licensed providers serving a county, most open slots first', async () => {
    const data = await client.ok<Providers>('officer', '{ providers(county: "lake") { name openSlots licenseStatus } }');
    expect(data.providers).toEqual([
      { name: 'Gateway Foundation, Lake Villa', openSlots: 20, licenseStatus: 'ACTIVE' },
      { name: 'Lake County Health Department, Behavioral Health', openSlots: 13, licenseStatus: 'ACTIVE' },
    ]);
  });

  it('never offers a provider whose licence is suspended', async () => {
    const data = await client.ok<Providers>('officer', '{ providers(county: "Madison") { name } }');
    expect(data.providers.map((p) => p.name)).not.toContain('Centerstone Alton');
  });

  it('filters by a service with open slots', async () => {
    const data = await client.ok<{ providers: { name: string; capacity: { service: string; openSlots: number }[] }[] }>(
      'officer',
      '{ providers(county: "Lake", service: MEDICATION_FOR_OPIOID_USE_DISORDER) { name capacity { service openSlots } } }',
    );
    expect(data.providers.map((p) => p.name)).toEqual(['Lake County Health Department, Behavioral Health']);
    expect(data.providers[0]!.capacity).toContainEqual({ service: 'MEDICATION_FOR_OPIOID_USE_DISORDER', openSlots: 9 });
  });

  it('does not offer a provider whose only slots for the service are full', async () => {
    const data = await client.ok<Providers>('officer', '{ providers(county: "Lake", service: SUD_OUTPATIENT) { name } }');
    expect(data.providers.map((p) => p.name)).toEqual(['Gateway Foundation, Lake Villa']);
  });

  it('rejects a county that is not in Illinois, naming the argument', async () => {
    const error = await client.error('officer', '{ providers(county: "Orange") { name } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'county', rule: 'illinois-county' });
  });

  it('requires a signed-in caller', async () => {
    expect((await client.error(null, '{ providers(county: "Lake") { name } }')).extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('treatment options on a deflection (TRT-4)', () => {
  it('answers for many deflections with one provider query and one capacity query', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Deflection { treatmentOptions { name openSlots } } } }';
    const representations = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ __typename: 'Deflection', id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, county: i % 2 ? 'Lake' : 'Jackson' }));
    const orm = db.orm('treatment');
    const few = await orm.counter.measure(() => client.ok('officer', query, { r: representations(2) }));
    const many = await orm.counter.measure(() => client.ok<{ _entities: { treatmentOptions: { name: string }[] }[] }>('officer', query, { r: representations(30) }));
    expect(many.statements.length).toBe(few.statements.length);
    expect(many.statements.length).toBe(2);
    expect(many.statements.filter((sql) => /\bfrom "treatment"\."provider"/.test(sql))).toHaveLength(1);
    expect(many.statements.filter((sql) => /\bfrom "treatment"\."service_capacity"/.test(sql))).toHaveLength(1);
    expect(many.result._entities[1]!.treatmentOptions[0]!.name).toBe('Gateway Foundation, Lake Villa');
    expect(many.result._entities[0]!.treatmentOptions[0]!.name).toBe('Centerstone Carbondale');
  });
});
