import { DEMO_AGENCY as A } from '@hub/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Provider, type LicenseStatus, type TreatmentService } from '../entities/provider.entity.js';
import { ServiceCapacity } from '../entities/service-capacity.entity.js';

export function demoProviderId(n: number): string {
  return `d0000001-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

type Row = [name: string, organizationId: string, license: string, status: LicenseStatus, counties: string[], languages: string[], slots: [TreatmentService, number][]];

const ROWS: Row[] = [
  ['Gateway Foundation, Lake Villa', A.gatewayFoundation, 'IL-SUD-200101', 'ACTIVE', ['Lake', 'McHenry'], ['English', 'Spanish'], [['SUD_RESIDENTIAL', 6], ['WITHDRAWAL_MANAGEMENT', 2], ['SUD_OUTPATIENT', 12]]],
  ['Gateway Foundation, Chicago West', A.gatewayFoundation, 'IL-SUD-200102', 'ACTIVE', ['Cook', 'DuPage'], ['English', 'Spanish'], [['SUD_OUTPATIENT', 20], ['MEDICATION_FOR_OPIOID_USE_DISORDER', 8]]],
  ['Lake County Health Department, Behavioral Health', A.lakeCountyHealthDepartment, 'IL-SUD-200201', 'ACTIVE', ['Lake'], ['English', 'Spanish'], [['MEDICATION_FOR_OPIOID_USE_DISORDER', 9], ['MENTAL_HEALTH', 4], ['SUD_OUTPATIENT', 0]]],
  ['Rosecrance Harrison Campus', A.rosecrance, 'IL-SUD-200301', 'ACTIVE', ['Winnebago', 'Lee', 'Ogle'], ['English'], [['SUD_RESIDENTIAL', 3], ['WITHDRAWAL_MANAGEMENT', 1]]],
  ['Rosecrance Peoria', A.rosecrance, 'IL-SUD-200302', 'PROVISIONAL', ['Peoria', 'Tazewell'], ['English'], [['SUD_OUTPATIENT', 5], ['PEER_SUPPORT', 10]]],
  ['Centerstone Carbondale', A.centerstone, 'IL-SUD-200401', 'ACTIVE', ['Jackson', 'Williamson', 'Franklin'], ['English'], [['SUD_OUTPATIENT', 7], ['RECOVERY_HOUSING', 2]]],
  ['Centerstone Alton', A.centerstone, 'IL-SUD-200402', 'SUSPENDED', ['Madison'], ['English'], [['SUD_OUTPATIENT', 15]]],
];

export async function seedTreatment(em: EntityManager): Promise<void> {
  ROWS.forEach(([name, organizationId, licenseNumber, licenseStatus, countiesServed, languages, slots], index) => {
    const provider = em.create(Provider, {
      id: demoProviderId(index + 1),
      name,
      organizationId,
      licenseNumber,
      licenseStatus,
      licenseExpiresOn: '2027-12-31',
      countiesServed,
      services: slots.map(([service]) => service),
      languages,
      paymentAccepted: ['Medicaid', 'Private insurance', 'Sliding scale'],
    });
    for (const [service, openSlots] of slots) em.create(ServiceCapacity, { providerId: provider.id, service, openSlots });
  });
  await em.flush();
}

export async function hasTreatment(em: EntityManager): Promise<boolean> {
  return (await em.count(Provider, {})) > 0;
}
