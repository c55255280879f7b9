import { Migration } from '@mikro-orm/migrations';

export class Migration20261123223120_crisis_record_keys extends Migration {

  override name = 'Migration20261123223120_crisis_record_keys';

  override up(): void | Promise<void> {
    this.addSql(`alter table "reporting"."crisis_incident" add "record_key" smallint not null default (floor((random() * (256)::double precision)))::smallint;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "reporting"."crisis_incident" drop column "record_key";`);
  }

}
