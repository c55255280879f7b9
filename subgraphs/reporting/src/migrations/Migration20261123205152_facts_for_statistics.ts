import { Migration } from '@mikro-orm/migrations';

export class Migration20261123205152_facts_for_statistics extends Migration {

  override name = 'Migration20261123205152_facts_for_statistics';

  override up(): void | Promise<void> {
    this.addSql(`create table "reporting"."episode_fact" ("episode_id" uuid not null, "deflection_id" uuid not null, "provider_id" uuid not null, "service" text not null, "referred_at" timestamptz null, "state" text not null, "state_sequence" bigint not null, "first_contact_at" timestamptz null, "reached30" boolean not null default false, "reached60" boolean not null default false, "reached90" boolean not null default false, "completed" boolean not null default false, "discharged" boolean not null default false, primary key ("episode_id"));`);
    this.addSql(`create index "episode_fact_deflection_id_index" on "reporting"."episode_fact" ("deflection_id");`);

    this.addSql(`create table "reporting"."event_source" ("source" varchar(40) not null, "reported_at" timestamptz not null, "undelivered" int not null, "oldest_undelivered_at" timestamptz null, "last_error" varchar(500) null, "last_applied_at" timestamptz null, "last_applied_sequence" bigint null, primary key ("source"));`);

    // Facts already applied keep their status order, get a random record key, and are attributed by the rule below.
    this.addSql(`alter table "reporting"."deflection_fact" rename column "last_event_sequence" to "status_sequence";`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "status_sequence" drop not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" add "record_key" smallint not null default 0;`);
    this.addSql(`update "reporting"."deflection_fact" set "record_key" = floor(random() * 256)::smallint;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "record_key" drop default;`);
    this.addSql(`alter table "reporting"."deflection_fact" add "person_pseudonym" uuid null, add "intercept" text null, add "initiating_officer_id" uuid null, add "approval_required" boolean null, add "approving_agency_id" uuid null, add "approved_at" timestamptz null, add "declined_at" timestamptz null, add "referred_at" timestamptz null, add "encounter_at" timestamptz null, add "call_type" text null, add "channel" text null, add "arrest_made" boolean null, add "age_band" text null, add "sex" text null, add "race" text null, add "ethnicity" text null, add "handed_off_at" timestamptz null, add "closed_at" timestamptz null, add "is_repeat" boolean not null default false, add "referred_to_treatment" boolean not null default false, add "first_treatment_contact_at" timestamptz null, add "retained30" boolean not null default false, add "retained60" boolean not null default false, add "retained90" boolean not null default false, add "treatment_completed" boolean not null default false, add "treatment_discharged" boolean not null default false, add "provider_id" uuid null, add "service" text null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "pathway" drop not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "status" drop not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "initiating_unit_id" drop not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "attributed_to_id" drop not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "county" drop not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "referred_on" drop not null;`);
    this.addSql(`create index "deflection_fact_person_pseudonym_index" on "reporting"."deflection_fact" ("person_pseudonym");`);
    this.addSql(`create index "deflection_fact_initiating_officer_id_index" on "reporting"."deflection_fact" ("initiating_officer_id");`);
    this.addSql(`create index "deflection_fact_approving_agency_id_index" on "reporting"."deflection_fact" ("approving_agency_id");`);
    this.addSql(`create index "deflection_fact_referred_on_index" on "reporting"."deflection_fact" ("referred_on");`);
    this.addSql(`create index "deflection_fact_provider_id_index" on "reporting"."deflection_fact" ("provider_id");`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_intercept_check" check ("intercept" in ('INTERCEPT_0', 'INTERCEPT_1'));`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_call_type_check" check ("call_type" in ('MENTAL_HEALTH', 'SUBSTANCE_USE', 'OVERDOSE', 'DISORDERLY_JUVENILE', 'TRUANCY', 'NEIGHBOR_DISPUTE', 'HOMELESSNESS', 'CALL_FOR_ASSISTANCE', 'PATROL_CONTACT', 'INVESTIGATION', 'OTHER'));`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_channel_check" check ("channel" in ('LIVE_ON_SCENE_RESPONSE', 'ON_SCENE_OFFICER_REQUEST', 'OFFICER_REFERRAL', 'PROACTIVE_FOLLOW_UP', 'CRISIS_LINE'));`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_age_band_check" check ("age_band" in ('UNDER_18', 'AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS', 'UNKNOWN'));`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_sex_check" check ("sex" in ('FEMALE', 'MALE', 'X', 'UNKNOWN'));`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_race_check" check ("race" in ('AMERICAN_INDIAN_OR_ALASKA_NATIVE', 'ASIAN', 'BLACK_OR_AFRICAN_AMERICAN', 'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER', 'WHITE', 'MULTIRACIAL', 'OTHER', 'UNKNOWN'));`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_ethnicity_check" check ("ethnicity" in ('HISPANIC_OR_LATINO', 'NOT_HISPANIC_OR_LATINO', 'UNKNOWN'));`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_service_check" check ("service" in ('SUD_OUTPATIENT', 'SUD_INTENSIVE_OUTPATIENT', 'SUD_RESIDENTIAL', 'WITHDRAWAL_MANAGEMENT', 'MEDICATION_FOR_OPIOID_USE_DISORDER', 'MENTAL_HEALTH', 'RECOVERY_SUPPORT', 'RECOVERY_HOUSING', 'PEER_SUPPORT'));`);

    // What the earlier facts allow: the referral day as its time, the intercept of the pathway, and OPS-D9 attribution
    // (a pending or declined deflection counted for the MEG before; now it counts for nobody until approved).
    this.addSql(`update "reporting"."deflection_fact" set "referred_at" = ("referred_on"::timestamp at time zone 'America/Chicago') + interval '12 hours',
      "encounter_at" = ("referred_on"::timestamp at time zone 'America/Chicago') + interval '12 hours',
      "intercept" = case when "pathway" in ('SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS') then 'INTERCEPT_0' else 'INTERCEPT_1' end,
      "approval_required" = "counts_for_id" is not null,
      "approving_agency_id" = case when "counts_for_id" is not null and "status" not in ('PENDING_APPROVAL', 'DECLINED') then "counts_for_id" end,
      "approved_at" = case when "counts_for_id" is not null and "status" not in ('PENDING_APPROVAL', 'DECLINED') then ("referred_on"::timestamp at time zone 'America/Chicago') + interval '12 hours' end,
      "age_band" = 'UNKNOWN', "sex" = 'UNKNOWN', "race" = 'UNKNOWN', "ethnicity" = 'UNKNOWN';`);
    this.addSql(`update "reporting"."deflection_fact" set "attributed_to_id" = case when "approval_required" then "approving_agency_id" else "initiating_unit_id" end;`);

    this.addSql(`alter table "reporting"."episode_fact" add constraint "episode_fact_service_check" check ("service" in ('SUD_OUTPATIENT', 'SUD_INTENSIVE_OUTPATIENT', 'SUD_RESIDENTIAL', 'WITHDRAWAL_MANAGEMENT', 'MEDICATION_FOR_OPIOID_USE_DISORDER', 'MENTAL_HEALTH', 'RECOVERY_SUPPORT', 'RECOVERY_HOUSING', 'PEER_SUPPORT'));`);
    this.addSql(`alter table "reporting"."episode_fact" add constraint "episode_fact_state_check" check ("state" in ('REFERRED', 'ACKNOWLEDGED', 'DECLINED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "reporting"."episode_fact" cascade;`);
    this.addSql(`drop table if exists "reporting"."event_source" cascade;`);

    this.addSql(`drop index "reporting"."deflection_fact_person_pseudonym_index";`);
    this.addSql(`drop index "reporting"."deflection_fact_initiating_officer_id_index";`);
    this.addSql(`drop index "reporting"."deflection_fact_approving_agency_id_index";`);
    this.addSql(`drop index "reporting"."deflection_fact_referred_on_index";`);
    this.addSql(`drop index "reporting"."deflection_fact_provider_id_index";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_intercept_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_call_type_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_channel_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_age_band_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_sex_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_race_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_ethnicity_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_service_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop column "record_key", drop column "person_pseudonym", drop column "intercept", drop column "initiating_officer_id", drop column "approval_required", drop column "approving_agency_id", drop column "approved_at", drop column "declined_at", drop column "referred_at", drop column "encounter_at", drop column "call_type", drop column "channel", drop column "arrest_made", drop column "age_band", drop column "sex", drop column "race", drop column "ethnicity", drop column "handed_off_at", drop column "closed_at", drop column "is_repeat", drop column "referred_to_treatment", drop column "first_treatment_contact_at", drop column "retained30", drop column "retained60", drop column "retained90", drop column "treatment_completed", drop column "treatment_discharged", drop column "provider_id", drop column "service";`);
    this.addSql(`update "reporting"."deflection_fact" set "status_sequence" = 0 where "status_sequence" is null;`);
    this.addSql(`alter table "reporting"."deflection_fact" rename column "status_sequence" to "last_event_sequence";`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "last_event_sequence" set not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "pathway" set not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "status" set not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "initiating_unit_id" set not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "attributed_to_id" set not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "county" set not null;`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "referred_on" set not null;`);
  }

}
