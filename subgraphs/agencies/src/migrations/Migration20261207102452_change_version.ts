import { Migration } from '@mikro-orm/migrations';

/** The tables whose content other subgraphs keep answers from: all but the audit trail (no answer is made of it). */
const DIRECTORY_TABLES = ['agency', 'meg_member', 'task_force_agreement', 'person', 'designation', 'solution_action_plan'];

export class Migration20261207102452_change_version extends Migration {

  override name = 'Migration20261207102452_change_version';

  override up(): void | Promise<void> {
    this.addSql(`create table "agencies"."change_version" ("id" smallint primary key, "version" bigint not null);`);
    this.addSql(`insert into "agencies"."change_version" ("id", "version") values (1, 1);`);
    this.addSql(`create function "agencies"."bump_change_version"() returns trigger language plpgsql as $$
      begin
        update "agencies"."change_version" set "version" = "version" + 1 where "id" = 1;
        return null;
      end $$;`);
    // Every write to the directory moves the version in the writer's own transaction, whatever code path made it. At
    // commit (deferred), not at the statement: a writer then takes the version's row lock last, after every row lock
    // it needs, so two writers cannot deadlock over it. TRUNCATE fires no row trigger, so it has its own.
    for (const table of DIRECTORY_TABLES) {
      this.addSql(`create constraint trigger "${table}_moves_change_version" after insert or update or delete on "agencies"."${table}"
        deferrable initially deferred for each row execute function "agencies"."bump_change_version"();`);
      this.addSql(`create trigger "${table}_truncate_moves_change_version" after truncate on "agencies"."${table}"
        for each statement execute function "agencies"."bump_change_version"();`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of DIRECTORY_TABLES) {
      this.addSql(`drop trigger if exists "${table}_moves_change_version" on "agencies"."${table}";`);
      this.addSql(`drop trigger if exists "${table}_truncate_moves_change_version" on "agencies"."${table}";`);
    }
    this.addSql(`drop function if exists "agencies"."bump_change_version"();`);
    this.addSql(`drop table if exists "agencies"."change_version" cascade;`);
  }

}
