import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Provider, TREATMENT_SERVICES } from './provider.entity.js';

/** Open slots for one service at one provider, as the provider last reported them. */
const ServiceCapacitySchema = defineEntity({
  name: 'ServiceCapacity',
  tableName: 'service_capacity',
  uniques: [{ properties: ['provider', 'service'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    provider: () => p.manyToOne(Provider).ref().index(),
    service: p.enum(TREATMENT_SERVICES),
    openSlots: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class ServiceCapacity extends ServiceCapacitySchema.class {}
ServiceCapacitySchema.setClass(ServiceCapacity);
export { ServiceCapacitySchema };
