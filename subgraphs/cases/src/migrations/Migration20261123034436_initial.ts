import { Migration } from '@mikro-orm/migrations';

export class Migration20261123034436_initial extends Migration {

  override name = 'Migration20261123034436_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "cases"."deflection" ("id" uuid not null, "reference_number" varchar(24) not null, "pathway" text not null, "status" text not null, "initiating_unit_id" uuid not null, "counts_for_id" uuid null, "case_management_organization_id" uuid not null, "county" varchar(60) not null, "referred_at" timestamptz not null, "created_by_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_reference_number_unique" unique ("reference_number");`);
    this.addSql(`create index "deflection_status_index" on "cases"."deflection" ("status");`);
    this.addSql(`create index "deflection_initiating_unit_id_index" on "cases"."deflection" ("initiating_unit_id");`);
    this.addSql(`create index "deflection_counts_for_id_index" on "cases"."deflection" ("counts_for_id");`);
    this.addSql(`create index "deflection_case_management_organization_id_index" on "cases"."deflection" ("case_management_organization_id");`);

    this.addSql(`create table "cases"."outbox_event" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(80) not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`alter table "cases"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_index" on "cases"."outbox_event" ("published_at");`);

    this.addSql(`alter table "cases"."deflection" add constraint "deflection_pathway_check" check ("pathway" in ('SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS', 'OFFICER_PREVENTION', 'OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'));`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_status_check" check ("status" in ('PENDING_APPROVAL', 'ACTIVE', 'DECLINED', 'SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "cases"."deflection" cascade;`);
    this.addSql(`drop table if exists "cases"."outbox_event" cascade;`);
  }

}
