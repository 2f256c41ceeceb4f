import { describe, expect, it } from "vitest";
import type { SeatHistory } from "../history/seat-event.js";
import { HistoryBuilder } from "../testing/history-builder.js";
import { errorsOf, unwrap } from "../testing/unwrap.js";
import { evaluateSeats } from "./evaluate-seats.js";

const asOf = "2026-06-01T12:00:00+02:00";

describe("S4: the notice shows even when nobody sits on an unpaid license", () => {
  it("a PO for 3 licenses with no user assigned: notice with 3 unpaid licenses and 0 users", () => {
    const history = new HistoryBuilder().placed("PO", { p: 3 }, "2026-05-20T10:00:00+02:00").build();
    const evaluation = unwrap(evaluateSeats(history, { asOf }));
    expect(evaluation.products).toMatchObject([{ productId: "p", used: 0, available: 0, deficit: 0, mustBePaid: 3, unpaidInWindow: 3 }]);
    expect(evaluation.notices).toMatchObject([{ kind: "payment-required", scenario: 1, unpaidLicenses: 3, mustBePaidUsers: 0 }]);
  });

  it("zero deficit: paid licenses cover everyone, nobody is on the list", () => {
    const history = new HistoryBuilder()
      .bought("p", 5, "2026-05-01T10:00:00+02:00")
      .assigned("p", "a", "2026-05-02T10:00:00+02:00")
      .placed("PO", { p: 2 }, "2026-05-20T10:00:00+02:00")
      .build();
    const product = unwrap(evaluateSeats(history, { asOf })).products[0];
    expect(product).toMatchObject({ used: 1, available: 5, deficit: 0, mustBePaidUsers: [] });
  });
});

describe("S6 with several purchase orders", () => {
  // 1 paid license; PO-A (2 licenses) on 05-01, PO-B (1 license) on 05-10; users a, b, c, d.
  const history = new HistoryBuilder()
    .bought("p", 1, "2026-04-01T10:00:00+02:00")
    .assigned("p", "a", "2026-04-02T10:00:00+02:00")
    .placed("PO-A", { p: 2 }, "2026-05-01T10:00:00+02:00")
    .assigned("p", "b", "2026-05-01T11:00:00+02:00")
    .assigned("p", "c", "2026-05-01T12:00:00+02:00")
    .placed("PO-B", { p: 1 }, "2026-05-10T10:00:00+02:00")
    .assigned("p", "d", "2026-05-10T11:00:00+02:00")
    .build();

  it("the list tells each user when they lose access: the earliest window takes the users assigned last", () => {
    const product = unwrap(evaluateSeats(history, { asOf })).products[0];
    // PO-A's window ends 2026-06-30 24:00 and takes 2 licenses: d and c. PO-B's (07-09) takes b.
    expect(product?.mustBePaidUsers.map((user) => [user.userId, user.losesAccessAt])).toEqual([
      ["b", "2026-07-09T22:00:00.000Z"],
      ["c", "2026-06-30T22:00:00.000Z"],
      ["d", "2026-06-30T22:00:00.000Z"],
    ]);
  });

  it("when PO-A expires the two users assigned last lose access, although they joined after PO-B", () => {
    const evaluation = unwrap(evaluateSeats(history, { asOf: "2026-07-01T12:00:00+02:00" }));
    expect(evaluation.products[0]?.noAccessUsers.map((user) => user.userId)).toEqual(["c", "d"]);
    expect(evaluation.products[0]?.mustBePaidUsers.map((user) => user.userId)).toEqual(["b"]);
    expect(evaluation.notices.map((notice) => [notice.kind, "poId" in notice ? notice.poId : ""])).toEqual([
      ["licenses-suspended", "PO-A"],
      ["payment-required", "PO-B"],
    ]);
  });

  it("S9: paying PO-A restores c and d (earliest assignment first)", () => {
    const paid = [...history, { type: "purchase-order-paid", id: "pay", at: "2026-07-02T10:00:00+02:00", poId: "PO-A" } as const];
    const evaluation = unwrap(evaluateSeats(paid, { asOf: "2026-07-02T12:00:00+02:00" }));
    expect(evaluation.products[0]).toMatchObject({ used: 4, available: 3, deficit: 1, noAccess: 0 });
    expect(evaluation.products[0]?.mustBePaidUsers.map((user) => user.userId)).toEqual(["d"]);
    expect(evaluation.mails.filter((mail) => mail.kind === "access-restored").map((mail) => mail.id)).toEqual([
      "s9-restored:pay:p:c",
      "s9-restored:pay:p:d",
    ]);
  });
});

