import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SeatEvent, SeatHistory } from "../history/seat-event.js";
import { HISTORY_START_MS, actionsArbitrary, historyFromActions } from "../testing/random-history.js";
import { unwrap } from "../testing/unwrap.js";
import { evaluateSeats } from "./evaluate-seats.js";
import type { SeatEvaluation } from "./seat-evaluation.js";

const DAY_MS = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
/** Evaluate up to day 100: the windows of POs placed in the first 40 days have closed by then. */
const END_MS = HISTORY_START_MS + 100 * DAY_MS;
// Each run evaluates a history up to 100 times; a shared, loaded machine must not make them flaky.
const PROPERTY_TIMEOUT_MS = 30_000;

describe("S10 properties over random 90-day histories", () => {
  it("S10: evaluating daily (mailsAfter = previous run) yields every mail id exactly once, the same set as one evaluation at the end", () => {
    fc.assert(
      fc.property(actionsArbitrary, (actions) => {
        const history = historyFromActions(actions);
        const once = unwrap(evaluateSeats(history, { asOf: iso(END_MS) })).mails.map((mail) => mail.id);
        const daily: string[] = [];
        for (let day = 0, previous = Number.NEGATIVE_INFINITY; day <= 100; day++) {
          const asOf = HISTORY_START_MS + day * DAY_MS;
          const options = previous === Number.NEGATIVE_INFINITY ? { asOf: iso(asOf) } : { asOf: iso(asOf), mailsAfter: iso(previous) };
          daily.push(...unwrap(evaluateSeats(history, options)).mails.map((mail) => mail.id));
          previous = asOf;
        }
        expect(new Set(daily).size).toBe(daily.length);
        expect([...daily].sort()).toEqual([...once].sort());
        expect(new Set(once).size).toBe(once.length);
      }),
      { numRuns: 40 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("S10: without mailsAfter, every later evaluation contains all mail ids of earlier ones (hourly runs can dedupe by id)", () => {
    fc.assert(
      fc.property(actionsArbitrary, fc.array(fc.integer({ min: 0, max: 100 * 24 }), { minLength: 2, maxLength: 8 }), (actions, hours) => {
        const history = historyFromActions(actions);
        let seen = new Set<string>();
        for (const hour of [...hours].sort((a, b) => a - b)) {
          const ids = new Set(unwrap(evaluateSeats(history, { asOf: iso(HISTORY_START_MS + hour * 3_600_000) })).mails.map((mail) => mail.id));
          for (const id of seen) expect(ids.has(id)).toBe(true);
          seen = ids;
        }
      }),
      { numRuns: 40 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("S6/S3: after every accepted command, used − available = deficit = length of the must-be-paid list, and counts add up", () => {
    fc.assert(
      fc.property(actionsArbitrary, (actions) => {
        historyFromActions(actions, ({ evaluation }) => {
          expectConsistent(evaluation);
        });
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("S6/S3: the same holds for daily evaluations of the finished history", () => {
    fc.assert(
      fc.property(actionsArbitrary, (actions) => {
        const history = historyFromActions(actions);
        for (let day = 0; day <= 100; day += 3) {
          expectConsistent(unwrap(evaluateSeats(history, { asOf: iso(HISTORY_START_MS + day * DAY_MS), includeMails: false })));
        }
      }),
      { numRuns: 40 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

function expectConsistent(evaluation: SeatEvaluation): void {
  for (const product of evaluation.products) {
    expect(product.deficit).toBe(Math.max(0, product.used - product.available));
    if (product.used >= product.available) expect(product.used - product.available).toBe(product.deficit);
    expect(product.mustBePaidUsers).toHaveLength(product.deficit);
    expect(product.used).toBeLessThanOrEqual(product.available + product.unpaidInWindow);
    expect(product.mustBePaid).toBe(product.unpaidInWindow + product.suspended);
    expect(product.noAccessUsers).toHaveLength(product.noAccess);
    // The list is in assignment order (S6/S7: first in the list = first to move onto a license).
    const assigned = product.mustBePaidUsers.map((user) => user.assignedAt);
    expect(assigned).toEqual([...assigned].sort());
  }
  const unpaidLines = evaluation.notices.filter((notice) => notice.kind === "payment-required");
  for (const notice of unpaidLines) {
    const product = evaluation.products.find((candidate) => candidate.productId === notice.productId);
    expect(notice.mustBePaidUsers).toBe(product?.deficit);
  }
  expect(evaluation.flags.purchaseOrdersBlocked).toBe(evaluation.purchaseOrders.some((order) => order.state === "suspended"));
}

describe("ties on the assignment instant (S6, S10)", () => {
  const instants = ["2026-03-02T09:00:00Z", "2026-03-02T09:00:00.000+00:00", "2026-03-02T10:00:00+01:00", "2026-03-03T08:00:00Z"];

  /** 2 paid + a PO for `unpaid` licenses, then users assigned at few distinct instants. */
  const tiedHistory = fc
    .record({
      paid: fc.integer({ min: 0, max: 4 }),
      unpaid: fc.integer({ min: 1, max: 6 }),
      times: fc.array(fc.constantFrom(...instants), { minLength: 1, maxLength: 10 }),
      // Sometimes more users than licenses: then which assignment is refused depends on the tie-break.
      extra: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ paid, unpaid, times, extra }) => {
      const users = times.slice(0, paid + unpaid + extra);
      const events: SeatEvent[] = [{ type: "purchase-order-placed", id: "po", at: "2026-03-01T10:00:00Z", poId: "PO", lines: [{ productId: "p", quantity: unpaid }] }];
      if (paid > 0) events.push({ type: "licenses-bought", id: "buy", at: "2026-03-01T10:00:00Z", productId: "p", quantity: paid });
      // Event ids ascend while user ids descend, so an id-based tie-break would show.
      users.forEach((at, i) => events.push({ type: "user-assigned", id: `z${String(i)}`, at, productId: "p", userId: `user-${String.fromCharCode(104 - i)}` }));
      return { paid, events };
    });

  it("any input order gives the same evaluation (or refuses the same event), before and after the window closes", () => {
    fc.assert(
      fc.property(tiedHistory, fc.infiniteStream(fc.integer()), ({ events }, seeds) => {
        const shuffled = shuffle(events, seeds);
        for (const asOf of ["2026-03-05T00:00:00Z", "2026-05-01T00:00:00Z"]) {
          expect(outcome(shuffled, asOf)).toEqual(outcome(events, asOf));
        }
      }),
    );
  });

  it("the users who lose access are the last ones by (instant, user id), as a plain sort-and-slice says", () => {
    fc.assert(
      fc.property(tiedHistory, ({ paid, events }) => {
        if (!evaluateSeats(events, { asOf: "2026-03-05T00:00:00Z" }).ok) return;
        const assignments = events.filter((event) => event.type === "user-assigned");
        const expected = [...assignments]
          .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
          .slice(paid)
          .map((event) => event.userId);
        const before = unwrap(evaluateSeats(events, { asOf: "2026-03-05T00:00:00Z" })).products[0];
        expect(before?.mustBePaidUsers.map((user) => user.userId)).toEqual(expected);
        const after = unwrap(evaluateSeats(events, { asOf: "2026-05-01T00:00:00Z" })).products[0];
        expect(after?.noAccessUsers.map((user) => user.userId)).toEqual(expected);
      }),
    );
  });
});

/** The evaluation, or the refused event's code and id (its index changes with the order). */
function outcome(history: SeatHistory, asOf: string): unknown {
  const result = evaluateSeats(history, { asOf });
  if (result.ok) return result.value;
  return result.errors.map((error) => [error.code, history[error.path[1] as number]?.id]);
}

function shuffle(events: readonly SeatEvent[], seeds: IterableIterator<number>): SeatHistory {
  const copy = [...events];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.abs(seeds.next().value as number) % (i + 1);
    [copy[i], copy[j]] = [copy[j] as SeatEvent, copy[i] as SeatEvent];
  }
  return copy;
}
