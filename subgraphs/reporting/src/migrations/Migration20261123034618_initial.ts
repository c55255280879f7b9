import { Migration } from '@mikro-orm/migrations';

export class Migration20261123034618_initial extends Migration {

  override name = 'Migration20261123034618_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "reporting"."deflection_fact" ("deflection_id" uuid not null, "pathway" varchar(40) not null, "status" varchar(40) not null, "initiating_unit_id" uuid not null, "counts_for_id" uuid null, "attributed_to_id" uuid not null, "county" varchar(60) not null, "referred_on" date not null, "last_event_sequence" bigint not null, primary key ("deflection_id"));`);
    this.addSql(`create index "deflection_fact_initiating_unit_id_index" on "reporting"."deflection_fact" ("initiating_unit_id");`);
    this.addSql(`create index "deflection_fact_counts_for_id_index" on "reporting"."deflection_fact" ("counts_for_id");`);
    this.addSql(`create index "deflection_fact_attributed_to_id_index" on "reporting"."deflection_fact" ("attributed_to_id");`);

    this.addSql(`create table "reporting"."processed_event" ("event_id" uuid not null, "source" varchar(40) not null, "sequence" bigint not null, "type" varchar(80) not null, "processed_at" timestamptz not null, primary key ("event_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "reporting"."deflection_fact" cascade;`);
    this.addSql(`drop table if exists "reporting"."processed_event" cascade;`);
  }

}
