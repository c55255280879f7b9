/**
 * Disclosure control for every statistic reporting publishes (FB-3). Three rules, as national statistics offices
 * apply them to tables of people:
 *
 * - Primary suppression: a count from 1 to the threshold minus one is withheld, and so is any rate, share, median
 *   or percentile computed on fewer people than the threshold. Zero is shown: it identifies nobody. The default of
 *   11 follows the common public-health cell-size rule.
 * - The cell-key method against differencing (as the Australian Bureau of Statistics' TableBuilder and the UK's
 *   2021 census tables use it): every record carries a random key (0–255) fixed when it is created; a cell's key is
 *   the sum of its records' keys modulo 256, and a published count is the true count plus a small perturbation
 *   looked up from the cell's key. The same records always give the same answer, so asking again cannot average
 *   the noise away, and two overlapping queries whose difference is a few people differ by an amount that does not
 *   reveal them.
 * - Complementary suppression: where a table shows totals, a line (a row or a column with its total) with exactly
 *   one withheld cell has its next smallest cell withheld too, or its total when there is none, so the withheld cell
 *   cannot be recovered by subtraction.
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 11;

export type SuppressionReason = 'SMALL_COUNT' | 'SMALL_BASE' | 'COMPLEMENTARY';

export interface Disclosed {
  value: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
}

/**
 * The perturbation for a cell key: −2 to +2, with zero most likely (the probabilities 0.1, 0.2, 0.4, 0.2, 0.1 of a
 * symmetric p-table, so counts stay unbiased). `salt` gives each measure of one cell its own draw.
 */
export function perturbation(cellKey: number, salt = 0): number {
  const key = (((cellKey + salt * 97) % 256) + 256) % 256;
  if (key < 26) return -2;
  if (key < 77) return -1;
  if (key < 179) return 0;
  if (key < 230) return 1;
  return 2;
}

/** The cell key of records whose keys sum to `keySum`. */
export function cellKey(keySum: number): number {
  return ((keySum % 256) + 256) % 256;
}

/**
 * A count as published: zero as it is, 1 up to the threshold withheld, anything larger perturbed by its cell key
 * and never pushed below the threshold (a published count between 1 and the threshold would look like a small cell).
 */
export function discloseCount(count: number, keySum: number, threshold: number, salt = 0): Disclosed {
  if (count === 0) return { value: 0, suppressed: false, reason: null };
  if (count < threshold) return { value: null, suppressed: true, reason: 'SMALL_COUNT' };
  return { value: Math.max(threshold, count + perturbation(cellKey(keySum), salt)), suppressed: false, reason: null };
}

/**
 * A rate or share: withheld when its base has fewer people than the threshold; otherwise the perturbed numerator
 * (by the measure's own salt) over the perturbed denominator, so neither can be recovered exactly from it.
 */
export function discloseRate(
  numerator: { count: number; keySum: number },
  denominator: { count: number; keySum: number; people: number },
  threshold: number,
  salt = 0,
): Disclosed {
  if (denominator.people < threshold || denominator.count === 0) return { value: null, suppressed: true, reason: 'SMALL_BASE' };
  // The base is perturbed as its own count would be (salt 0), so several shares over one base show one perturbed base.
  const den = Math.max(threshold, denominator.count + perturbation(cellKey(denominator.keySum)));
  const num = numerator.count === 0 ? 0 : Math.max(0, Math.min(den, numerator.count + perturbation(cellKey(numerator.keySum), salt + 1)));
  return { value: num / den, suppressed: false, reason: null };
}

/** A median or percentile: withheld when computed on fewer people than the threshold. */
export function discloseStatistic(value: number | null, people: number, threshold: number): Disclosed {
  if (value === null || people < threshold) return { value: null, suppressed: true, reason: 'SMALL_BASE' };
  return { value, suppressed: false, reason: null };
}

/** One line of a table for complementary suppression: its cells' true counts and disclosures, and its total's. */
export interface Line {
  cells: { count: number; disclosed: Disclosed }[];
  total: { count: number; disclosed: Disclosed } | null;
}

/**
 * Complementary suppression over every line, repeated until no line changes (withholding a cell in one line can
 * expose another): while a line's total is shown and its withheld cells could be recovered by subtraction — one
 * withheld cell, or several that together hold fewer people than the threshold — its smallest other non-zero cell
 * is withheld, or its total when it has none. Mutates the disclosures it is given.
 */
export function suppressComplements(lines: readonly Line[], threshold: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (!line.total || line.total.disclosed.suppressed) continue;
      const withheld = line.cells.filter((c) => c.disclosed.suppressed);
      const together = withheld.reduce((sum, c) => sum + c.count, 0);
      if (withheld.length === 0 || (withheld.length > 1 && together >= threshold)) continue;
      const candidates = line.cells.filter((c) => !c.disclosed.suppressed && c.count > 0).sort((a, b) => a.count - b.count);
      const next = candidates[0] ?? line.total;
      next.disclosed.value = null;
      next.disclosed.suppressed = true;
      next.disclosed.reason = 'COMPLEMENTARY';
      changed = true;
    }
  }
}
