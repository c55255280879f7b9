import { Migration } from '@mikro-orm/migrations';

export class Migration20261124001511_audit_trail extends Migration {

  override name = 'Migration20261124001511_audit_trail';

  override up(): void | Promise<void> {
    this.addSql(`create table "reporting"."audit_record" ("sequence" bigserial primary key, "recorded_at" timestamptz(3) not null, "kind" text not null, "outcome" text not null, "actor_id" uuid null, "acting_for_id" uuid null, "agency_id" uuid null, "operation" varchar(200) null, "field" varchar(200) null, "entity_type" varchar(80) null, "entity_id" varchar(80) null, "detail" varchar(500) null, "client_address" varchar(80) null, "request_id" varchar(80) null, "previous_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "audit_record_actor_id_index" on "reporting"."audit_record" ("actor_id");`);
    this.addSql(`create index "audit_record_entity_id_index" on "reporting"."audit_record" ("entity_id");`);
    this.addSql(`alter table "reporting"."audit_record" add constraint "audit_record_hash_unique" unique ("hash");`);

    this.addSql(`alter table "reporting"."audit_record" add constraint "audit_record_kind_check" check ("kind" in ('READ', 'WRITE', 'DENIED', 'SIGN_IN_FAILED'));`);
    this.addSql(`alter table "reporting"."audit_record" add constraint "audit_record_outcome_check" check ("outcome" in ('SUCCESS', 'DENIED', 'FAILED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "reporting"."audit_record" cascade;`);
  }

}
