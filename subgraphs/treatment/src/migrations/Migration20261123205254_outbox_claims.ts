import { Migration } from '@mikro-orm/migrations';

export class Migration20261123205254_outbox_claims extends Migration {

  override name = 'Migration20261123205254_outbox_claims';

  override up(): void | Promise<void> {
    this.addSql(`alter table "treatment"."outbox_event" add "claimed_until" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "treatment"."outbox_event" drop column "claimed_until";`);
  }

}
