/** Anything with a work date `"YYYY-MM-DD"`, compared as a string like everywhere in the package. */
interface Dated {
  readonly workDate: string;
}

/**
 * Merges the ascending runs `source[lo, mid)` and `source[mid, hi)` into `target[lo, hi)`; on equal
 * dates the left run's item comes first, which keeps the sort stable.
 */
function mergeRuns<T extends Dated>(source: readonly T[], target: T[], lo: number, mid: number, hi: number): void {
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) {
    const left = source[i] as T;
    const right = source[j] as T;
    if (right.workDate < left.workDate) {
      target[k++] = right;
      j++;
    } else {
      target[k++] = left;
      i++;
    }
  }
  while (i < mid) target[k++] = source[i++] as T;
  while (j < hi) target[k++] = source[j++] as T;
}

/**
 * `items` stably sorted by work date, as a new array; `items` stays as it is (C8: entries of one
 * day keep their recording order). A natural merge sort: the ascending runs the items arrive in
 * are merged pairwise, so n items in r runs take O(n log r) string comparisons — O(n) for entries
 * recorded in order or in a few batches, the usual case at month close, where a general sort
 * would compare O(n log n) times. Comparing the strings themselves orders any work date exactly
 * like `Array.prototype.sort` with `<` does, well-formed or not.
 *
 * `ascending` says how many leading items a caller already found in order (it saves rereading them).
 */
export function sortedByWorkDate<T extends Dated>(items: readonly T[], ascending = 1): T[] {
  // Where the second run starts, and whether there is a third: one merge covers the common case.
  let second = -1;
  let more = false;
  for (let i = Math.max(ascending, 1); i < items.length; i++) {
    if ((items[i] as T).workDate < (items[i - 1] as T).workDate) {
      if (second >= 0) {
        more = true;
        break;
      }
      second = i;
    }
  }
  const target = items.slice();
  if (second < 0) return target;
  if (!more) {
    mergeRuns(items, target, 0, second, items.length);
    return target;
  }
  return mergeAllRuns(items, target);
}

/** {@link sortedByWorkDate} for three or more runs: adjacent runs merged pairwise, pass by pass; `first`, a copy of `items`, takes the first pass. */
function mergeAllRuns<T extends Dated>(items: readonly T[], first: T[]): T[] {
  // bounds[k] is where run k starts; the last bound is the length.
  let bounds: number[] = [0];
  for (let i = 1; i < items.length; i++) {
    if ((items[i] as T).workDate < (items[i - 1] as T).workDate) bounds.push(i);
  }
  bounds.push(items.length);
  let source: readonly T[] = items;
  let target = first;
  for (;;) {
    const merged: number[] = [0];
    for (let k = 0; k + 1 < bounds.length; k += 2) {
      const lo = bounds[k] as number;
      const mid = bounds[k + 1] as number;
      const hi = k + 2 < bounds.length ? (bounds[k + 2] as number) : mid;
      mergeRuns(source, target, lo, mid, hi);
      merged.push(hi);
    }
    bounds = merged;
    if (bounds.length <= 2) return target;
    // The next pass reads what this one wrote and overwrites the previous source, never `items`.
    const written = target;
    target = source === items ? items.slice() : (source as T[]);
    source = written;
  }
}
