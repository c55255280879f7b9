import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openSubgraphOrm } from '@hub/platform/subgraph';
import { createTestDatabase, type TestDatabase } from '@hub/platform/testing';
import { cases } from '../src/index.js';
import { migrations } from '../src/migrations/index.js';

/** Data written under an earlier migration, carried forward by the later ones. */
let db: TestDatabase;
let before: number;

beforeAll(async () => {
  before = migrations.findIndex((m) => m.name === 'Migration20261123200000_match_keys_any_script');
  db = await createTestDatabase([{ ...cases, migrations: migrations.slice(0, before) }]);
});

afterAll(async () => {
  await db?.drop();
});

describe('match keys of every script (Migration20261123200000)', () => {
  it('recomputes each participant’s key, and takes the key from records that must never be matched', async () => {
    const legacy = db.orm('cases').fork();
    const cyrillic = randomUUID();
    const latin = randomUUID();
    const noDate = randomUUID();
    const devanagari = randomUUID();
    // The old normaliser kept only a–z: "Иван Петров" had the key of every non-Latin name born that day.
    await legacy.execute(
      `insert into "cases"."participant" (id, pseudonym, given_name, family_name, date_of_birth, match_key, created_at) values
       (?, ?, 'Иван', 'Петров', '1985-05-05', '||1985-05-05', now()),
       (?, ?, 'Łukasz', 'Nowak', '1990-01-01', 'nowak|ukasz|1990-01-01', now()),
       (?, ?, 'Robin', 'Avery', null, 'avery|robin|', now()),
       (?, ?, 'मीना', 'शर्मा', '2001-01-01', '||2001-01-01', now())`,
      [cyrillic, randomUUID(), latin, randomUUID(), noDate, randomUUID(), devanagari, randomUUID()],
    );
    const current = await openSubgraphOrm(cases, db.urlFor('cases'));
    try {
      expect(await current.migrate()).toEqual(migrations.slice(before).map((m) => m.name));
      const keys = await current.fork().execute<{ id: string; match_key: string | null }[]>(`select id, match_key from "cases"."participant"`);
      expect(Object.fromEntries(keys.map((row) => [row.id, row.match_key]))).toEqual({
        [cyrillic]: 'петров|иван|1985-05-05',
        [latin]: 'nowak|łukasz|1990-01-01',
        [noDate]: null,
        [devanagari]: 'शर्मा|मीना|2001-01-01',
      });
    } finally {
      await current.close();
    }
  });
});
