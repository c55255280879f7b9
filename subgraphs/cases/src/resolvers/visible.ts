import { forbidden, requireActor } from '@hub/platform';
import type { Context } from '../context.js';
import type { Deflection } from '../entities/deflection.entity.js';
import { canSee } from '../rules/visibility.js';

/** Not found and not allowed answer the same, so nobody learns that another unit's deflection exists. */
export async function visibleDeflection(context: Context, id: string): Promise<Deflection> {
  const actor = requireActor(context);
  const deflection = await context.loaders.deflection.load(id);
  if (!deflection || !canSee(actor, deflection)) throw forbidden();
  return deflection;
}