describe("S3/S9: buying licenses and the no-access list", () => {
  const base = new HistoryBuilder()
    .bought("p", 1, "2026-01-01T10:00:00+01:00")
    .assigned("p", "a", "2026-01-02T10:00:00+01:00")
    .placed("PO", { p: 2 }, "2026-02-02T10:00:00+01:00")
    .assigned("p", "b", "2026-02-02T11:00:00+01:00")
    .assigned("p", "c", "2026-02-02T12:00:00+01:00");

  it("buying licenses after suspension restores users on the no-access list, as far as licenses reach", () => {
    const history = new HistoryBuilder();
    history.events.push(...base.build());
    history.bought("p", 1, "2026-04-10T10:00:00+02:00");
    const evaluation = unwrap(evaluateSeats(history.build(), { asOf: "2026-04-11T10:00:00+02:00" }));
    expect(evaluation.products[0]).toMatchObject({ used: 2, available: 2, noAccess: 1, suspended: 2 });
    expect(evaluation.products[0]?.noAccessUsers.map((user) => user.userId)).toEqual(["c"]);
    // Buying licenses is no payment of the PO: the organization stays blocked (S8).
    expect(evaluation.flags.purchaseOrdersBlocked).toBe(true);
  });

  it("buying licenses within the window shrinks the deficit at once", () => {
    const history = new HistoryBuilder();
    history.events.push(...base.build());
    history.bought("p", 2, "2026-02-10T10:00:00+01:00");
    const evaluation = unwrap(evaluateSeats(history.build(), { asOf: "2026-02-11T10:00:00+01:00" }));
    expect(evaluation.products[0]).toMatchObject({ used: 3, available: 3, deficit: 0, mustBePaid: 2 });
  });

  it("re-assigning a user from the no-access list is a fresh assignment; unassigning one removes them from the list", () => {
    const history = new HistoryBuilder();
    history.events.push(...base.build());
    history.unassigned("p", "a", "2026-04-10T10:00:00+02:00").assigned("p", "c", "2026-04-10T11:00:00+02:00").unassigned("p", "b", "2026-04-10T12:00:00+02:00");
    const evaluation = unwrap(evaluateSeats(history.build(), { asOf: "2026-04-11T10:00:00+02:00" }));
    expect(evaluation.products[0]).toMatchObject({ used: 1, noAccess: 0, noAccessUsers: [] });
    expect(evaluation.mails.map((mail) => mail.id)).toContain("s1-access-granted:p:c:e7");
  });

  it("S7: unassigning a paid user does not give a no-access user access back (only payment does, S9)", () => {
    const history = new HistoryBuilder();
    history.events.push(...base.build());
    history.unassigned("p", "a", "2026-04-10T10:00:00+02:00");
    const evaluation = unwrap(evaluateSeats(history.build(), { asOf: "2026-04-11T10:00:00+02:00" }));
    expect(evaluation.products[0]).toMatchObject({ used: 0, available: 1, noAccess: 2 });
  });
});

