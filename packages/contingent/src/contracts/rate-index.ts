import type { WorkTypeRate } from "./cooperation-terms.js";

const rateIndexes = new WeakMap<readonly WorkTypeRate[], ReadonlyMap<string, number>>();

/** Position of each work type in an agreement's rate list, built once per (immutable) list. */
export function rateIndex(rates: readonly WorkTypeRate[]): ReadonlyMap<string, number> {
  let index = rateIndexes.get(rates);
  if (index === undefined) {
    index = new Map(rates.map((rate, i) => [rate.workType, i]));
    rateIndexes.set(rates, index);
  }
  return index;
}
