import type { SeatEvent, SeatHistory } from "../history/seat-event.js";

/*
 * The order of the fold's steps (S10): by instant, then rank at that instant, then product, then
 * user or purchase order, then event id — never the input order (equal steps keep slot order).
 *
 * `compareSlots` is that order written out; `orderSlots` produces the same permutation faster:
 * instant, rank and product become one integer per slot, sorted by the engine's native numeric
 * sort, and only the slots that tie on all three (a handful that share a second) are compared as
 * strings. Comparing strings of scattered events across a 100,000-step sort cost more than the
 * rest of the evaluation together. A property test checks both give the same order.
 */

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The product an event concerns ("" for purchase-order events, whose lines may name several). */
export function productOf(event: SeatEvent): string {
  return event.type === "purchase-order-placed" || event.type === "purchase-order-paid" ? "" : event.productId;
}

/** The second tie-breaker: the user of assignment events, the purchase order of PO events. */
function keyOf(event: SeatEvent): string {
  switch (event.type) {
    case "user-assigned":
    case "user-unassigned":
      return event.userId;
    case "purchase-order-placed":
    case "purchase-order-paid":
      return event.poId;
    default:
      return "";
  }
}

/** Ties after product: user or purchase order, then event id. */
function compareKeyAndId(a: SeatEvent, b: SeatEvent): number {
  return compareCodeUnits(keyOf(a), keyOf(b)) || compareCodeUnits(a.id, b.id);
}

/** Steps at the same instant and rank: product, then user or purchase order, then event id. */
export function compareEventsAtSameRank(a: SeatEvent, b: SeatEvent): number {
  return compareCodeUnits(productOf(a), productOf(b)) || compareKeyAndId(a, b);
}

/** The step order as a comparator of slots (the reference for {@link orderSlots}). */
export function compareSlots(
  history: SeatHistory,
  ms: Float64Array,
  rank: Uint8Array,
  ref: Int32Array,
): (a: number, b: number) => number {
  return (a, b) =>
    (ms[a] as number) - (ms[b] as number) ||
    (rank[a] as number) - (rank[b] as number) ||
    compareEventsAtSameRank(history[ref[a] as number] as SeatEvent, history[ref[b] as number] as SeatEvent);
}

/** Instants in ms up to this magnitude leave room for 16 ranks in an exact integer (year ±19,000). */
const MAX_PACKED_MS = 2 ** 48;
const RANKS = 16;

/** Each slot's product as an index into `names` (what {@link productOf} gives for its event). */
export interface SlotProducts {
  readonly products: Int32Array;
  readonly names: readonly string[];
}

/**
 * The slots `0 … n−1` sorted by {@link compareSlots} (stable). `rank` values must be below 16.
 * `known` saves reading every event again when the caller already has each slot's product.
 */
