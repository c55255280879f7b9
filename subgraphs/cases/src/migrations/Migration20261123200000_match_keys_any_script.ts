import { createHash } from 'node:crypto';
import { Migration } from '@mikro-orm/migrations';

/** The normaliser and key as this migration applied them, frozen: a later change needs a migration of its own. */
function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}]/gu, '')
    .normalize('NFC');
}

function keyOf(family: string, given: string, dateOfBirth: string): string {
  const key = `${family}|${given}|${dateOfBirth}`;
  return key.length <= 240 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * Match keys keep letters of every script (and the vowel signs of scripts that write vowels as marks). The old key
 * kept only a–z, so every Cyrillic, Greek, Arabic, Devanagari or CJK name with the same date of birth shared the key
 * "||<date>" and unrelated people were merged. Each key is recomputed;
 * records that must never be matched (no date of birth, or no letters left) get no key. The new keys are finer than
 * the old ones, so no two rows can come to share one. People already merged under an empty name stay merged: that
 * needs a person to separate their records, and such rows are listed by `match_key is null and given_name <> ''`.
 */
export class Migration20261123200000_match_keys_any_script extends Migration {
  override name = 'Migration20261123200000_match_keys_any_script';

  override async up(): Promise<void> {
    await this.execute(`drop index "cases"."participant_match_key_unique";`);
    await this.execute(`alter table "cases"."participant" alter column "match_key" drop not null;`);
    const rows = (await this.execute(`select "id", "given_name", "family_name", to_char("date_of_birth", 'YYYY-MM-DD') as "dob" from "cases"."participant"`)) as {
      id: string;
      given_name: string;
      family_name: string;
      dob: string | null;
    }[];
    for (const row of rows) {
      const family = normaliseName(row.family_name);
      const given = normaliseName(row.given_name);
      const key = row.dob && family && given ? keyOf(family, given, row.dob) : null;
      await this.execute(`update "cases"."participant" set "match_key" = ? where "id" = ?`, [key, row.id]);
    }
    await this.execute(`create unique index "participant_match_key_unique" on "cases"."participant" ("match_key") where match_key IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    await this.execute(`drop index "cases"."participant_match_key_unique";`);
    await this.execute(`update "cases"."participant" set "match_key" = '#' || "id" where "match_key" is null;`);
    await this.execute(`alter table "cases"."participant" alter column "match_key" set not null;`);
    await this.execute(`create unique index "participant_match_key_unique" on "cases"."participant" ("match_key") where date_of_birth IS NOT NULL;`);
  }
}
