import type { Command } from '@hub/platform/db';
import { forbidden, Violations } from '@hub/platform/errors';
import { LockMode } from '@mikro-orm/core';
import { Provider } from '../entities/provider.entity.js';
import { ServiceCapacity } from '../entities/service-capacity.entity.js';
import type { UpdateCapacityInput } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';

/** TRT-1: a provider reports its open slots; each service's row keeps the time of the last update. */
export async function updateCapacity(cmd: Command, input: UpdateCapacityInput): Promise<Provider> {
  const provider = await cmd.em.findOne(Provider, { id: input.providerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!provider) throw forbidden();
  assertCan(cmd.actor, 'capacity:update', provider);
  const v = new Violations();
  v.check(input.capacity.length > 0, 'input.capacity', 'required', 'Report at least one service.');
  input.capacity.forEach((row, i) => {
    v.check(Number.isInteger(row.openSlots) && row.openSlots >= 0 && row.openSlots <= 10_000, `input.capacity[${i}].openSlots`, 'range', 'openSlots must be a whole number from 0 to 10,000.');
    v.check(provider.services.includes(row.service), `input.capacity[${i}].service`, 'service-offered', `${provider.name} does not offer ${row.service}.`);
  });
  v.check(new Set(input.capacity.map((r) => r.service)).size === input.capacity.length, 'input.capacity', 'unique', 'A service is listed twice.');
  v.throwIfAny();
  const existing = new Map((await cmd.em.find(ServiceCapacity, { provider })).map((row) => [row.service, row]));
  for (const row of input.capacity) {
    const current = existing.get(row.service);
    if (current) {
      current.openSlots = row.openSlots;
      current.updatedAt = cmd.now;
    } else {
      cmd.em.create(ServiceCapacity, { provider, service: row.service, openSlots: row.openSlots, updatedAt: cmd.now });
    }
  }
  provider.capacityReportedAt = cmd.now;
  await cmd.em.flush();
  return provider;
}
