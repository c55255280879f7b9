import { Migration } from '@mikro-orm/migrations';

export class Migration20261123222603_crisis_and_force_reporting extends Migration {

  override name = 'Migration20261123222603_crisis_and_force_reporting';

  override up(): void | Promise<void> {
    this.addSql(`create table "reporting"."crisis_import" ("id" uuid not null, "agency_id" uuid not null, "file_hash" varchar(64) not null, "imported" int not null, "already_present" int not null, "imported_by_id" uuid not null, "imported_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "reporting"."crisis_import" add constraint "crisis_import_agency_id_file_hash_unique" unique ("agency_id", "file_hash");`);

    this.addSql(`create table "reporting"."crisis_incident" ("id" uuid not null, "agency_id" uuid not null, "month" varchar(7) not null, "agency_incident_number" varchar(60) null, "dispatched_at" timestamptz not null, "dispatch_reason" varchar(500) not null, "arrival" text not null, "levels_of_response" text[] not null, "level_of_response_other" varchar(500) null, "outcomes" text[] not null, "outcome_other" varchar(500) null, "subject_located" boolean not null, "field_report_written" boolean not null, "call_type" text null, "channel" text null, "deflection_id" uuid null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, "updated_by_id" uuid null, "updated_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "crisis_incident_agency_id_month_index" on "reporting"."crisis_incident" ("agency_id", "month");`);
    this.addSql(`create index "crisis_incident_month_index" on "reporting"."crisis_incident" ("month");`);
    this.addSql(`create unique index "crisis_incident_agency_number_unique" on "reporting"."crisis_incident" ("agency_id", "agency_incident_number") where agency_incident_number is not null;`);

    this.addSql(`create table "reporting"."crisis_submission" ("id" uuid not null, "agency_id" uuid not null, "month" varchar(7) not null, "version" int not null, "due_on" date not null, "submitted_at" timestamptz not null, "submitted_by_id" uuid not null, "incident_count" int not null, "incidents" jsonb not null, "superseded_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "crisis_submission_month_index" on "reporting"."crisis_submission" ("month");`);
    this.addSql(`alter table "reporting"."crisis_submission" add constraint "crisis_submission_agency_id_month_version_unique" unique ("agency_id", "month", "version");`);

    this.addSql(`create table "reporting"."idempotency_record" ("id" bigserial primary key, "actor_id" uuid not null, "operation" varchar(80) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "result_id" uuid null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "reporting"."idempotency_record" add constraint "idempotency_record_actor_id_operation_key_unique" unique ("actor_id", "operation", "key");`);

    this.addSql(`create table "reporting"."use_of_force_incident" ("id" uuid not null, "agency_id" uuid not null, "ori" varchar(9) null, "month" varchar(7) not null, "agency_incident_number" varchar(60) null, "occurred_at" timestamptz not null, "qualifiers" text[] not null, "officers_applying_force" int not null, "officers_from_agency" int not null, "location" varchar(300) not null, "location_type" text not null, "initial_contact_reason" text not null, "officers_approached" boolean not null, "ambush" boolean not null, "supervisor" text not null, "subjects" jsonb not null, "officers" jsonb not null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, "updated_by_id" uuid null, "updated_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "use_of_force_incident_agency_id_month_index" on "reporting"."use_of_force_incident" ("agency_id", "month");`);
    this.addSql(`create unique index "use_of_force_incident_agency_number_unique" on "reporting"."use_of_force_incident" ("agency_id", "agency_incident_number") where agency_incident_number is not null;`);

    this.addSql(`create table "reporting"."use_of_force_submission" ("id" uuid not null, "agency_id" uuid not null, "month" varchar(7) not null, "version" int not null, "state" text not null, "submitted_at" timestamptz null, "submitted_by_id" uuid null, "responded_at" timestamptz null, "responded_by_id" uuid null, "rejection_reason" text null, "incidents" jsonb not null, "removed_incident_ids" uuid[] not null, "superseded_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "use_of_force_submission_state_index" on "reporting"."use_of_force_submission" ("state");`);
    this.addSql(`alter table "reporting"."use_of_force_submission" add constraint "use_of_force_submission_agency_id_month_version_unique" unique ("agency_id", "month", "version");`);

    this.addSql(`alter table "reporting"."crisis_incident" add constraint "crisis_incident_arrival_check" check ("arrival" in ('DISPATCHED', 'ISPERN_BROADCAST', 'SELF_INITIATED', 'LEARNED_LATER'));`);
    this.addSql(`alter table "reporting"."crisis_incident" add constraint "crisis_incident_levels_of_response_check" check ("levels_of_response" <@ array['SWORN_OFFICER'::text, 'CIT_TRAINED_OFFICER'::text, 'SWAT_TEAM'::text, 'SOCIAL_WORKER'::text, 'PSYCHOLOGIST'::text, 'AMBULANCE'::text, 'OTHER'::text]);`);
    this.addSql(`alter table "reporting"."crisis_incident" add constraint "crisis_incident_outcomes_check" check ("outcomes" <@ array['RELEASED_OWN_RECOGNIZANCE'::text, 'RELEASED_FAMILY_MEMBER'::text, 'ARRESTED'::text, 'VOLUNTARY_ADMISSION'::text, 'OFFICER_ADMITTED'::text, 'ADJUDICATED'::text, 'OTHER'::text]);`);
    this.addSql(`alter table "reporting"."crisis_incident" add constraint "crisis_incident_call_type_check" check ("call_type" in ('MENTAL_HEALTH', 'SUBSTANCE_USE', 'OVERDOSE', 'DISORDERLY_JUVENILE', 'TRUANCY', 'NEIGHBOR_DISPUTE', 'HOMELESSNESS', 'CALL_FOR_ASSISTANCE', 'PATROL_CONTACT', 'INVESTIGATION', 'OTHER'));`);
    this.addSql(`alter table "reporting"."crisis_incident" add constraint "crisis_incident_channel_check" check ("channel" in ('LIVE_ON_SCENE_RESPONSE', 'ON_SCENE_OFFICER_REQUEST', 'OFFICER_REFERRAL', 'PROACTIVE_FOLLOW_UP', 'CRISIS_LINE'));`);

    this.addSql(`alter table "reporting"."use_of_force_incident" add constraint "use_of_force_incident_qualifiers_check" check ("qualifiers" <@ array['DEATH'::text, 'SERIOUS_BODILY_INJURY'::text, 'FIREARM_DISCHARGED_AT_PERSON'::text]);`);
    this.addSql(`alter table "reporting"."use_of_force_incident" add constraint "use_of_force_incident_location_type_check" check ("location_type" in ('RESIDENCE', 'STREET_HIGHWAY_ROAD', 'PARKING_LOT', 'COMMERCIAL_OR_RETAIL', 'PARK_OR_FIELD', 'SCHOOL_OR_COLLEGE', 'HOSPITAL_OR_HEALTHCARE', 'JAIL_OR_DETENTION', 'GOVERNMENT_OR_PUBLIC_BUILDING', 'OTHER'));`);
    this.addSql(`alter table "reporting"."use_of_force_incident" add constraint "use_of_force_incident_initial_contact_reason_check" check ("initial_contact_reason" in ('CALL_FOR_SERVICE', 'TRAFFIC_STOP', 'ROUTINE_PATROL', 'WARRANT_SERVICE', 'INVESTIGATIVE_ACTIVITY', 'SUSPICIOUS_PERSON', 'MENTAL_HEALTH_CRISIS', 'UNPROVOKED_ATTACK_ON_OFFICER', 'OTHER'));`);
    this.addSql(`alter table "reporting"."use_of_force_incident" add constraint "use_of_force_incident_supervisor_check" check ("supervisor" in ('PRESENT', 'CONSULTED', 'NEITHER'));`);

    this.addSql(`alter table "reporting"."use_of_force_submission" add constraint "use_of_force_submission_state_check" check ("state" in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'REJECTED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "reporting"."crisis_import" cascade;`);
    this.addSql(`drop table if exists "reporting"."crisis_incident" cascade;`);
    this.addSql(`drop table if exists "reporting"."crisis_submission" cascade;`);
    this.addSql(`drop table if exists "reporting"."idempotency_record" cascade;`);
    this.addSql(`drop table if exists "reporting"."use_of_force_incident" cascade;`);
    this.addSql(`drop table if exists "reporting"."use_of_force_submission" cascade;`);
  }

}
