import { Migration } from '@mikro-orm/migrations';

export class Migration20261123204941_referral_demographics extends Migration {

  override name = 'Migration20261123204941_referral_demographics';

  override up(): void | Promise<void> {
    this.addSql(`alter table "cases"."deflection" add "channel" text null, add "arrest_made" boolean not null default false, add "age_band" text not null default 'UNKNOWN', add "sex" text not null default 'UNKNOWN', add "race" text not null default 'UNKNOWN', add "ethnicity" text not null default 'UNKNOWN';`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_channel_check" check ("channel" in ('LIVE_ON_SCENE_RESPONSE', 'ON_SCENE_OFFICER_REQUEST', 'OFFICER_REFERRAL', 'PROACTIVE_FOLLOW_UP', 'CRISIS_LINE'));`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_age_band_check" check ("age_band" in ('UNDER_18', 'AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS', 'UNKNOWN'));`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_sex_check" check ("sex" in ('FEMALE', 'MALE', 'X', 'UNKNOWN'));`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_race_check" check ("race" in ('AMERICAN_INDIAN_OR_ALASKA_NATIVE', 'ASIAN', 'BLACK_OR_AFRICAN_AMERICAN', 'NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER', 'WHITE', 'MULTIRACIAL', 'OTHER', 'UNKNOWN'));`);
    this.addSql(`alter table "cases"."deflection" add constraint "deflection_ethnicity_check" check ("ethnicity" in ('HISPANIC_OR_LATINO', 'NOT_HISPANIC_OR_LATINO', 'UNKNOWN'));`);
    // Earlier deflections get their age band from the person's date of birth at the encounter, as new ones do.
    this.addSql(`update "cases"."deflection" d set "age_band" = case
        when x.age < 18 then 'UNDER_18' when x.age < 25 then 'AGE_18_24' when x.age < 35 then 'AGE_25_34' when x.age < 45 then 'AGE_35_44'
        when x.age < 55 then 'AGE_45_54' when x.age < 65 then 'AGE_55_64' else 'AGE_65_PLUS' end
      from (select d2."id", extract(year from age((i."occurred_at" at time zone 'America/Chicago')::date, p."date_of_birth"))::int as age
            from "cases"."deflection" d2 join "cases"."participant" p on p."id" = d2."participant_id" join "cases"."incident" i on i."id" = d2."incident_id"
            where p."date_of_birth" is not null) x
      where d."id" = x."id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_channel_check";`);
    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_age_band_check";`);
    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_sex_check";`);
    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_race_check";`);
    this.addSql(`alter table "cases"."deflection" drop constraint "deflection_ethnicity_check";`);
    this.addSql(`alter table "cases"."deflection" drop column "channel", drop column "arrest_made", drop column "age_band", drop column "sex", drop column "race", drop column "ethnicity";`);
  }

}
