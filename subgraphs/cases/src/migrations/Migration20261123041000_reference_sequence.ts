import { Migration } from '@mikro-orm/migrations';

/** Reference numbers (DFL-2026-001000) come from a sequence: unique under concurrent referrals, no gaps filled twice. */
export class Migration20261123041000_reference_sequence extends Migration {
  override up(): void | Promise<void> {
    this.addSql(`create sequence if not exists "cases"."deflection_reference_seq" start with 1000;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists "cases"."deflection_reference_seq";`);
  }
}
