import { Migration } from '@mikro-orm/migrations';

export class Migration20261207081636_unpublished_outbox_index extends Migration {

  override name = 'Migration20261207081636_unpublished_outbox_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "outbox_event_unpublished_index" on "cases"."outbox_event" ("sequence") where published_at is null;`);
    this.addSql(`drop index "cases"."outbox_event_published_at_index";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create index "outbox_event_published_at_index" on "cases"."outbox_event" ("published_at");`);
    this.addSql(`drop index "cases"."outbox_event_unpublished_index";`);
  }

}
