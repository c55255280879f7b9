import { Migration } from '@mikro-orm/migrations';

export class Migration20261123040353_lifecycle extends Migration {

  override name = 'Migration20261123040353_lifecycle';

  override up(): void | Promise<void> {
    this.addSql(`create table "cases"."contact_attempt" ("id" uuid not null, "deflection_id" uuid not null, "at" timestamptz not null, "by_id" uuid not null, "acting_for_id" uuid null, "method" text not null, "result" text not null, "case_manager_name" varchar(200) null, "notes" text null, primary key ("id"));`);
    this.addSql(`create index "contact_attempt_deflection_id_index" on "cases"."contact_attempt" ("deflection_id");`);

    this.addSql(`create table "cases"."evidence_event" ("id" uuid not null, "evidence_id" uuid not null, "action" text not null, "at" timestamptz not null, "by_id" uuid not null, "notes" text null, primary key ("id"));`);
    this.addSql(`create index "evidence_event_evidence_id_index" on "cases"."evidence_event" ("evidence_id");`);

    this.addSql(`create table "cases"."evidence_item" ("id" uuid not null, "deflection_id" uuid not null, "description" varchar(500) not null, "seized_at" timestamptz not null, "responsible_unit_id" uuid not null, "disposed_at" timestamptz null, "disposal_method" text null, "disposed_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "evidence_item_deflection_id_index" on "cases"."evidence_item" ("deflection_id");`);

    this.addSql(`create table "cases"."history_entry" ("sequence" bigserial primary key, "deflection_id" uuid not null, "at" timestamptz not null, "actor_id" uuid not null, "acting_for_id" uuid null, "action" varchar(60) not null, "from_status" varchar(20) null, "to_status" varchar(20) null, "changes" jsonb null);`);
    this.addSql(`create index "history_entry_deflection_id_index" on "cases"."history_entry" ("deflection_id");`);

    this.addSql(`create table "cases"."idempotency_record" ("id" bigserial primary key, "actor_id" uuid not null, "operation" varchar(80) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "result_id" uuid null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "cases"."idempotency_record" add constraint "idempotency_record_actor_id_operation_key_unique" unique ("actor_id", "operation", "key");`);

    this.addSql(`create table "cases"."incident" ("id" uuid not null, "agency_id" uuid not null, "occurred_at" timestamptz not null, "county" varchar(60) not null, "place" varchar(300) null, "call_type" text not null, "report_number" varchar(60) null, "records_system" text null, "created_by_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "incident_agency_id_index" on "cases"."incident" ("agency_id");`);

    this.addSql(`create table "cases"."incident_person" ("id" uuid not null, "incident_id" uuid not null, "participant_id" uuid not null, "involvement" text not null, primary key ("id"));`);
    this.addSql(`create index "incident_person_incident_id_index" on "cases"."incident_person" ("incident_id");`);
    this.addSql(`create index "incident_person_participant_id_index" on "cases"."incident_person" ("participant_id");`);
    this.addSql(`alter table "cases"."incident_person" add constraint "incident_person_incident_id_participant_id_unique" unique ("incident_id", "participant_id");`);

    this.addSql(`create table "cases"."participant" ("id" uuid not null, "pseudonym" uuid not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date null, "match_key" varchar(240) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "cases"."participant" add constraint "participant_pseudonym_unique" unique ("pseudonym");`);
    this.addSql(`create index "participant_match_key_index" on "cases"."participant" ("match_key");`);

    this.addSql(`create table "cases"."review" ("id" uuid not null, "deflection_id" uuid not null, "due_on" date not null, "held_on" date not null, "reviewer_id" uuid not null, "acting_for_id" uuid null, "case_manager_name" varchar(200) not null, "finding" text not null, "notes" text null, primary key ("id"));`);
    this.addSql(`create index "review_deflection_id_index" on "cases"."review" ("deflection_id");`);

    this.addSql(`alter table "cases"."deflection" add "created_for_id" uuid null, add "participant_id" uuid null, add "incident_id" uuid null, add "narrative" text not null default '', add "solution_action_plan_id" uuid null, add "next_steps_summary" text not null default '', add "charges_held_in_abeyance" boolean not null default false, add "non_criminal_citation" boolean not null default false, add "approval_required" boolean not null default false, add "approval_decision" varchar(20) null, add "approval_by_id" uuid null, add "approval_for_id" uuid null, add "approval_at" timestamptz null, add "approval_reason" text null, add "disposition_report_number" varchar(60) null, add "disposition_records_system" text null, add "disposition_at" timestamptz null, add "disposition_by_id" uuid null, add "handed_off_at" timestamptz null, add "next_review_due" date null, add "outcome" text null, add "outcome_at" timestamptz null, add "outcome_by_id" uuid null, add "outcome_reason" text null, add "charges_released_at" timestamptz null, add "prosecuting_attorney" varchar(200) null, add "submitted_to_prosecutor_on" date null;`);
    this.addSql(`create index "deflection_referred_at_index" on "cases"."deflection" ("referred_at");`);
    this.addSql(`create index "deflection_participant_id_index" on "cases"."deflection" ("participant_id");`);
    this.addSql(`create index "deflection_incident_id_index" on "cases"."deflection" ("incident_id");`);
    this.addSql(`create index "deflection_next_review_due_index" on "cases"."deflection" ("next_review_due");`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_disposition_records_system_check" check ("disposition_records_system" in ('TRACS', 'MEG_REPORT_WRITING', 'LOCAL_RMS'));`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_outcome_check" check ("outcome" in ('SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'));`);

    this.addSql(`alter table "cases"."contact_attempt" add constraint "contact_attempt_method_check" check ("method" in ('PHONE', 'EMAIL', 'TEXT_MESSAGE', 'IN_PERSON', 'REFERRAL_PORTAL'));`);
    this.addSql(`alter table "cases"."contact_attempt" add constraint "contact_attempt_result_check" check ("result" in ('REACHED', 'NO_ANSWER', 'LEFT_MESSAGE', 'HANDED_OFF', 'DECLINED'));`);

    this.addSql(`alter table "cases"."evidence_event" add constraint "evidence_event_action_check" check ("action" in ('SEIZED', 'TRANSFERRED', 'SUBMITTED_TO_LAB', 'RETURNED_FROM_LAB', 'IN_STORAGE'));`);

    this.addSql(`alter table "cases"."evidence_item" add constraint "evidence_item_disposal_method_check" check ("disposal_method" in ('DESTROYED', 'RETURNED_TO_OWNER', 'RELEASED_TO_PROSECUTOR', 'FORFEITED'));`);

    this.addSql(`alter table "cases"."incident" add constraint "incident_call_type_check" check ("call_type" in ('MENTAL_HEALTH', 'SUBSTANCE_USE', 'OVERDOSE', 'DISORDERLY_JUVENILE', 'TRUANCY', 'NEIGHBOR_DISPUTE', 'HOMELESSNESS', 'CALL_FOR_ASSISTANCE', 'PATROL_CONTACT', 'INVESTIGATION', 'OTHER'));`);
    this.addSql(`alter table "cases"."incident" add constraint "incident_records_system_check" check ("records_system" in ('TRACS', 'MEG_REPORT_WRITING', 'LOCAL_RMS'));`);

    this.addSql(`alter table "cases"."incident_person" add constraint "incident_person_involvement_check" check ("involvement" in ('SUBJECT', 'COLLATERAL', 'VICTIM', 'WITNESS'));`);

    this.addSql(`alter table "cases"."review" add constraint "review_finding_check" check ("finding" in ('PROGRESSING', 'SUCCESSFUL', 'UNSUCCESSFUL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "cases"."contact_attempt" cascade;`);
    this.addSql(`drop table if exists "cases"."evidence_event" cascade;`);
    this.addSql(`drop table if exists "cases"."evidence_item" cascade;`);
    this.addSql(`drop table if exists "cases"."history_entry" cascade;`);
    this.addSql(`drop table if exists "cases"."idempotency_record" cascade;`);
    this.addSql(`drop table if exists "cases"."incident" cascade;`);
    this.addSql(`drop table if exists "cases"."incident_person" cascade;`);
    this.addSql(`drop table if exists "cases"."participant" cascade;`);
    this.addSql(`drop table if exists "cases"."review" cascade;`);

    this.addSql(`drop index "cases"."deflection_referred_at_index";`);
    this.addSql(`drop index "cases"."deflection_participant_id_index";`);
    this.addSql(`drop index "cases"."deflection_incident_id_index";`);
    this.addSql(`drop index "cases"."deflection_next_review_due_index";`);
    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_disposition_records_system_check";`);
    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_outcome_check";`);
    this.addSql(`alter table "cases"."deflection" drop column "created_for_id", drop column "participant_id", drop column "incident_id", drop column "narrative", drop column "solution_action_plan_id", drop column "next_steps_summary", drop column "charges_held_in_abeyance", drop column "non_criminal_citation", drop column "approval_required", drop column "approval_decision", drop column "approval_by_id", drop column "approval_for_id", drop column "approval_at", drop column "approval_reason", drop column "disposition_report_number", drop column "disposition_records_system", drop column "disposition_at", drop column "disposition_by_id", drop column "handed_off_at", drop column "next_review_due", drop column "outcome", drop column "outcome_at", drop column "outcome_by_id", drop column "outcome_reason", drop column "charges_released_at", drop column "prosecuting_attorney", drop column "submitted_to_prosecutor_on";`);
  }

}
