import { Migration } from '@mikro-orm/migrations';

export class Migration20261123185510_relations_and_enums extends Migration {

  override name = 'Migration20261123185510_relations_and_enums';

  override up(): void | Promise<void> {
    this.addSql(`alter table "treatment"."provider" add constraint "provider_services_check" check ("services" <@ array['SUD_OUTPATIENT'::text, 'SUD_INTENSIVE_OUTPATIENT'::text, 'SUD_RESIDENTIAL'::text, 'WITHDRAWAL_MANAGEMENT'::text, 'MEDICATION_FOR_OPIOID_USE_DISORDER'::text, 'MENTAL_HEALTH'::text, 'RECOVERY_SUPPORT'::text, 'RECOVERY_HOUSING'::text, 'PEER_SUPPORT'::text]);`);
    this.addSql(`alter table "treatment"."provider" add constraint "provider_levels_of_care_check" check ("levels_of_care" <@ array['EARLY_INTERVENTION'::text, 'OUTPATIENT'::text, 'INTENSIVE_OUTPATIENT'::text, 'PARTIAL_HOSPITALIZATION'::text, 'RESIDENTIAL'::text, 'MEDICALLY_MANAGED_INPATIENT'::text]);`);

    this.addSql(`alter table "treatment"."consent" add constraint "consent_patient_id_foreign" foreign key ("patient_id") references "treatment"."patient" ("id");`);
    this.addSql(`alter table "treatment"."consent" add constraint "consent_disclosing_provider_id_foreign" foreign key ("disclosing_provider_id") references "treatment"."provider" ("id") on delete set null;`);
    this.addSql(`alter table "treatment"."consent" add constraint "consent_information_check" check ("information" <@ array['ENGAGEMENT'::text, 'EPISODE_STATUS'::text, 'ATTENDANCE'::text, 'COMPLETION'::text]);`);

    this.addSql(`alter table "treatment"."service_capacity" add constraint "service_capacity_provider_id_foreign" foreign key ("provider_id") references "treatment"."provider" ("id");`);

    this.addSql(`alter table "treatment"."treatment_episode" add constraint "treatment_episode_patient_id_foreign" foreign key ("patient_id") references "treatment"."patient" ("id");`);
    this.addSql(`alter table "treatment"."treatment_episode" add constraint "treatment_episode_provider_id_foreign" foreign key ("provider_id") references "treatment"."provider" ("id");`);

    this.addSql(`alter table "treatment"."episode_transition" add constraint "episode_transition_episode_id_foreign" foreign key ("episode_id") references "treatment"."treatment_episode" ("id");`);

    this.addSql(`alter table "treatment"."disclosure" alter column "basis" type text using ("basis"::text);`);
    this.addSql(`alter table "treatment"."disclosure" add constraint "disclosure_patient_id_foreign" foreign key ("patient_id") references "treatment"."patient" ("id");`);
    this.addSql(`alter table "treatment"."disclosure" add constraint "disclosure_episode_id_foreign" foreign key ("episode_id") references "treatment"."treatment_episode" ("id");`);
    this.addSql(`alter table "treatment"."disclosure" add constraint "disclosure_consent_id_foreign" foreign key ("consent_id") references "treatment"."consent" ("id") on delete set null;`);
    this.addSql(`alter table "treatment"."disclosure" add constraint "disclosure_basis_check" check ("basis" in ('CONSENT', 'CASE_MANAGEMENT'));`);
    this.addSql(`alter table "treatment"."disclosure" add constraint "disclosure_information_check" check ("information" <@ array['ENGAGEMENT'::text, 'EPISODE_STATUS'::text, 'ATTENDANCE'::text, 'COMPLETION'::text]);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "treatment"."consent" drop constraint "consent_patient_id_foreign";`);
    this.addSql(`alter table "treatment"."consent" drop constraint "consent_disclosing_provider_id_foreign";`);

    this.addSql(`alter table "treatment"."disclosure" drop constraint "disclosure_patient_id_foreign";`);
    this.addSql(`alter table "treatment"."disclosure" drop constraint "disclosure_episode_id_foreign";`);
    this.addSql(`alter table "treatment"."disclosure" drop constraint "disclosure_consent_id_foreign";`);

    this.addSql(`alter table "treatment"."episode_transition" drop constraint "episode_transition_episode_id_foreign";`);

    this.addSql(`alter table "treatment"."service_capacity" drop constraint "service_capacity_provider_id_foreign";`);

    this.addSql(`alter table "treatment"."treatment_episode" drop constraint "treatment_episode_patient_id_foreign";`);
    this.addSql(`alter table "treatment"."treatment_episode" drop constraint "treatment_episode_provider_id_foreign";`);

    this.addSql(`alter table "treatment"."consent" drop constraint "consent_information_check";`);

    this.addSql(`alter table "treatment"."disclosure" drop constraint "disclosure_basis_check";`);
    this.addSql(`alter table "treatment"."disclosure" drop constraint "disclosure_information_check";`);
    this.addSql(`alter table "treatment"."disclosure" alter column "basis" type varchar(30) using ("basis"::varchar(30));`);

    this.addSql(`alter table "treatment"."provider" drop constraint "provider_services_check";`);
    this.addSql(`alter table "treatment"."provider" drop constraint "provider_levels_of_care_check";`);
  }

}
