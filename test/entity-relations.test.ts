import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { roleUrl, subgraphDatabase, type SubgraphOrm } from '@hub/platform/db';
import { rolePassword } from '@hub/platform/runtime';
import { openSubgraphOrm } from '@hub/platform/subgraph';
import { testAdminUrl } from '@hub/platform/testing';
import { HUB_SUBGRAPHS } from '../scripts/hub-subgraphs.js';

/**
 * The ORM is told not to define change-propagation accessors on every property of every loaded entity
 * (propagationOnPrototype: false): they were a fifth of the CPU of loading a 50-row review queue. That is only sound
 * while no relation has an inverse side for MikroORM to keep in step; a relation that gets one must revisit it, and
 * so must code that starts removing entities or reassigning a many-to-one of an entity a parent EntityManager holds in
 * a separate copy (see the comment at the option in platform/src/db/orm.ts).
 */
describe('entity relations', () => {
  const orms: SubgraphOrm[] = [];
  beforeAll(async () => {
    for (const definition of HUB_SUBGRAPHS) orms.push(await openSubgraphOrm(definition, roleUrl(testAdminUrl(), subgraphDatabase(definition.name), rolePassword())));
  });
  afterAll(async () => {
    await Promise.all(orms.map((orm) => orm.close()));
  });

  it('no relation of any subgraph has an inverse side, so the ORM keeps no propagation accessors on loaded entities', () => {
    const relations: string[] = [];
    const inverse: string[] = [];
    for (const { orm } of orms) {
      expect(orm.config.get('propagationOnPrototype')).toBe(false);
      for (const meta of orm.getMetadata()) {
        for (const prop of meta.relations) {
          relations.push(`${meta.className}.${prop.name}`);
          if (prop.inversedBy || prop.mappedBy) inverse.push(`${meta.className}.${prop.name}`);
        }
      }
    }
    // The check looked at real relations (a deflection's participant among them), and none has an inverse side.
    expect(relations).toContain('Deflection.participant');
    expect(inverse).toEqual([]);
  });
});
