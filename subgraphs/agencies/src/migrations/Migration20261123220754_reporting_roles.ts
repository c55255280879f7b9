import { Migration } from '@mikro-orm/migrations';

export class Migration20261123220754_reporting_roles extends Migration {

  override name = 'Migration20261123220754_reporting_roles';

  override up(): void | Promise<void> {
    this.addSql(`alter table "agencies"."person" drop constraint "person_roles_check";`);
    this.addSql(`alter table "agencies"."person" add constraint "person_roles_check" check ("roles" <@ array['OFFICER'::text, 'SUPERVISOR'::text, 'MEG_DIRECTOR'::text, 'TASK_FORCE_COMMANDER'::text, 'DESIGNEE'::text, 'CASE_MANAGER'::text, 'PROVIDER_STAFF'::text, 'ANALYST'::text, 'PROSECUTOR'::text, 'ADMINISTRATOR'::text, 'HUB_ADMINISTRATOR'::text, 'RECORDS_STAFF'::text, 'STATE_REPORTING_STAFF'::text]);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "agencies"."person" drop constraint "person_roles_check";`);
    this.addSql(`alter table "agencies"."person" add constraint "person_roles_check" check (roles <@ ARRAY['OFFICER'::text, 'SUPERVISOR'::text, 'MEG_DIRECTOR'::text, 'TASK_FORCE_COMMANDER'::text, 'DESIGNEE'::text, 'CASE_MANAGER'::text, 'PROVIDER_STAFF'::text, 'ANALYST'::text, 'PROSECUTOR'::text, 'ADMINISTRATOR'::text, 'HUB_ADMINISTRATOR'::text]);`);
  }

}
