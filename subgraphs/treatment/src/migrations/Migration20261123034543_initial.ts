import { Migration } from '@mikro-orm/migrations';

export class Migration20261123034543_initial extends Migration {

  override name = 'Migration20261123034543_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "treatment"."provider" ("id" uuid not null, "name" varchar(200) not null, "organization_id" uuid null, "license_number" varchar(40) not null, "license_status" text not null, "license_expires_on" date not null, "counties_served" text[] not null default '{}', "services" text[] not null default '{}', "languages" text[] not null default '{}', "payment_accepted" text[] not null default '{}', "version" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "treatment"."provider" add constraint "provider_license_number_unique" unique ("license_number");`);

    this.addSql(`create table "treatment"."service_capacity" ("id" uuid not null, "provider_id" uuid not null, "service" text not null, "open_slots" int not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "service_capacity_provider_id_index" on "treatment"."service_capacity" ("provider_id");`);
    this.addSql(`alter table "treatment"."service_capacity" add constraint "service_capacity_provider_id_service_unique" unique ("provider_id", "service");`);

    this.addSql(`alter table "treatment"."provider" add constraint "provider_license_status_check" check ("license_status" in ('ACTIVE', 'PROVISIONAL', 'SUSPENDED', 'EXPIRED'));`);

    this.addSql(`alter table "treatment"."service_capacity" add constraint "service_capacity_service_check" check ("service" in ('SUD_OUTPATIENT', 'SUD_INTENSIVE_OUTPATIENT', 'SUD_RESIDENTIAL', 'WITHDRAWAL_MANAGEMENT', 'MEDICATION_FOR_OPIOID_USE_DISORDER', 'MENTAL_HEALTH', 'RECOVERY_SUPPORT', 'RECOVERY_HOUSING', 'PEER_SUPPORT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "treatment"."provider" cascade;`);
    this.addSql(`drop table if exists "treatment"."service_capacity" cascade;`);
  }

}
