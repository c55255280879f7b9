import { Migration } from '@mikro-orm/migrations';

export class Migration20261207103324 extends Migration {

  override name = 'Migration20261207103324';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "agency_moves_change_version" on "agencies"."agency";`);
    this.addSql(`drop function if exists "agencies"."agency_agency_moves_change_version_fn"();`);

    this.addSql(`drop trigger if exists "meg_member_moves_change_version" on "agencies"."meg_member";`);
    this.addSql(`drop function if exists "agencies"."meg_member_meg_member_moves_change_version_fn"();`);

    this.addSql(`drop trigger if exists "person_moves_change_version" on "agencies"."person";`);
    this.addSql(`drop function if exists "agencies"."person_person_moves_change_version_fn"();`);

    this.addSql(`drop trigger if exists "designation_moves_change_version" on "agencies"."designation";`);
    this.addSql(`drop function if exists "agencies"."designation_designation_moves_change_version_fn"();`);

    this.addSql(`drop trigger if exists "solution_action_plan_moves_change_version" on "agencies"."solution_action_plan";`);
    this.addSql(`drop function if exists "agencies"."solution_action_plan_solution_action_plan_moves_change_version_fn"();`);

    this.addSql(`drop trigger if exists "task_force_agreement_moves_change_version" on "agencies"."task_force_agreement";`);
    this.addSql(`drop function if exists "agencies"."task_force_agreement_task_force_agreement_moves_change_version_fn"();`);

    this.addSql(`create sequence if not exists "change_version_id_seq";`);
    this.addSql(`select setval('change_version_id_seq', (select max("id") from "agencies"."change_version"));`);
    this.addSql(`alter table "agencies"."change_version" alter column "id" set default nextval('change_version_id_seq');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "agencies"."change_version" alter column "id" drop default;`);

    this.addSql(`create or replace function "agencies"."agency_agency_moves_change_version_fn"() returns trigger as \$\$ begin ; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "agency_moves_change_version" AFTER DELETE OR INSERT OR UPDATE on "agencies"."agency" for each STATEMENT execute function "agencies"."agency_agency_moves_change_version_fn"();`);

    this.addSql(`create or replace function "agencies"."designation_designation_moves_change_version_fn"() returns trigger as \$\$ begin ; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "designation_moves_change_version" AFTER DELETE OR INSERT OR UPDATE on "agencies"."designation" for each STATEMENT execute function "agencies"."designation_designation_moves_change_version_fn"();`);

    this.addSql(`create or replace function "agencies"."meg_member_meg_member_moves_change_version_fn"() returns trigger as \$\$ begin ; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "meg_member_moves_change_version" AFTER DELETE OR INSERT OR UPDATE on "agencies"."meg_member" for each STATEMENT execute function "agencies"."meg_member_meg_member_moves_change_version_fn"();`);

    this.addSql(`create or replace function "agencies"."person_person_moves_change_version_fn"() returns trigger as \$\$ begin ; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "person_moves_change_version" AFTER DELETE OR INSERT OR UPDATE on "agencies"."person" for each STATEMENT execute function "agencies"."person_person_moves_change_version_fn"();`);

    this.addSql(`create or replace function "agencies"."solution_action_plan_solution_action_plan_moves_change_version_fn"() returns trigger as \$\$ begin ; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "solution_action_plan_moves_change_version" AFTER DELETE OR INSERT OR UPDATE on "agencies"."solution_action_plan" for each STATEMENT execute function "agencies"."solution_action_plan_solution_action_plan_moves_change_version_fn"();`);

    this.addSql(`create or replace function "agencies"."task_force_agreement_task_force_agreement_moves_change_version_fn"() returns trigger as \$\$ begin ; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "task_force_agreement_moves_change_version" AFTER DELETE OR INSERT OR UPDATE on "agencies"."task_force_agreement" for each STATEMENT execute function "agencies"."task_force_agreement_task_force_agreement_moves_change_version_fn"();`);
  }

}
