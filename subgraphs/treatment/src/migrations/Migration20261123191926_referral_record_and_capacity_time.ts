import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191926_referral_record_and_capacity_time extends Migration {

  override name = 'Migration20261123191926_referral_record_and_capacity_time';

  override up(): void | Promise<void> {
    this.addSql(`alter table "treatment"."provider" add "capacity_reported_at" timestamptz null;`);

    // Existing referrals take the patient record's spelling, the best the hub knows of what the referrer saw.
    this.addSql(`alter table "treatment"."treatment_episode" add "referred_as" jsonb null;`);
    this.addSql(`update "treatment"."treatment_episode" e set "referred_as" = jsonb_build_object('givenName', p."given_name", 'familyName', p."family_name", 'dateOfBirth', p."date_of_birth") from "treatment"."patient" p where p."id" = e."patient_id";`);
    this.addSql(`alter table "treatment"."treatment_episode" alter column "referred_as" set not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "treatment"."provider" drop column "capacity_reported_at";`);

    this.addSql(`alter table "treatment"."treatment_episode" drop column "referred_as";`);
  }

}
