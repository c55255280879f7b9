import { DEMO_AGENCY as A, DEMO_PERSON as P, recordEvent } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Deflection, type DeflectionStatus, type Pathway } from '../entities/deflection.entity.js';

export function demoDeflectionId(n: number): string {
  return `c0000001-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

type Row = [unit: string, countsFor: string | null, cmo: string, county: string, pathway: Pathway, status: DeflectionStatus, createdBy: string];

const TROOP_2: Row = [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'OFFICER_INTERVENTION', 'ACTIVE', P.trooperReyes];

/** A spread of pathways, units and states; enough deflections count for Lake County MEG to show unsuppressed statistics. */
const ROWS: Row[] = [
  TROOP_2,
  [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'OFFICER_PREVENTION', 'ACTIVE', P.trooperReyes],
  [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'SELF_REFERRAL', 'SUCCESSFUL', P.trooperReyes],
  [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'NALOXONE_PLUS', 'ACTIVE', P.sergeantOkafor],
  [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'ACTIVE_OUTREACH', 'WITHDRAWN', P.sergeantOkafor],
  [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'PRE_ARREST_DIVERSION', 'UNSUCCESSFUL', P.trooperReyes],
  [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'OFFICER_INTERVENTION', 'SUCCESSFUL', P.trooperReyes],
  [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'OFFICER_INTERVENTION', 'PENDING_APPROVAL', P.trooperReyes],
  [A.ispDopTroop2, A.lakeCountyMeg, A.tasc, 'Lake', 'OFFICER_INTERVENTION', 'DECLINED', P.trooperReyes],
  [A.ispDciNorthZone, A.lakeCountyMeg, A.tasc, 'Lake', 'OFFICER_INTERVENTION', 'ACTIVE', P.agentNguyen],
  [A.ispDciNorthZone, A.lakeCountyMeg, A.tasc, 'Lake', 'PRE_ARREST_DIVERSION', 'ACTIVE', P.agentNguyen],
  [A.ispDciNorthZone, A.lakeCountyMeg, A.tasc, 'McHenry', 'SELF_REFERRAL', 'SUCCESSFUL', P.agentNguyen],
  [A.ispDciNorthZone, A.lakeCountyMeg, A.tasc, 'Lake', 'ACTIVE_OUTREACH', 'PENDING_APPROVAL', P.agentNguyen],
  [A.ispDopTroop2, A.duPageMeg, A.tasc, 'DuPage', 'OFFICER_PREVENTION', 'ACTIVE', P.trooperReyes],
  [A.lakeCountySheriff, null, A.tasc, 'Lake', 'SELF_REFERRAL', 'ACTIVE', P.deputyLindqvist],
  [A.lakeCountySheriff, null, A.tasc, 'Lake', 'NALOXONE_PLUS', 'SUCCESSFUL', P.deputyLindqvist],
  [A.lakeCountySheriff, null, A.tasc, 'Lake', 'OFFICER_INTERVENTION', 'UNSUCCESSFUL', P.deputyLindqvist],
  [A.dixonPolice, null, A.tasc, 'Lee', 'SELF_REFERRAL', 'SUCCESSFUL', P.officerDuarte],
  [A.dixonPolice, null, A.tasc, 'Lee', 'ACTIVE_OUTREACH', 'ACTIVE', P.officerDuarte],
  [A.peoriaFire, null, A.tasc, 'Peoria', 'NALOXONE_PLUS', 'ACTIVE', P.firefighterKowalski],
  [A.peoriaFire, null, A.tasc, 'Peoria', 'OFFICER_PREVENTION', 'WITHDRAWN', P.firefighterKowalski],
  [A.ispDciSouthZone, A.southernIllinoisEnforcementGroup, A.chestnutRecoveryCoaching, 'Jackson', 'OFFICER_INTERVENTION', 'ACTIVE', P.agentNguyen],
];

export async function seedCases(em: EntityManager): Promise<void> {
  const base = Date.parse('2026-06-01T15:00:00Z');
  ROWS.forEach(([initiatingUnitId, countsForId, caseManagementOrganizationId, county, pathway, status, createdById], index) => {
    const n = index + 1;
    const referredAt = new Date(base + index * 5 * 86_400_000);
    const deflection = em.create(Deflection, {
      id: demoDeflectionId(n),
      referenceNumber: `DFL-2026-${String(n).padStart(6, '0')}`,
      pathway,
      status,
      initiatingUnitId,
      countsForId,
      caseManagementOrganizationId,
      county,
      referredAt,
      createdById,
    });
    recordEvent(em, {
      type: 'deflection.referred',
      deflectionId: deflection.id,
      pathway,
      status,
      initiatingUnitId,
      countsForId,
      county,
      referredAt: referredAt.toISOString(),
    });
  });
  await em.flush();
}

export async function hasCases(em: EntityManager): Promise<boolean> {
  return (await em.count(Deflection, {})) > 0;
}
