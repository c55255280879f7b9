import type { Actor, Role } from '../identity/actor.js';

/**
 * Stable ids of the demo data set. Every subgraph seeds its own tables, and refers to other subgraphs' demo
 * records only by these ids, as it would to real ones: no subgraph reads another's tables, even in the demo.
 */
function id(prefix: string, n: number): string {
  return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const DEMO_AGENCY = {
  ispDop: id('a0000001', 1),
  ispDopTroop2: id('a0000001', 2),
  ispDopTroop3: id('a0000001', 3),
  ispDopTroop8: id('a0000001', 8),
  ispDci: id('a0000002', 1),
  ispDciNorthZone: id('a0000002', 2),
  ispDciSouthZone: id('a0000002', 3),
  lakeCountyMeg: id('a0000003', 1),
  megSouthwesternIllinois: id('a0000003', 2),
  southernIllinoisEnforcementGroup: id('a0000003', 3),
  duPageMeg: id('a0000003', 4),
  westCentralTaskForce: id('a0000004', 1),
  blackhawkTaskForce: id('a0000004', 2),
  lakeCountySheriff: id('a0000005', 1),
  dixonPolice: id('a0000005', 2),
  lombardPolice: id('a0000005', 3),
  peoriaPolice: id('a0000005', 4),
  quincyPolice: id('a0000005', 5),
  peoriaFire: id('a0000006', 1),
  rockfordFire: id('a0000006', 2),
  tasc: id('a0000007', 1),
  chestnutRecoveryCoaching: id('a0000007', 2),
  gatewayFoundation: id('a0000008', 1),
  rosecrance: id('a0000008', 2),
  centerstone: id('a0000008', 3),
  lakeCountyHealthDepartment: id('a0000008', 4),
  lakeCountyStatesAttorney: id('a0000009', 1),
  madisonCountyStatesAttorney: id('a0000009', 2),
  icjia: id('a000000a', 1),
} as const;

export const DEMO_PERSON = {
  trooperReyes: id('b0000001', 1),
  sergeantOkafor: id('b0000001', 2),
  agentNguyen: id('b0000001', 3),
  dopAdministrator: id('b0000001', 4),
  directorMarsh: id('b0000002', 1),
  inspectorPatel: id('b0000002', 2),
  commanderHolt: id('b0000002', 3),
  directorBaptiste: id('b0000002', 4),
  deputyLindqvist: id('b0000003', 1),
  officerDuarte: id('b0000003', 2),
  firefighterKowalski: id('b0000003', 3),
  sheriffSergeantBrooks: id('b0000003', 4),
  dixonSergeantOrtega: id('b0000003', 5),
  fireCaptainMbeki: id('b0000003', 6),
  recordsClerkHadley: id('b0000003', 7),
  uniformCrimeReportingPrice: id('b0000001', 5),
  /** Records staff who file the crisis and use-of-force returns of agencies with no other demo filer. */
  recordsTroop3: id('b0000008', 1),
  recordsTroop8: id('b0000008', 2),
  recordsLombard: id('b0000008', 3),
  recordsPeoria: id('b0000008', 4),
  recordsQuincy: id('b0000008', 5),
  caseManagerAbernathy: id('b0000004', 1),
  caseManagerOduya: id('b0000004', 2),
  counselorFitzgerald: id('b0000005', 1),
  counselorMoreau: id('b0000005', 2),
  counselorOkafor: id('b0000005', 3),
  analystSantiago: id('b0000006', 1),
  prosecutorWhitfield: id('b0000006', 2),
  directorLowry: id('b0000002', 5),
  directorCallahan: id('b0000002', 6),
  hubAdministrator: id('b0000007', 1),
  formerTrooperVance: id('b0000007', 2),
} as const;

/** Solution Action Plans of the demo, by unit (and version where a unit has several). */
export const DEMO_PLAN = {
  troop2v1: id('a1000001', 1),
  troop2v2: id('a1000001', 2),
  troop2DuPage: id('a1000001', 3),
  troop8: id('a1000001', 4),
  dciNorth: id('a1000001', 5),
  dciSouth: id('a1000001', 6),
  lakeCountySheriff: id('a1000002', 1),
  dixonPolice: id('a1000002', 2),
  lombardPolice: id('a1000002', 3),
  peoriaPolice: id('a1000002', 4),
  quincyPolice: id('a1000002', 5),
  peoriaFire: id('a1000002', 6),
  rockfordFire: id('a1000002', 7),
} as const;

/** Demo deflections (cases subgraph) and their people: treatment refers to them by these ids, as to real ones. */
export function demoDeflectionId(n: number): string {
  return id('c0000001', n);
}

export function demoParticipantId(index: number): string {
  return id('c0000002', index + 1);
}

/** Licensed provider sites of the demo (treatment subgraph), in the order the treatment seed lists them. */
export function demoProviderId(n: number): string {
  return id('d0000001', n);
}

/**
 * The year of demo history (see history.ts) has prefixes of its own, so its records never meet the fixtures that
 * tests name by id.
 */
export function demoHistoryDeflectionId(n: number): string {
  return id('c1000001', n);
}

export function demoHistoryParticipantId(n: number): string {
  return id('c1000002', n);
}

export function demoHistoryEpisodeId(n: number): string {
  return id('d1000001', n);
}

/** Fictional people deflected in the demo: given name, family name, date of birth. */
export const DEMO_PEOPLE: readonly [string, string, string][] = [
  ['Jordan', 'Avery', '1991-04-12'], ['Casey', 'Brennan', '1988-09-30'], ['Morgan', 'Delgado', '1979-01-22'], ['Riley', 'Foster', '1995-06-05'],
  ['Taylor', 'Gibbs', '2001-11-17'], ['Jamie', 'Huang', '1984-03-08'], ['Avery', 'Ibsen', '1990-12-24'], ['Drew', 'Jablonski', '1976-07-14'],
  ['Quinn', 'Kessler', '1999-02-28'], ['Skyler', 'Larkin', '1987-05-19'], ['Rowan', 'Mbeki', '1993-08-01'], ['Parker', 'Novak', '1982-10-10'],
  ['Hayden', 'Ortiz', '1997-04-03'], ['Emerson', 'Price', '1986-01-29'], ['Reese', 'Quintero', '1992-09-09'], ['Sage', 'Ramirez', '1980-06-21'],
  ['Dakota', 'Sorensen', '1998-03-15'], ['Finley', 'Tran', '1989-12-02'], ['Lennox', 'Ueda', '1994-07-27'], ['Marlowe', 'Vance', '1983-05-11'],
  ['Blair', 'Whitaker', '1996-10-31'],
];

export interface Persona {
  key: string;
  description: string;
  actor: Actor;
}

function persona(key: string, description: string, personId: string, agencyId: string, roles: Role[], actingFor: string | null = null): Persona {
  return { key, description, actor: { personId, agencyId, roles, actingFor } };
}

/** Who you can be in the demo: `npm run token -- <key>`. */
export const PERSONAS: Persona[] = [
  persona('officer', 'Trooper Daniel Reyes, ISP Division of Patrol, Troop 2', DEMO_PERSON.trooperReyes, DEMO_AGENCY.ispDopTroop2, ['OFFICER']),
  persona('supervisor', 'Sergeant Grace Okafor, ISP DOP Troop 2 supervisor', DEMO_PERSON.sergeantOkafor, DEMO_AGENCY.ispDopTroop2, ['OFFICER', 'SUPERVISOR']),
  persona('dci-agent', 'Special Agent Minh Nguyen, ISP DCI North Zone', DEMO_PERSON.agentNguyen, DEMO_AGENCY.ispDciNorthZone, ['OFFICER']),
  persona('meg-director', 'Director Elaine Marsh, Lake County MEG', DEMO_PERSON.directorMarsh, DEMO_AGENCY.lakeCountyMeg, ['MEG_DIRECTOR']),
  persona('meg-designee', 'Inspector Ravi Patel, designee of the Lake County MEG Director', DEMO_PERSON.inspectorPatel, DEMO_AGENCY.lakeCountyMeg, ['OFFICER', 'DESIGNEE'], DEMO_PERSON.directorMarsh),
  persona('task-force-commander', 'Commander Luke Holt, West Central Illinois Task Force', DEMO_PERSON.commanderHolt, DEMO_AGENCY.westCentralTaskForce, ['TASK_FORCE_COMMANDER']),
  persona('local-officer', 'Deputy Anna Lindqvist, Lake County Sheriff', DEMO_PERSON.deputyLindqvist, DEMO_AGENCY.lakeCountySheriff, ['OFFICER']),
  persona('local-supervisor', 'Sergeant Maya Brooks, Lake County Sheriff supervisor', DEMO_PERSON.sheriffSergeantBrooks, DEMO_AGENCY.lakeCountySheriff, ['OFFICER', 'SUPERVISOR']),
  persona('firefighter', 'Firefighter/Paramedic Tom Kowalski, Peoria Fire Department', DEMO_PERSON.firefighterKowalski, DEMO_AGENCY.peoriaFire, ['OFFICER']),
  persona('case-manager', 'Deflection Case Manager Joy Abernathy, TASC', DEMO_PERSON.caseManagerAbernathy, DEMO_AGENCY.tasc, ['CASE_MANAGER']),
  persona('provider', 'Counselor Sean Fitzgerald, Gateway Foundation', DEMO_PERSON.counselorFitzgerald, DEMO_AGENCY.gatewayFoundation, ['PROVIDER_STAFF']),
  persona('prosecutor', "Assistant State's Attorney Nora Whitfield, Lake County", DEMO_PERSON.prosecutorWhitfield, DEMO_AGENCY.lakeCountyStatesAttorney, ['PROSECUTOR']),
  persona('analyst', 'Research analyst Marisol Santiago, ICJIA', DEMO_PERSON.analystSantiago, DEMO_AGENCY.icjia, ['ANALYST']),
  persona('agency-admin', 'Lt. Chris Boone, ISP Division of Patrol administrator', DEMO_PERSON.dopAdministrator, DEMO_AGENCY.ispDop, ['ADMINISTRATOR']),
  persona('records-staff', 'Records clerk Jo Hadley, Lake County Sheriff', DEMO_PERSON.recordsClerkHadley, DEMO_AGENCY.lakeCountySheriff, ['RECORDS_STAFF']),
  persona('isp-reporting', 'Crime reporting analyst Dana Price, Illinois State Police', DEMO_PERSON.uniformCrimeReportingPrice, DEMO_AGENCY.ispDop, ['STATE_REPORTING_STAFF']),
  persona('hub-admin', 'Pat Kim, hub administrator', DEMO_PERSON.hubAdministrator, DEMO_AGENCY.icjia, ['HUB_ADMINISTRATOR']),
];

export function findPersona(key: string): Persona | undefined {
  return PERSONAS.find((p) => p.key === key);
}
