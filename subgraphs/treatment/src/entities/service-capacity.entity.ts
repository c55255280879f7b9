import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { TREATMENT_SERVICES } from './provider.entity.js';

/** Open slots for one service at one provider, as the provider last reported them. */
const ServiceCapacitySchema = defineEntity({
  name: 'ServiceCapacity',
  tableName: 'service_capacity',
  uniques: [{ properties: ['providerId', 'service'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    providerId: p.uuid().index(),
    service: p.enum(TREATMENT_SERVICES),
    openSlots: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class ServiceCapacity extends ServiceCapacitySchema.class {}
ServiceCapacitySchema.setClass(ServiceCapacity);
export { ServiceCapacitySchema };