export function orderSlots(
  history: SeatHistory,
  ms: Float64Array,
  rank: Uint8Array,
  ref: Int32Array,
  known?: SlotProducts,
): number[] {
  const n = ms.length;
  const order = new Array<number>(n);
  // Instant and rank as one integer per slot; anything unusual takes the plain comparator.
  const keys = new Float64Array(n);
  let plain = false;
  for (let slot = 0; slot < n; slot++) {
    const at = ms[slot] as number;
    const r = rank[slot] as number;
    if (!Number.isInteger(at) || Math.abs(at) >= MAX_PACKED_MS || r >= RANKS) plain = true;
    keys[slot] = at * RANKS + r;
    order[slot] = slot;
  }
  // Products by code-unit order as small integers.
  const productIndex = new Map<string, number>();
  let products: Int32Array;
  if (known === undefined) {
    products = new Int32Array(n);
    for (let slot = 0; slot < n && !plain; slot++) {
      const product = productOf(history[ref[slot] as number] as SeatEvent);
      if (typeof product !== "string") {
        plain = true; // not a SeatHistory after all: the comparator handles it as before
        break;
      }
      let index = productIndex.get(product);
      if (index === undefined) {
        index = productIndex.size;
        productIndex.set(product, index);
      }
      products[slot] = index;
    }
  } else {
    products = known.products;
    for (const name of known.names) {
      if (typeof name !== "string") plain = true;
      productIndex.set(name, productIndex.size);
    }
  }
  const productCount = productIndex.size;
  // Distinct keys in order, so that each slot's key becomes a dense ordinal.
  const distinct = keys.slice().sort();
  let count = 0;
  for (let i = 0; i < n; i++) {
    const key = distinct[i] as number;
    if (count === 0 || key !== distinct[count - 1]) distinct[count++] = key;
  }
  if (plain || count * Math.max(1, productCount) * n >= Number.MAX_SAFE_INTEGER) {
    return order.sort(compareSlots(history, ms, rank, ref));
  }
  const productRank = new Int32Array(productCount);
  [...productIndex.keys()].sort(compareCodeUnits).forEach((product, sorted) => {
    productRank[productIndex.get(product) as number] = sorted;
  });
  // One exact integer per slot: (key ordinal, product) major, slot minor; a native sort orders them.
  const packed = new Float64Array(n);
  for (let slot = 0; slot < n; slot++) {
    const key = keys[slot] as number;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((distinct[mid] as number) < key) low = mid + 1;
      else high = mid;
    }
    packed[slot] = (low * productCount + (productRank[products[slot] as number] as number)) * n + slot;
  }
  packed.sort();
  for (let i = 0; i < n; i++) order[i] = (packed[i] as number) % n;
  // Runs that tie on instant, rank and product: order them by user or purchase order, then id.
  let start = 0;
  while (start < n) {
    // packed − slot is (key ordinal, product) × n: equal within a run.
    const group = (packed[start] as number) - (order[start] as number);
    let end = start + 1;
    while (end < n && (packed[end] as number) - (order[end] as number) === group) end++;
    if (end - start > 1) sortRun(order, start, end, history, ref);
    start = end;
  }
  return order;
}

// Scratch space of sortRun, reused between runs and calls (never visible outside one call).
const runEvents: SeatEvent[] = [];
const runKeys: string[] = [];
const runSlots: number[] = [];
const positions: number[] = [];

function compareRun(a: number, b: number): number {
  return (
    compareCodeUnits(runKeys[a] as string, runKeys[b] as string) ||
    compareCodeUnits((runEvents[a] as SeatEvent).id, (runEvents[b] as SeatEvent).id)
  );
}

/** Stable sort of `order[start … end)` by {@link compareKeyAndId}. */
function sortRun(order: number[], start: number, end: number, history: SeatHistory, ref: Int32Array): void {
  const length = end - start;
  // Each event read once: its key (user or purchase order) beside its slot.
  for (let i = 0; i < length; i++) {
    const slot = order[start + i] as number;
    const event = history[ref[slot] as number] as SeatEvent;
    runEvents[i] = event;
    runKeys[i] = keyOf(event);
    runSlots[i] = slot;
    positions[i] = i;
  }
  if (length <= 16) {
    // Insertion sort: stable, and the fastest for the few steps that share an instant.
    for (let i = 1; i < length; i++) {
      const current = positions[i] as number;
      let j = i - 1;
      while (j >= 0 && compareRun(positions[j] as number, current) > 0) {
        positions[j + 1] = positions[j] as number;
        j--;
      }
      positions[j + 1] = current;
    }
    for (let i = 0; i < length; i++) order[start + i] = runSlots[positions[i] as number] as number;
  } else {
    const sorted = positions.slice(0, length).sort(compareRun);
    for (let i = 0; i < length; i++) order[start + i] = runSlots[sorted[i] as number] as number;
  }
  // Drop the references to events, so the scratch space keeps no history alive.
  runEvents.length = 0;
  runKeys.length = 0;
}
