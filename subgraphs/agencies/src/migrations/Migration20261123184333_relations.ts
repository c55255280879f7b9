import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184333_relations extends Migration {

  override name = 'Migration20261123184333_relations';

  override up(): void | Promise<void> {
    this.addSql(`alter table "agencies"."agency" add constraint "agency_parent_id_foreign" foreign key ("parent_id") references "agencies"."agency" ("id") on delete set null;`);

    this.addSql(`alter table "agencies"."meg_member" add constraint "meg_member_meg_id_foreign" foreign key ("meg_id") references "agencies"."agency" ("id");`);
    this.addSql(`alter table "agencies"."meg_member" add constraint "meg_member_agency_id_foreign" foreign key ("agency_id") references "agencies"."agency" ("id") on delete set null;`);

    this.addSql(`alter table "agencies"."person" add constraint "person_agency_id_foreign" foreign key ("agency_id") references "agencies"."agency" ("id");`);
    this.addSql(`alter table "agencies"."person" add constraint "person_roles_check" check ("roles" <@ array['OFFICER'::text, 'SUPERVISOR'::text, 'MEG_DIRECTOR'::text, 'TASK_FORCE_COMMANDER'::text, 'DESIGNEE'::text, 'CASE_MANAGER'::text, 'PROVIDER_STAFF'::text, 'ANALYST'::text, 'PROSECUTOR'::text, 'ADMINISTRATOR'::text, 'HUB_ADMINISTRATOR'::text]);`);

    this.addSql(`alter table "agencies"."designation" add constraint "designation_designee_id_foreign" foreign key ("designee_id") references "agencies"."person" ("id");`);
    this.addSql(`alter table "agencies"."designation" add constraint "designation_delegated_by_id_foreign" foreign key ("delegated_by_id") references "agencies"."person" ("id");`);
    this.addSql(`alter table "agencies"."designation" add constraint "designation_agency_id_foreign" foreign key ("agency_id") references "agencies"."agency" ("id");`);

    this.addSql(`alter table "agencies"."solution_action_plan" add constraint "solution_action_plan_unit_id_foreign" foreign key ("unit_id") references "agencies"."agency" ("id");`);
    this.addSql(`alter table "agencies"."solution_action_plan" add constraint "solution_action_plan_case_management_organization_id_foreign" foreign key ("case_management_organization_id") references "agencies"."agency" ("id");`);
    this.addSql(`alter table "agencies"."solution_action_plan" add constraint "solution_action_plan_approving_agency_id_foreign" foreign key ("approving_agency_id") references "agencies"."agency" ("id") on delete set null;`);
    this.addSql(`alter table "agencies"."solution_action_plan" add constraint "solution_action_plan_published_by_id_foreign" foreign key ("published_by_id") references "agencies"."person" ("id") on delete set null;`);
    this.addSql(`alter table "agencies"."solution_action_plan" add constraint "solution_action_plan_enabled_pathways_check" check ("enabled_pathways" <@ array['SELF_REFERRAL'::text, 'ACTIVE_OUTREACH'::text, 'NALOXONE_PLUS'::text, 'OFFICER_PREVENTION'::text, 'OFFICER_INTERVENTION'::text, 'PRE_ARREST_DIVERSION'::text]);`);

    this.addSql(`alter table "agencies"."task_force_agreement" add constraint "task_force_agreement_task_force_id_foreign" foreign key ("task_force_id") references "agencies"."agency" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "agencies"."agency" drop constraint "agency_parent_id_foreign";`);

    this.addSql(`alter table "agencies"."designation" drop constraint "designation_designee_id_foreign";`);
    this.addSql(`alter table "agencies"."designation" drop constraint "designation_delegated_by_id_foreign";`);
    this.addSql(`alter table "agencies"."designation" drop constraint "designation_agency_id_foreign";`);

    this.addSql(`alter table "agencies"."meg_member" drop constraint "meg_member_meg_id_foreign";`);
    this.addSql(`alter table "agencies"."meg_member" drop constraint "meg_member_agency_id_foreign";`);

    this.addSql(`alter table "agencies"."person" drop constraint "person_agency_id_foreign";`);

    this.addSql(`alter table "agencies"."solution_action_plan" drop constraint "solution_action_plan_unit_id_foreign";`);
    this.addSql(`alter table "agencies"."solution_action_plan" drop constraint "solution_action_plan_case_management_organization_id_foreign";`);
    this.addSql(`alter table "agencies"."solution_action_plan" drop constraint "solution_action_plan_approving_agency_id_foreign";`);
    this.addSql(`alter table "agencies"."solution_action_plan" drop constraint "solution_action_plan_published_by_id_foreign";`);

    this.addSql(`alter table "agencies"."task_force_agreement" drop constraint "task_force_agreement_task_force_id_foreign";`);

    this.addSql(`alter table "agencies"."person" drop constraint "person_roles_check";`);

    this.addSql(`alter table "agencies"."solution_action_plan" drop constraint "solution_action_plan_enabled_pathways_check";`);
  }

}
