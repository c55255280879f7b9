import { Migration } from '@mikro-orm/migrations';

export class Migration20261123230634_submission_summaries extends Migration {

  override name = 'Migration20261123230634_submission_summaries';

  override up(): void | Promise<void> {
    this.addSql(`alter table "reporting"."crisis_import" add "rows" int not null default 0, add "rejected" int not null default 0;`);

    this.addSql(`alter table "reporting"."crisis_submission" add "incidents_hash" varchar(32) not null default '';`);

    this.addSql(`alter table "reporting"."use_of_force_submission" add "ori" varchar(9) null, add "incident_count" int not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "reporting"."crisis_import" drop column "rows", drop column "rejected";`);

    this.addSql(`alter table "reporting"."crisis_submission" drop column "incidents_hash";`);

    this.addSql(`alter table "reporting"."use_of_force_submission" drop column "ori", drop column "incident_count";`);
  }

}
