import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190008_statuses_as_enums extends Migration {

  override name = 'Migration20261123190008_statuses_as_enums';

  override up(): void | Promise<void> {
    this.addSql(`alter table "reporting"."deflection_fact" alter column "pathway" type text using ("pathway"::text);`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "status" type text using ("status"::text);`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_pathway_check" check ("pathway" in ('SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS', 'OFFICER_PREVENTION', 'OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'));`);
    this.addSql(`alter table "reporting"."deflection_fact" add constraint "deflection_fact_status_check" check ("status" in ('PENDING_APPROVAL', 'ACTIVE', 'DECLINED', 'SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_pathway_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" drop constraint "deflection_fact_status_check";`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "pathway" type varchar(40) using ("pathway"::varchar(40));`);
    this.addSql(`alter table "reporting"."deflection_fact" alter column "status" type varchar(40) using ("status"::varchar(40));`);
  }

}
