import { Migration } from '@mikro-orm/migrations';

/**
 * Two indexes that another index already serves, written on every referral for nothing: a match-key lookup uses the
 * partial unique index (`match_key = ?` implies it is not null), and the people of an incident are found through the
 * unique (incident_id, participant_id) index, which leads with the incident.
 */
export class Migration20261208014825_redundant_indexes extends Migration {

  override name = 'Migration20261208014825_redundant_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "cases"."participant_match_key_index";`);
    this.addSql(`drop index "cases"."incident_person_incident_id_index";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create index "incident_person_incident_id_index" on "cases"."incident_person" ("incident_id");`);
    this.addSql(`create index "participant_match_key_index" on "cases"."participant" ("match_key");`);
  }

}
