import { TREATMENT_SERVICES } from '@hub/platform/domain';
import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export { TREATMENT_SERVICES, type TreatmentService } from '@hub/platform/domain';

export const LEVELS_OF_CARE = ['EARLY_INTERVENTION', 'OUTPATIENT', 'INTENSIVE_OUTPATIENT', 'PARTIAL_HOSPITALIZATION', 'RESIDENTIAL', 'MEDICALLY_MANAGED_INPATIENT'] as const;
export type LevelOfCare = (typeof LEVELS_OF_CARE)[number];

export const LICENSE_STATUSES = ['ACTIVE', 'PROVISIONAL', 'SUSPENDED', 'EXPIRED'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

/** A licensed substance-use treatment provider site (TRT-1). */
const ProviderSchema = defineEntity({
  name: 'Provider',
  tableName: 'provider',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(200),
    organizationId: p.uuid().nullable(),
    licenseNumber: p.string().length(40).unique(),
    licenseStatus: p.enum(LICENSE_STATUSES),
    licenseExpiresOn: p.date(),
    countiesServed: p.array().default([]),
    services: p.enum(TREATMENT_SERVICES).array().default([]),
    languages: p.array().default([]),
    paymentAccepted: p.array().default([]),
    levelsOfCare: p.enum(LEVELS_OF_CARE).array().default([]),
    /** When the provider last reported its open slots (TRT-1); it also moves the provider's version. */
    capacityReportedAt: p.datetime().nullable(),
    version: p.integer().version(),
  },
});

export class Provider extends ProviderSchema.class {}
ProviderSchema.setClass(Provider);
export { ProviderSchema };
