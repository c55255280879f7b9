import { Migration } from '@mikro-orm/migrations';

/** The tables whose content other subgraphs keep answers from: all but the audit trail (every read writes to it). */
const DIRECTORY_TABLES = ['agency', 'meg_member', 'task_force_agreement', 'person', 'designation', 'solution_action_plan'];

export class Migration20261207102452_change_version extends Migration {

  override name = 'Migration20261207102452_change_version';

  override up(): void | Promise<void> {
    this.addSql(`create table "agencies"."change_version" ("id" smallint primary key, "version" bigint not null);`);
    this.addSql(`insert into "agencies"."change_version" ("id", "version") values (1, 1);`);
    // Every write to the directory moves the version, in the writer's transaction, whatever code path made it.
    this.addSql(`create function "agencies"."bump_change_version"() returns trigger language plpgsql as $$
      begin
        update "agencies"."change_version" set "version" = "version" + 1 where "id" = 1;
        return null;
      end $$;`);
    for (const table of DIRECTORY_TABLES) {
      this.addSql(`create trigger "${table}_moves_change_version" after insert or update or delete or truncate on "agencies"."${table}"
        for each statement execute function "agencies"."bump_change_version"();`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of DIRECTORY_TABLES) this.addSql(`drop trigger if exists "${table}_moves_change_version" on "agencies"."${table}";`);
    this.addSql(`drop function if exists "agencies"."bump_change_version"();`);
    this.addSql(`drop table if exists "agencies"."change_version" cascade;`);
  }

}
