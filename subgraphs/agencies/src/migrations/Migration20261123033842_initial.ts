import { Migration } from '@mikro-orm/migrations';

export class Migration20261123033842_initial extends Migration {

  override name = 'Migration20261123033842_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "agencies"."agency" ("id" uuid not null, "name" varchar(200) not null, "kind" text not null, "level" text not null, "ori" varchar(9) null, "parent_id" uuid null, "counties_served" text[] not null default '{}', "active" boolean not null default true, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "agency_kind_index" on "agencies"."agency" ("kind");`);
    this.addSql(`alter table "agencies"."agency" add constraint "agency_ori_unique" unique ("ori");`);
    this.addSql(`create index "agency_parent_id_index" on "agencies"."agency" ("parent_id");`);

    this.addSql(`create table "agencies"."designation" ("id" uuid not null, "designee_id" uuid not null, "delegated_by_id" uuid not null, "capacity" text not null, "agency_id" uuid not null, "valid_from" date not null, "valid_to" date null, "revoked_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "designation_designee_id_index" on "agencies"."designation" ("designee_id");`);
    this.addSql(`create index "designation_agency_id_index" on "agencies"."designation" ("agency_id");`);

    this.addSql(`create table "agencies"."meg_member" ("id" uuid not null, "meg_id" uuid not null, "local_government" varchar(200) not null, "agency_id" uuid null, "joined_on" date not null, "left_on" date null, primary key ("id"));`);
    this.addSql(`create index "meg_member_meg_id_index" on "agencies"."meg_member" ("meg_id");`);

    this.addSql(`create table "agencies"."person" ("id" uuid not null, "agency_id" uuid not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "badge_number" varchar(40) null, "email" varchar(254) null, "phone" varchar(40) null, "roles" text[] not null default '{}', "active" boolean not null default true, "version" int not null default 1, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "person_agency_id_index" on "agencies"."person" ("agency_id");`);

    this.addSql(`create table "agencies"."solution_action_plan" ("id" uuid not null, "unit_id" uuid not null, "county" varchar(60) null, "plan_version" int not null, "effective_from" date not null, "superseded_on" date null, "enabled_pathways" text[] not null, "eligibility" jsonb not null, "case_management_organization_id" uuid not null, "case_manager_contact" jsonb not null, "approving_agency_id" uuid null, "protocols" jsonb not null, "published_by_id" uuid null, "published_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "solution_action_plan_unit_id_index" on "agencies"."solution_action_plan" ("unit_id");`);
    this.addSql(`alter table "agencies"."solution_action_plan" add constraint "solution_action_plan_unit_id_county_plan_version_unique" unique ("unit_id", "county", "plan_version");`);

    this.addSql(`create table "agencies"."task_force_agreement" ("id" uuid not null, "task_force_id" uuid not null, "title" varchar(300) not null, "party_ids" text[] not null default '{}', "effective_from" date not null, "effective_to" date null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "task_force_agreement_task_force_id_index" on "agencies"."task_force_agreement" ("task_force_id");`);

    this.addSql(`alter table "agencies"."agency" add constraint "agency_kind_check" check ("kind" in ('ISP_DIVISION_OF_PATROL', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION', 'MEG', 'TASK_FORCE', 'LOCAL_POLICE', 'SHERIFF', 'FIRE', 'EMS', 'CASE_MANAGEMENT_ORGANIZATION', 'TREATMENT_PROVIDER_ORGANIZATION', 'PROSECUTOR', 'STATE_ANALYTICS'));`);
    this.addSql(`alter table "agencies"."agency" add constraint "agency_level_check" check ("level" in ('AGENCY', 'DIVISION', 'TROOP', 'ZONE', 'UNIT'));`);

    this.addSql(`alter table "agencies"."designation" add constraint "designation_capacity_check" check ("capacity" in ('MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'SUPERVISOR'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "agencies"."agency" cascade;`);
    this.addSql(`drop table if exists "agencies"."designation" cascade;`);
    this.addSql(`drop table if exists "agencies"."meg_member" cascade;`);
    this.addSql(`drop table if exists "agencies"."person" cascade;`);
    this.addSql(`drop table if exists "agencies"."solution_action_plan" cascade;`);
    this.addSql(`drop table if exists "agencies"."task_force_agreement" cascade;`);
  }

}
