import { ProviderSchema } from './provider.entity.js';
import { ServiceCapacitySchema } from './service-capacity.entity.js';

export const entities = [ProviderSchema, ServiceCapacitySchema];
