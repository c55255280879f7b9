import { DEMO_AGENCY as A, DEMO_PERSON as P, DEMO_PLAN as PLAN } from '@hub/platform/demo';
import { type Role } from '@hub/platform/identity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, type AgencyKind, type UnitLevel } from '../entities/agency.entity.js';
import { Designation } from '../entities/designation.entity.js';
import { MegMember } from '../entities/meg-member.entity.js';
import { Person } from '../entities/person.entity.js';
import { SolutionActionPlan, type Pathway, type ProgramProtocols } from '../entities/solution-action-plan.entity.js';
import { TaskForceAgreement } from '../entities/task-force-agreement.entity.js';

/** Real Illinois agency names; every person is fictional. ORIs are left empty rather than invented. */
const AGENCIES: [string, string, AgencyKind, UnitLevel, string | null, string[]][] = [
  [A.ispDop, 'Illinois State Police, Division of Patrol', 'ISP_DIVISION_OF_PATROL', 'DIVISION', null, ['Lake', 'McHenry', 'Kane', 'DuPage', 'Cook', 'Madison', 'St. Clair', 'Monroe']],
  [A.ispDopTroop2, 'ISP Division of Patrol, Troop 2', 'ISP_DIVISION_OF_PATROL', 'TROOP', A.ispDop, ['Lake', 'McHenry', 'Kane', 'DuPage']],
  [A.ispDopTroop3, 'ISP Division of Patrol, Troop 3', 'ISP_DIVISION_OF_PATROL', 'TROOP', A.ispDop, ['Cook']],
  [A.ispDopTroop8, 'ISP Division of Patrol, Troop 8', 'ISP_DIVISION_OF_PATROL', 'TROOP', A.ispDop, ['Madison', 'St. Clair', 'Monroe']],
  [A.ispDci, 'Illinois State Police, Division of Criminal Investigation', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION', 'DIVISION', null, ['Lake', 'McHenry', 'Winnebago', 'Jackson', 'Williamson', 'Franklin']],
  [A.ispDciNorthZone, 'ISP DCI, North Zone', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION', 'ZONE', A.ispDci, ['Lake', 'McHenry', 'Winnebago']],
  [A.ispDciSouthZone, 'ISP DCI, South Zone', 'ISP_DIVISION_OF_CRIMINAL_INVESTIGATION', 'ZONE', A.ispDci, ['Jackson', 'Williamson', 'Franklin']],
  [A.lakeCountyMeg, 'Lake County Metropolitan Enforcement Group', 'MEG', 'AGENCY', null, ['Lake']],
  [A.megSouthwesternIllinois, 'Metropolitan Enforcement Group of Southwestern Illinois', 'MEG', 'AGENCY', null, ['Madison', 'St. Clair', 'Monroe']],
  [A.southernIllinoisEnforcementGroup, 'Southern Illinois Enforcement Group', 'MEG', 'AGENCY', null, ['Jackson', 'Williamson', 'Franklin']],
  [A.duPageMeg, 'DuPage Metropolitan Enforcement Group', 'MEG', 'AGENCY', null, ['DuPage']],
  [A.westCentralTaskForce, 'West Central Illinois Task Force', 'TASK_FORCE', 'AGENCY', null, ['Adams', 'Pike', 'Brown', 'Hancock']],
  [A.blackhawkTaskForce, 'Blackhawk Area Task Force', 'TASK_FORCE', 'AGENCY', null, ['Whiteside', 'Lee', 'Ogle', 'Carroll']],
  [A.lakeCountySheriff, "Lake County Sheriff's Office", 'SHERIFF', 'AGENCY', null, ['Lake']],
  [A.dixonPolice, 'Dixon Police Department', 'LOCAL_POLICE', 'AGENCY', null, ['Lee']],
  [A.lombardPolice, 'Lombard Police Department', 'LOCAL_POLICE', 'AGENCY', null, ['DuPage']],
  [A.peoriaPolice, 'Peoria Police Department', 'LOCAL_POLICE', 'AGENCY', null, ['Peoria']],
  [A.quincyPolice, 'Quincy Police Department', 'LOCAL_POLICE', 'AGENCY', null, ['Adams']],
  [A.peoriaFire, 'Peoria Fire Department', 'FIRE', 'AGENCY', null, ['Peoria']],
  [A.rockfordFire, 'Rockford Fire Department', 'FIRE', 'AGENCY', null, ['Winnebago']],
  [A.tasc, 'TASC (Treatment Alternatives for Safe Communities)', 'CASE_MANAGEMENT_ORGANIZATION', 'AGENCY', null, ['Lake', 'DuPage', 'Cook', 'Peoria', 'Lee', 'Adams', 'Madison', 'St. Clair', 'Monroe']],
  [A.chestnutRecoveryCoaching, 'Chestnut Health Systems, Recovery Coaching', 'CASE_MANAGEMENT_ORGANIZATION', 'AGENCY', null, ['Madison', 'St. Clair', 'Jackson', 'Williamson', 'Franklin', 'McLean']],
  [A.gatewayFoundation, 'Gateway Foundation', 'TREATMENT_PROVIDER_ORGANIZATION', 'AGENCY', null, ['Lake', 'Cook', 'DuPage', 'Madison', 'St. Clair']],
  [A.rosecrance, 'Rosecrance', 'TREATMENT_PROVIDER_ORGANIZATION', 'AGENCY', null, ['Winnebago', 'Lee', 'Ogle', 'McHenry', 'Peoria']],
  [A.centerstone, 'Centerstone of Illinois', 'TREATMENT_PROVIDER_ORGANIZATION', 'AGENCY', null, ['Jackson', 'Williamson', 'Franklin', 'Madison']],
  [A.lakeCountyHealthDepartment, 'Lake County Health Department, Behavioral Health', 'TREATMENT_PROVIDER_ORGANIZATION', 'AGENCY', null, ['Lake']],
  [A.lakeCountyStatesAttorney, "Lake County State's Attorney's Office", 'PROSECUTOR', 'AGENCY', null, ['Lake']],
  [A.madisonCountyStatesAttorney, "Madison County State's Attorney's Office", 'PROSECUTOR', 'AGENCY', null, ['Madison']],
  [A.icjia, 'Illinois Criminal Justice Information Authority', 'STATE_ANALYTICS', 'AGENCY', null, []],
];

const PEOPLE: [string, string, string, string, Role[], string | null, boolean][] = [
  [P.trooperReyes, A.ispDopTroop2, 'Daniel', 'Reyes', ['OFFICER'], '4417', true],
  [P.sergeantOkafor, A.ispDopTroop2, 'Grace', 'Okafor', ['OFFICER', 'SUPERVISOR'], '2290', true],
  [P.agentNguyen, A.ispDciNorthZone, 'Minh', 'Nguyen', ['OFFICER'], '6031', true],
  [P.dopAdministrator, A.ispDop, 'Chris', 'Boone', ['ADMINISTRATOR'], '1102', true],
  [P.directorMarsh, A.lakeCountyMeg, 'Elaine', 'Marsh', ['MEG_DIRECTOR'], null, true],
  [P.inspectorPatel, A.lakeCountyMeg, 'Ravi', 'Patel', ['OFFICER', 'DESIGNEE'], 'M-118', true],
  [P.commanderHolt, A.westCentralTaskForce, 'Luke', 'Holt', ['TASK_FORCE_COMMANDER'], null, true],
  [P.directorBaptiste, A.megSouthwesternIllinois, 'Renée', 'Baptiste', ['MEG_DIRECTOR'], null, true],
  [P.directorLowry, A.duPageMeg, 'Harold', 'Lowry', ['MEG_DIRECTOR'], null, true],
  [P.directorCallahan, A.southernIllinoisEnforcementGroup, 'Dana', 'Callahan', ['MEG_DIRECTOR'], null, true],
  [P.deputyLindqvist, A.lakeCountySheriff, 'Anna', 'Lindqvist', ['OFFICER'], 'LC-5521', true],
  [P.sheriffSergeantBrooks, A.lakeCountySheriff, 'Maya', 'Brooks', ['OFFICER', 'SUPERVISOR'], 'LC-3108', true],
  [P.officerDuarte, A.dixonPolice, 'Marco', 'Duarte', ['OFFICER'], 'D-37', true],
  [P.dixonSergeantOrtega, A.dixonPolice, 'Luis', 'Ortega', ['OFFICER', 'SUPERVISOR'], 'D-12', true],
  [P.firefighterKowalski, A.peoriaFire, 'Tom', 'Kowalski', ['OFFICER'], 'PFD-214', true],
  // Reviews and closes the fire department's deflections, which need no approval (its supervisor, as in a police unit).
  [P.fireCaptainMbeki, A.peoriaFire, 'Ruth', 'Mbeki', ['OFFICER', 'SUPERVISOR'], 'PFD-031', true],
  [P.recordsClerkHadley, A.lakeCountySheriff, 'Jo', 'Hadley', ['RECORDS_STAFF'], null, true],
  [P.uniformCrimeReportingPrice, A.ispDop, 'Dana', 'Price', ['STATE_REPORTING_STAFF'], null, true],
  [P.recordsTroop3, A.ispDopTroop3, 'Renee', 'Castellano', ['RECORDS_STAFF'], null, true],
  [P.recordsTroop8, A.ispDopTroop8, 'Marcus', 'Feld', ['RECORDS_STAFF'], null, true],
  [P.recordsLombard, A.lombardPolice, 'Irene', 'Sobczak', ['RECORDS_STAFF'], null, true],
  [P.recordsPeoria, A.peoriaPolice, 'Calvin', 'Ashby', ['RECORDS_STAFF'], null, true],
  [P.recordsQuincy, A.quincyPolice, 'Greta', 'Lindholm', ['RECORDS_STAFF'], null, true],
  [P.caseManagerAbernathy, A.tasc, 'Joy', 'Abernathy', ['CASE_MANAGER'], null, true],
  [P.caseManagerOduya, A.chestnutRecoveryCoaching, 'Samuel', 'Oduya', ['CASE_MANAGER'], null, true],
  [P.counselorFitzgerald, A.gatewayFoundation, 'Sean', 'Fitzgerald', ['PROVIDER_STAFF'], null, true],
  [P.counselorMoreau, A.rosecrance, 'Claire', 'Moreau', ['PROVIDER_STAFF'], null, true],
  [P.counselorOkafor, A.lakeCountyHealthDepartment, 'Ada', 'Okafor', ['PROVIDER_STAFF'], null, true],
  [P.analystSantiago, A.icjia, 'Marisol', 'Santiago', ['ANALYST'], null, true],
  [P.prosecutorWhitfield, A.lakeCountyStatesAttorney, 'Nora', 'Whitfield', ['PROSECUTOR'], null, true],
  [P.hubAdministrator, A.icjia, 'Pat', 'Kim', ['HUB_ADMINISTRATOR'], null, true],
  [P.formerTrooperVance, A.lakeCountyMeg, 'Owen', 'Vance', ['OFFICER', 'DESIGNEE'], 'M-090', false],
];

function protocols(unit: string): ProgramProtocols {
  return {
    participantIdentification: `${unit} personnel identify collateral persons and self-referrals eligible under this plan during patrol, investigations and calls for service.`,
    screeningAndAssessment: 'The assigned case manager screens with the GAIN-SS within one business day; a licensed provider completes the ASAM assessment.',
    caseManagement: 'The DHS-identified case-management organisation assigns a Deflection Case Manager who keeps contact at least weekly for the first 30 days.',
    treatmentFacilitation: 'Warm hand-off to a licensed provider with open capacity, transport arranged by the case manager when needed.',
    reporting: 'Deflections are recorded in the hub the same shift; statistics follow OPS-092 III.E.3 and the 50 ILCS 71 sec. 25 minimum data set.',
    restorativeJustice: 'Where a victim is involved, the case manager offers a restorative conference before the 90-day review.',
    continuedLawEnforcementInvolvement: 'The initiating officer receives aggregated outcome feedback; the approving leader reviews each case with the case manager within 90 days and quarterly after.',
  };
}

const ALL_PATHWAYS: Pathway[] = ['SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS', 'OFFICER_PREVENTION', 'OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'];

export async function seedAgencies(em: EntityManager): Promise<void> {
  for (const [id, name, kind, level, parentId, countiesServed] of AGENCIES) {
    em.create(Agency, { id, name, kind, level, parent: parentId, countiesServed, ori: null });
  }
  for (const [id, agencyId, givenName, familyName, roles, badgeNumber, active] of PEOPLE) {
    const email = `${givenName}.${familyName}@example.illinois.gov`.toLowerCase().replace(/[^a-z.@]/g, '');
    em.create(Person, { id, agency: agencyId, givenName, familyName, roles, badgeNumber, active, email, phone: null });
  }
  for (const [localGovernment, agencyId] of [['Lake County', A.lakeCountySheriff], ['City of Waukegan', null], ['City of North Chicago', null], ['Village of Gurnee', null]] as const) {
    em.create(MegMember, { meg: A.lakeCountyMeg, localGovernment, agency: agencyId, joinedOn: '1998-07-01' });
  }
  for (const localGovernment of ['Madison County', 'St. Clair County', 'City of Alton', 'City of Granite City']) {
    em.create(MegMember, { meg: A.megSouthwesternIllinois, localGovernment, agency: null, joinedOn: '2001-01-01' });
  }
  em.create(TaskForceAgreement, {
    taskForce: A.westCentralTaskForce,
    title: 'Intergovernmental agreement: West Central Illinois Task Force',
    partyIds: [A.ispDci, A.quincyPolice],
    effectiveFrom: '2024-07-01',
    effectiveTo: '2027-06-30',
  });
  em.create(TaskForceAgreement, {
    taskForce: A.blackhawkTaskForce,
    title: 'Intergovernmental agreement: Blackhawk Area Task Force',
    partyIds: [A.ispDci, A.dixonPolice],
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
  });
  em.create(Designation, {
    designee: P.inspectorPatel,
    delegatedBy: P.directorMarsh,
    capacity: 'MEG_DIRECTOR',
    agency: A.lakeCountyMeg,
    validFrom: '2026-01-01',
    validTo: null,
  });
  em.create(Designation, {
    designee: P.formerTrooperVance,
    delegatedBy: P.directorMarsh,
    capacity: 'MEG_DIRECTOR',
    agency: A.lakeCountyMeg,
    validFrom: '2024-01-01',
    validTo: '2025-06-30',
  });

  const contact = (phone: string, instructions: string) => ({
    preferredMethod: 'PHONE' as const,
    phone,
    email: null,
    hours: '24/7',
    instructions,
  });
  const eligibility = (warrants: boolean, probation: boolean) => ({
    minimumAge: 18,
    allowsActiveWarrants: warrants,
    allowsProbationOrParole: probation,
    excludedOffenses: ['Delivery of a controlled substance', 'Any offence involving a weapon'],
    notes: null,
  });
  const plans: [string, string, string | null, number, string, string | null, Pathway[], string, string, boolean][] = [
    // id, unit, county, version, effective from, superseded on, pathways, case management org, approving agency, warrants ok
    [PLAN.troop2v1, A.ispDopTroop2, null, 1, '2024-01-01', '2026-01-01', ['SELF_REFERRAL', 'OFFICER_PREVENTION', 'OFFICER_INTERVENTION'], A.tasc, A.lakeCountyMeg, false],
    [PLAN.troop2v2, A.ispDopTroop2, null, 2, '2026-01-01', null, ALL_PATHWAYS, A.tasc, A.lakeCountyMeg, true],
    [PLAN.troop2DuPage, A.ispDopTroop2, 'DuPage', 1, '2025-03-01', null, ['SELF_REFERRAL', 'OFFICER_PREVENTION', 'OFFICER_INTERVENTION'], A.tasc, A.duPageMeg, false],
    [PLAN.troop8, A.ispDopTroop8, null, 1, '2025-01-01', null, ALL_PATHWAYS, A.chestnutRecoveryCoaching, A.megSouthwesternIllinois, true],
    [PLAN.dciNorth, A.ispDciNorthZone, null, 1, '2025-01-01', null, ['SELF_REFERRAL', 'ACTIVE_OUTREACH', 'OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'], A.tasc, A.lakeCountyMeg, false],
    [PLAN.dciSouth, A.ispDciSouthZone, null, 1, '2025-01-01', null, ['SELF_REFERRAL', 'OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'], A.chestnutRecoveryCoaching, A.southernIllinoisEnforcementGroup, false],
  ];
  for (const [id, unitId, county, planVersion, effectiveFrom, supersededOn, enabledPathways, cmo, approvingAgencyId, warrants] of plans) {
    em.create(SolutionActionPlan, {
      id,
      unit: unitId,
      county,
      planVersion,
      effectiveFrom,
      supersededOn,
      enabledPathways,
      eligibility: eligibility(warrants, true),
      caseManagementOrganization: cmo,
      caseManagerContact: contact('(847) 555-0142', 'Call the TASC deflection line; leave the hub reference number.'),
      approvingAgency: approvingAgencyId,
      protocols: protocols('ISP'),
      publishedBy: P.dopAdministrator,
    });
  }
  const localPlans: [string, string, Pathway[], string][] = [
    [PLAN.lakeCountySheriff, A.lakeCountySheriff, ALL_PATHWAYS, A.tasc],
    [PLAN.dixonPolice, A.dixonPolice, ['SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS', 'OFFICER_PREVENTION'], A.tasc],
    [PLAN.lombardPolice, A.lombardPolice, ['SELF_REFERRAL', 'OFFICER_PREVENTION', 'OFFICER_INTERVENTION'], A.tasc],
    [PLAN.peoriaPolice, A.peoriaPolice, ALL_PATHWAYS, A.tasc],
    [PLAN.quincyPolice, A.quincyPolice, ['SELF_REFERRAL', 'OFFICER_PREVENTION'], A.tasc],
    // Fire and EMS run pathways 1–4 only (OPS-092 III.B: officer intervention is for law enforcement).
    [PLAN.peoriaFire, A.peoriaFire, ['SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS', 'OFFICER_PREVENTION'], A.tasc],
    [PLAN.rockfordFire, A.rockfordFire, ['SELF_REFERRAL', 'NALOXONE_PLUS'], A.tasc],
  ];
  for (const [id, unitId, enabledPathways, cmo] of localPlans) {
    em.create(SolutionActionPlan, {
      id,
      unit: unitId,
      county: null,
      planVersion: 1,
      effectiveFrom: '2025-01-01',
      supersededOn: null,
      enabledPathways,
      eligibility: eligibility(false, true),
      caseManagementOrganization: cmo,
      caseManagerContact: contact('(309) 555-0177', 'Call the deflection line; a case manager calls back within 30 minutes.'),
      approvingAgency: null,
      protocols: protocols('Agency'),
      publishedBy: null,
    });
  }
  await em.flush();
}

export async function hasAgencies(em: EntityManager): Promise<boolean> {
  return (await em.count(Agency, {})) > 0;
}
