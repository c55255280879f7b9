import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184918_relations_and_records extends Migration {

  override name = 'Migration20261123184918_relations_and_records';

  override up(): void | Promise<void> {
    // Each incident keeps the person as its unit wrote them; existing links take the participant's spelling.
    this.addSql(`alter table "cases"."incident_person" add "given_name" varchar(100) null, add "family_name" varchar(100) null, add "date_of_birth" date null;`);
    this.addSql(`update "cases"."incident_person" ip set "given_name" = p."given_name", "family_name" = p."family_name", "date_of_birth" = p."date_of_birth" from "cases"."participant" p where p."id" = ip."participant_id";`);
    this.addSql(`alter table "cases"."incident_person" alter column "given_name" set not null, alter column "family_name" set not null;`);

    // One participant per match key where a date of birth is known. Duplicates made by concurrent referrals before
    // this migration are merged into the earliest row first, so the unique index can be built.
    this.addSql(`create temporary table "participant_merge" on commit drop as
      select "id", "keep" from (select "id", first_value("id") over (partition by "match_key" order by "created_at", "id") as "keep" from "cases"."participant" where "date_of_birth" is not null) ranked where "id" <> "keep";`);
    this.addSql(`delete from "cases"."incident_person" ip using "participant_merge" m where ip."participant_id" = m."id" and exists (select 1 from "cases"."incident_person" k where k."incident_id" = ip."incident_id" and k."participant_id" = m."keep");`);
    this.addSql(`update "cases"."incident_person" ip set "participant_id" = m."keep" from "participant_merge" m where ip."participant_id" = m."id";`);
    this.addSql(`update "cases"."deflection" d set "participant_id" = m."keep" from "participant_merge" m where d."participant_id" = m."id";`);
    this.addSql(`delete from "cases"."participant" p using "participant_merge" m where p."id" = m."id";`);
    this.addSql(`create unique index "participant_match_key_unique" on "cases"."participant" ("match_key") where date_of_birth IS NOT NULL;`);
    this.addSql(`alter table "cases"."incident_person" add constraint "incident_person_incident_id_foreign" foreign key ("incident_id") references "cases"."incident" ("id");`);
    this.addSql(`alter table "cases"."incident_person" add constraint "incident_person_participant_id_foreign" foreign key ("participant_id") references "cases"."participant" ("id");`);

    this.addSql(`alter table "cases"."deflection" add "reviews_held" int not null default 0, add "last_reviewed_on" date null;`);
    this.addSql(`alter table "cases"."deflection" alter column "participant_id" set not null;`);
    this.addSql(`alter table "cases"."deflection" alter column "incident_id" set not null;`);
    this.addSql(`alter table "cases"."deflection" alter column "solution_action_plan_id" set not null;`);
    this.addSql(`alter table "cases"."deflection" alter column "approval_decision" type text using ("approval_decision"::text);`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_participant_id_foreign" foreign key ("participant_id") references "cases"."participant" ("id");`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_incident_id_foreign" foreign key ("incident_id") references "cases"."incident" ("id");`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_approval_decision_check" check ("approval_decision" in ('APPROVED', 'DECLINED'));`);

    this.addSql(`alter table "cases"."history_entry" alter column "from_status" type text using ("from_status"::text);`);
    this.addSql(`alter table "cases"."history_entry" alter column "to_status" type text using ("to_status"::text);`);
    this.addSql(`alter table "cases"."history_entry" add constraint "history_entry_deflection_id_foreign" foreign key ("deflection_id") references "cases"."deflection" ("id");`);
    this.addSql(`alter table "cases"."history_entry" add constraint "history_entry_from_status_check" check ("from_status" in ('PENDING_APPROVAL', 'ACTIVE', 'DECLINED', 'SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'));`);
    this.addSql(`alter table "cases"."history_entry" add constraint "history_entry_to_status_check" check ("to_status" in ('PENDING_APPROVAL', 'ACTIVE', 'DECLINED', 'SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'));`);

    this.addSql(`alter table "cases"."evidence_item" add constraint "evidence_item_deflection_id_foreign" foreign key ("deflection_id") references "cases"."deflection" ("id");`);

    this.addSql(`alter table "cases"."evidence_event" add constraint "evidence_event_evidence_id_foreign" foreign key ("evidence_id") references "cases"."evidence_item" ("id");`);

    this.addSql(`alter table "cases"."contact_attempt" add constraint "contact_attempt_deflection_id_foreign" foreign key ("deflection_id") references "cases"."deflection" ("id");`);

    this.addSql(`alter table "cases"."review" add constraint "review_deflection_id_foreign" foreign key ("deflection_id") references "cases"."deflection" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "cases"."participant_match_key_unique";`);
    this.addSql(`alter table "cases"."contact_attempt" drop constraint "contact_attempt_deflection_id_foreign";`);

    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_participant_id_foreign";`);
    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_incident_id_foreign";`);

    this.addSql(`alter table "cases"."evidence_event" drop constraint "evidence_event_evidence_id_foreign";`);

    this.addSql(`alter table "cases"."evidence_item" drop constraint "evidence_item_deflection_id_foreign";`);

    this.addSql(`alter table "cases"."history_entry" drop constraint "history_entry_deflection_id_foreign";`);

    this.addSql(`alter table "cases"."incident_person" drop constraint "incident_person_incident_id_foreign";`);
    this.addSql(`alter table "cases"."incident_person" drop constraint "incident_person_participant_id_foreign";`);

    this.addSql(`alter table "cases"."review" drop constraint "review_deflection_id_foreign";`);

    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_approval_decision_check";`);
    this.addSql(`alter table "cases"."deflection" drop column "reviews_held", drop column "last_reviewed_on";`);
    this.addSql(`alter table "cases"."deflection" alter column "participant_id" drop not null;`);
    this.addSql(`alter table "cases"."deflection" alter column "incident_id" drop not null;`);
    this.addSql(`alter table "cases"."deflection" alter column "solution_action_plan_id" drop not null;`);
    this.addSql(`alter table "cases"."deflection" alter column "approval_decision" type varchar(20) using ("approval_decision"::varchar(20));`);

    this.addSql(`alter table "cases"."history_entry" drop constraint "history_entry_from_status_check";`);
    this.addSql(`alter table "cases"."history_entry" drop constraint "history_entry_to_status_check";`);
    this.addSql(`alter table "cases"."history_entry" alter column "from_status" type varchar(20) using ("from_status"::varchar(20));`);
    this.addSql(`alter table "cases"."history_entry" alter column "to_status" type varchar(20) using ("to_status"::varchar(20));`);

    this.addSql(`alter table "cases"."incident_person" drop column "given_name", drop column "family_name", drop column "date_of_birth";`);
  }

}
