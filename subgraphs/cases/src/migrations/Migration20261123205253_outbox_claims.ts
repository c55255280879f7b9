import { Migration } from '@mikro-orm/migrations';

export class Migration20261123205253_outbox_claims extends Migration {

  override name = 'Migration20261123205253_outbox_claims';

  override up(): void | Promise<void> {
    this.addSql(`alter table "cases"."outbox_event" add "claimed_until" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "cases"."outbox_event" drop column "claimed_until";`);
  }

}
