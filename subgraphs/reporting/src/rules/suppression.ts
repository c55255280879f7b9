import type { SuppressibleCountModel } from '../models.js';

/**
 * FB-3: small counts can identify people, so any count from 1 up to the threshold minus one is withheld.
 * Zero is shown: it identifies nobody. The default of 11 follows the common public-health cell-size rule.
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 11;

export function suppress(count: number, threshold: number): SuppressibleCountModel {
  if (count > 0 && count < threshold) return { value: null, suppressed: true };
  return { value: count, suppressed: false };
}