describe("S3: renewal periods", () => {
  const base = (): HistoryBuilder =>
    new HistoryBuilder()
      .bought("p", 4, "2026-01-01T10:00:00+01:00")
      .assigned("p", "a", "2026-01-02T10:00:00+01:00")
      .assigned("p", "b", "2026-01-02T11:00:00+01:00")
      .assigned("p", "c", "2026-01-02T12:00:00+01:00")
      .renewalOpened("p", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00");

  it("'must be renewed' shows only during the renewal period and counts assigned licenses not yet renewed", () => {
    const history = base().renewed("p", 1, "2026-11-05T10:00:00+01:00").build();
    const at = (time: string) => unwrap(evaluateSeats(history, { asOf: time })).products[0]?.mustBeRenewed;
    expect(at("2026-10-31T23:59:59+01:00")).toBeNull();
    // 4 due, 0 renewed: 3 assigned users would lose access (1 spare license).
    expect(at("2026-11-02T10:00:00+01:00")).toBe(3);
    // 1 renewed: 3 licenses would lapse, leaving 1 license for 3 users: 2 would lose access.
    expect(at("2026-11-06T10:00:00+01:00")).toBe(2);
    expect(at("2026-12-01T00:00:00+01:00")).toBeNull();
  });

  it("licenses not renewed by the end lapse; the users assigned last lose access with a mail", () => {
    const history = base().renewed("p", 2, "2026-11-05T10:00:00+01:00").build();
    const evaluation = unwrap(evaluateSeats(history, { asOf: "2026-12-01T00:00:00+01:00" }));
    expect(evaluation.products[0]).toMatchObject({ used: 2, available: 2, noAccess: 1, mustBeRenewed: null });
    expect(evaluation.products[0]?.noAccessUsers).toMatchObject([{ userId: "c", reason: "not-renewed", causeId: "e5" }]);
    expect(evaluation.mails.at(-1)).toMatchObject({ id: "s3-withdrawn:e5:p:c", kind: "access-withdrawn", reason: "not-renewed" });
  });

  it("renewing all due licenses: nobody loses access, 'must be renewed' is 0", () => {
    const history = base().renewed("p", 4, "2026-11-05T10:00:00+01:00").build();
    expect(unwrap(evaluateSeats(history, { asOf: "2026-11-06T00:00:00+01:00" })).products[0]?.mustBeRenewed).toBe(0);
    expect(unwrap(evaluateSeats(history, { asOf: "2026-12-02T00:00:00+01:00" })).products[0]).toMatchObject({ used: 3, available: 4, noAccess: 0 });
  });

  it("refuses renewals outside a period, beyond the due licenses, and overlapping periods", () => {
    const outside = new HistoryBuilder().bought("p", 1, "2026-01-01T10:00:00+01:00").renewed("p", 1, "2026-01-02T10:00:00+01:00").build();
    expect(errorsOf(evaluateSeats(outside, { asOf }))).toMatchObject([{ code: "S3_NO_RENEWAL_PERIOD", path: ["history", 1, "productId"] }]);
    const tooMany = base().renewed("p", 5, "2026-11-05T10:00:00+01:00").build();
    expect(errorsOf(evaluateSeats(tooMany, { asOf: "2026-11-06T00:00:00+01:00" }))).toMatchObject([{ code: "S3_RENEWAL_EXCEEDS_DUE_LICENSES" }]);
    const overlapping = base().renewalOpened("p", "2026-11-10T00:00:00+01:00", "2026-12-10T00:00:00+01:00").build();
    expect(errorsOf(evaluateSeats(overlapping, { asOf: "2026-11-11T00:00:00+01:00" }))).toMatchObject([{ code: "S3_RENEWAL_PERIOD_OVERLAPS" }]);
    const backwards = new HistoryBuilder().renewalOpened("p", "2026-11-10T00:00:00+01:00", "2026-11-10T00:00:00+01:00").build();
    expect(errorsOf(evaluateSeats(backwards, { asOf: "2026-11-11T00:00:00+01:00" }))).toMatchObject([{ code: "S3_RENEWAL_PERIOD_INVALID", path: ["history", 0, "endsAt"] }]);
  });
});

describe("history errors are values naming the event (S10)", () => {
  const cases: [string, SeatHistory, string, readonly (string | number)[]][] = [
    ["assignment beyond the licenses", new HistoryBuilder().bought("p", 1, "2026-05-01T10:00:00Z").assigned("p", "a", "2026-05-01T11:00:00Z").assigned("p", "b", "2026-05-01T12:00:00Z").build(), "S3_NO_LICENSE_AVAILABLE", ["history", 2, "productId"]],
    ["assigning a user twice", new HistoryBuilder().bought("p", 2, "2026-05-01T10:00:00Z").assigned("p", "a", "2026-05-01T11:00:00Z").assigned("p", "a", "2026-05-01T12:00:00Z").build(), "S3_ALREADY_ASSIGNED", ["history", 2, "userId"]],
    ["assigning a user twice when all licenses are taken", new HistoryBuilder().bought("p", 1, "2026-05-01T10:00:00Z").assigned("p", "a", "2026-05-01T11:00:00Z").assigned("p", "a", "2026-05-01T12:00:00Z").build(), "S3_ALREADY_ASSIGNED", ["history", 2, "userId"]],
    ["unassigning a user who is not assigned", new HistoryBuilder().unassigned("p", "a", "2026-05-01T11:00:00Z").build(), "S3_NOT_ASSIGNED", ["history", 0, "userId"]],
    ["paying an unknown PO", new HistoryBuilder().paid("PO", "2026-05-01T11:00:00Z").build(), "S2_UNKNOWN_PURCHASE_ORDER", ["history", 0, "poId"]],
    ["paying before the PO was placed", new HistoryBuilder().paid("PO", "2026-05-01T11:00:00Z").placed("PO", { p: 1 }, "2026-05-02T11:00:00Z").build(), "S2_UNKNOWN_PURCHASE_ORDER", ["history", 0, "poId"]],
    ["paying twice", new HistoryBuilder().placed("PO", { p: 1 }, "2026-05-01T10:00:00Z").paid("PO", "2026-05-01T11:00:00Z").paid("PO", "2026-05-01T12:00:00Z").build(), "S2_PURCHASE_ORDER_ALREADY_PAID", ["history", 2, "poId"]],
    ["placing a PO id twice", new HistoryBuilder().placed("PO", { p: 1 }, "2026-05-01T10:00:00Z").placed("PO", { p: 1 }, "2026-05-01T11:00:00Z").build(), "S1_DUPLICATE_PURCHASE_ORDER", ["history", 1, "poId"]],
    ["placing a PO while blocked", new HistoryBuilder().placed("PO", { p: 1 }, "2026-03-01T10:00:00Z").placed("PO-2", { p: 1 }, "2026-05-20T11:00:00Z").build(), "S8_PURCHASE_ORDERS_BLOCKED", ["history", 1]],
    ["a timestamp without offset", [{ type: "licenses-bought", id: "x", at: "2026-05-01T10:00:00", productId: "p", quantity: 1 }], "S10_INVALID_INSTANT", ["history", 0, "at"]],
  ];

  it.each(cases)("%s", (_name, history, code, path) => {
    expect(errorsOf(evaluateSeats(history, { asOf }))).toMatchObject([{ code, path }]);
  });

  it("an unknown event type (untyped input) is an error value, not an exception", () => {
    for (const type of ["user-teleported", "toString"]) {
      const history = [{ type, id: "x", at: "2026-05-01T10:00:00Z" }] as unknown as SeatHistory;
      expect(errorsOf(evaluateSeats(history, { asOf }))).toMatchObject([{ code: "S10_INVALID_INPUT", path: ["history", 0, "type"] }]);
    }
  });

  it("data that is not a history at all is an error value too", () => {
    for (const junk of [[null], [{ type: "licenses-bought", id: "x", at: 42 }], [{ type: "purchase-order-placed", id: "x", at: "2026-05-01T10:00:00Z", poId: "PO" }]]) {
      expect(errorsOf(evaluateSeats(junk as unknown as SeatHistory, { asOf }))).toMatchObject([{ code: "S10_INVALID_INPUT", path: ["history"] }]);
    }
  });

  it("bad options: asOf without offset, unknown zone, broken policy", () => {
    expect(errorsOf(evaluateSeats([], { asOf: "2026-05-01" }))).toMatchObject([{ code: "S10_INVALID_INPUT", path: ["options", "asOf"] }]);
    expect(errorsOf(evaluateSeats([], { asOf, zone: "Berlin" }))).toMatchObject([{ code: "P2_UNKNOWN_ZONE", path: ["options", "zone"] }]);
    expect(errorsOf(evaluateSeats([], { asOf, policies: [] }))).toMatchObject([{ code: "P1_INVALID_POLICY", path: ["options", "policies"] }]);
  });

  it("events after asOf are ignored, even broken ones that are not yet due", () => {
    const history = new HistoryBuilder().bought("p", 1, "2026-05-01T10:00:00Z").assigned("p", "a", "2026-07-01T10:00:00Z").assigned("p", "b", "2026-07-01T11:00:00Z").build();
    expect(unwrap(evaluateSeats(history, { asOf })).products[0]).toMatchObject({ used: 0, available: 1 });
  });
});

describe("S10: purity", () => {
  it("the same history and asOf give deeply equal results; the input is not mutated", () => {
    const history = new HistoryBuilder()
      .bought("p", 1, "2026-05-01T10:00:00Z")
      .placed("PO", { p: 1, q: 2 }, "2026-05-01T10:00:00Z")
      .assigned("p", "a", "2026-05-01T11:00:00Z")
      .assigned("p", "b", "2026-05-01T11:00:00Z")
      .assigned("q", "a", "2026-05-01T11:00:00Z")
      .build();
    const frozen = JSON.stringify(history);
    const first = evaluateSeats(history, { asOf: "2026-08-01T00:00:00Z" });
    const second = evaluateSeats(history, { asOf: "2026-08-01T00:00:00Z" });
    expect(second).toEqual(first);
    expect(JSON.stringify(history)).toBe(frozen);
  });

  it("includeMails: false returns no mails and the same everything else", () => {
    const history = new HistoryBuilder().placed("PO", { p: 1 }, "2026-05-01T10:00:00Z").assigned("p", "a", "2026-05-01T11:00:00Z").build();
    const all = unwrap(evaluateSeats(history, { asOf: "2026-08-01T00:00:00Z" }));
    const none = unwrap(evaluateSeats(history, { asOf: "2026-08-01T00:00:00Z", includeMails: false }));
    expect(all.mails.length).toBe(4);
    expect(none).toEqual({ ...all, mails: [] });
  });
});
