import { Migration } from '@mikro-orm/migrations';

export class Migration20261123232116_import_log extends Migration {

  override name = 'Migration20261123232116_import_log';

  override up(): void | Promise<void> {
    this.addSql(`alter table "reporting"."crisis_import" drop constraint "crisis_import_agency_id_file_hash_unique";`);
    this.addSql(`alter table "reporting"."crisis_import" add "result" jsonb not null;`);
    this.addSql(`create index "crisis_import_agency_id_file_hash_index" on "reporting"."crisis_import" ("agency_id", "file_hash");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "reporting"."crisis_import_agency_id_file_hash_index";`);
    this.addSql(`alter table "reporting"."crisis_import" drop column "result";`);
    this.addSql(`alter table "reporting"."crisis_import" add constraint "crisis_import_agency_id_file_hash_unique" unique ("agency_id", "file_hash");`);
  }

}
