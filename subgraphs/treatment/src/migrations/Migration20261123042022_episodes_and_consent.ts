import { Migration } from '@mikro-orm/migrations';

export class Migration20261123042022_episodes_and_consent extends Migration {

  override name = 'Migration20261123042022_episodes_and_consent';

  override up(): void | Promise<void> {
    this.addSql(`create table "treatment"."bulk_update_record" ("id" uuid not null, "actor_id" uuid not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "results" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "treatment"."bulk_update_record" add constraint "bulk_update_record_actor_id_key_unique" unique ("actor_id", "key");`);

    this.addSql(`create table "treatment"."consent" ("id" uuid not null, "kind" text not null, "patient_id" uuid not null, "disclosing_provider_id" uuid null, "disclosing_organization_id" uuid null, "information" text[] not null, "recipients" jsonb not null, "purpose" text not null, "signed_on" date not null, "expires_on" date null, "expires_on_event" text null, "irrevocable_until" date null, "revoked_at" timestamptz null, "recorded_by_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "consent_patient_id_index" on "treatment"."consent" ("patient_id");`);

    this.addSql(`create table "treatment"."disclosure" ("id" uuid not null, "patient_id" uuid not null, "episode_id" uuid not null, "consent_id" uuid null, "basis" varchar(30) not null, "recipient_id" uuid not null, "recipient_agency_id" uuid not null, "information" text[] not null, "purpose" text not null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "disclosure_patient_id_index" on "treatment"."disclosure" ("patient_id");`);
    this.addSql(`create index "disclosure_at_index" on "treatment"."disclosure" ("at");`);

    this.addSql(`create table "treatment"."episode_transition" ("sequence" bigserial primary key, "episode_id" uuid not null, "from_state" text null, "to_state" text not null, "at" timestamptz not null, "by_id" uuid not null, "reason" text null);`);
    this.addSql(`create index "episode_transition_episode_id_index" on "treatment"."episode_transition" ("episode_id");`);

    this.addSql(`create table "treatment"."idempotency_record" ("id" bigserial primary key, "actor_id" uuid not null, "operation" varchar(80) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "result_id" uuid null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "treatment"."idempotency_record" add constraint "idempotency_record_actor_id_operation_key_unique" unique ("actor_id", "operation", "key");`);

    this.addSql(`create table "treatment"."outbox_event" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(80) not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`alter table "treatment"."outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_index" on "treatment"."outbox_event" ("published_at");`);

    this.addSql(`create table "treatment"."patient" ("id" uuid not null, "pseudonym" uuid not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date null, "participant_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "treatment"."patient" add constraint "patient_pseudonym_unique" unique ("pseudonym");`);
    this.addSql(`alter table "treatment"."patient" add constraint "patient_participant_id_unique" unique ("participant_id");`);

    this.addSql(`create table "treatment"."treatment_episode" ("id" uuid not null, "deflection_id" uuid not null, "patient_id" uuid not null, "provider_id" uuid not null, "service" text not null, "state" text not null, "referred_at" timestamptz not null, "referred_by_id" uuid not null, "deflection_referred_at" timestamptz not null, "case_management_organization_id" uuid not null, "acknowledged_at" timestamptz null, "decline_reason" text null, "intake_scheduled_for" timestamptz null, "first_contact_at" timestamptz null, "ended_at" timestamptz null, "discharge_reason" text null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "treatment_episode_deflection_id_index" on "treatment"."treatment_episode" ("deflection_id");`);
    this.addSql(`create index "treatment_episode_patient_id_index" on "treatment"."treatment_episode" ("patient_id");`);
    this.addSql(`create index "treatment_episode_provider_id_index" on "treatment"."treatment_episode" ("provider_id");`);
    this.addSql(`create index "treatment_episode_state_index" on "treatment"."treatment_episode" ("state");`);
    this.addSql(`create index "treatment_episode_case_management_organization_id_index" on "treatment"."treatment_episode" ("case_management_organization_id");`);

    this.addSql(`alter table "treatment"."provider" add "levels_of_care" text[] not null default '{}';`);

    this.addSql(`alter table "treatment"."consent" add constraint "consent_kind_check" check ("kind" in ('STANDARD', 'CRIMINAL_JUSTICE'));`);

    this.addSql(`alter table "treatment"."episode_transition" add constraint "episode_transition_from_state_check" check ("from_state" in ('REFERRED', 'ACKNOWLEDGED', 'DECLINED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT'));`);
    this.addSql(`alter table "treatment"."episode_transition" add constraint "episode_transition_to_state_check" check ("to_state" in ('REFERRED', 'ACKNOWLEDGED', 'DECLINED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT'));`);

    this.addSql(`alter table "treatment"."treatment_episode" add constraint "treatment_episode_service_check" check ("service" in ('SUD_OUTPATIENT', 'SUD_INTENSIVE_OUTPATIENT', 'SUD_RESIDENTIAL', 'WITHDRAWAL_MANAGEMENT', 'MEDICATION_FOR_OPIOID_USE_DISORDER', 'MENTAL_HEALTH', 'RECOVERY_SUPPORT', 'RECOVERY_HOUSING', 'PEER_SUPPORT'));`);
    this.addSql(`alter table "treatment"."treatment_episode" add constraint "treatment_episode_state_check" check ("state" in ('REFERRED', 'ACKNOWLEDGED', 'DECLINED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "treatment"."bulk_update_record" cascade;`);
    this.addSql(`drop table if exists "treatment"."consent" cascade;`);
    this.addSql(`drop table if exists "treatment"."disclosure" cascade;`);
    this.addSql(`drop table if exists "treatment"."episode_transition" cascade;`);
    this.addSql(`drop table if exists "treatment"."idempotency_record" cascade;`);
    this.addSql(`drop table if exists "treatment"."outbox_event" cascade;`);
    this.addSql(`drop table if exists "treatment"."patient" cascade;`);
    this.addSql(`drop table if exists "treatment"."treatment_episode" cascade;`);

    this.addSql(`alter table "treatment"."provider" drop column "levels_of_care";`);
  }

}
