import { findInstallationPolicies, outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES } from "@kontor/seats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { freshOrganization, seatCommand } from "../seats/seat-test-support.js";

/**
 * P1: the seat routes evaluate with the installation's stored purchase-order windows. The stored
 * set keeps seed 003's 30/60 days for POs placed before 2026-01-01 and, from then on, reminds
 * after day 10 and closes the window after day 20 (S2, S5, S8).
 */
const STORED_WINDOWS = [
  { effectiveFrom: "1970-01-01", reminderAfterDays: 30, windowDays: 60 },
  { effectiveFrom: "2026-01-01", reminderAfterDays: 10, windowDays: 20 },
];

interface Status {
  products: { productId: string; used: number; available: number; mustBePaid: number; suspended: number; noAccess: number }[];
  purchaseOrders: { poId: string; state: string; reminderDay: string; lastDayToPay: string; windowEndsAt: string }[];
  notices: { kind: string; scenario?: number }[];
  flags: { paymentOutstanding: boolean; purchaseOrdersBlocked: boolean };
}

interface Appended {
  mails: { id: string; kind: string }[];
  effects: { type: string; productId: string; userId: string }[];
}

let api: TestApi;
/** PO-NEW placed 2026-03-02 (Berlin): 10/20 days, reminder day 2026-03-12, last day to pay 2026-03-22. */
let newOrg: string;
/** PO-OLD placed 2025-12-15 (Berlin): 30/60 days, reminder day 2026-01-14, last day to pay 2026-02-13. */
let oldOrg: string;

/** 1 paid license of `cc` held by u1, then a PO for 1 more and u2 assigned to it (u2 must be paid, S4). */
async function poScenario(organizationId: string, poId: string, boughtAt: string, placedAt: string, assignedAt: string): Promise<void> {
  await seatCommand(api, organizationId, boughtAt, { command: "buy-licenses", productId: "cc", quantity: 1 });
  await seatCommand(api, organizationId, boughtAt.replace(":00:00.000Z", ":01:00.000Z"), { command: "assign-user", productId: "cc", userId: "u1" });
  await seatCommand(api, organizationId, placedAt, { command: "place-purchase-order", poId, lines: [{ productId: "cc", quantity: 1 }] });
  await seatCommand(api, organizationId, assignedAt, { command: "assign-user", productId: "cc", userId: "u2", email: "u2@mueller-gmbh.de" });
}

beforeAll(async () => {
  api = await createTestApi({ now: new Date("2025-11-01T09:00:00Z") });
  oldOrg = await freshOrganization(api, "org-seat-policies-old");
  newOrg = await freshOrganization(api, "org-seat-policies-new");
  const stored = await api.request({ method: "PUT", url: "/v1/seat-policies", token: api.tokens.admin, payload: { policies: { purchaseOrderWindows: STORED_WINDOWS } } });
  if (stored.statusCode !== 201) throw new Error(`seat policies not stored: ${stored.body}`);
  await poScenario(oldOrg, "PO-OLD", "2025-12-01T08:00:00.000Z", "2025-12-15T09:00:00.000Z", "2025-12-15T10:00:00.000Z");
  await poScenario(newOrg, "PO-NEW", "2026-03-01T08:00:00.000Z", "2026-03-02T09:00:00.000Z", "2026-03-02T10:00:00.000Z");
}, 60_000);
afterAll(() => api.close());

async function status(organizationId: string, asOf: string): Promise<Status> {
  const response = await api.request({ method: "GET", url: `/v1/organizations/${organizationId}/seat-status?asOf=${encodeURIComponent(asOf)}`, token: api.tokens.backOffice });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Status>();
}

const command = (organizationId: string, body: Record<string, unknown>) =>
  api.request({ method: "POST", url: `/v1/organizations/${organizationId}/seat-events`, payload: body, token: api.tokens.accountManager });

describe(`seat policies on ${testDatabaseKind()} (P1, S2, S5, S8)`, () => {
  it("P1: the admin's stored set is what staff read (version 1, 10/20 days from 2026-01-01)", async () => {
    const read = await api.request({ method: "GET", url: "/v1/seat-policies", token: api.tokens.accountManager });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ policies: { purchaseOrderWindows: STORED_WINDOWS }, source: "stored", version: 1 });
  });

  it("P1, S2, S5: a PO placed 2026-03-02 is reminded after day 10 (2026-03-12) and payable until day 20 (2026-03-22, window ends 2026-03-22T23:00Z)", async () => {
    const before = await status(newOrg, "2026-03-12T22:59:59.999Z");
    expect(before.purchaseOrders).toEqual([
      expect.objectContaining({ poId: "PO-NEW", state: "scenario-1", reminderDay: "2026-03-12", lastDayToPay: "2026-03-22", windowEndsAt: "2026-03-22T23:00:00.000Z" }),
    ]);
    expect(before.notices).toMatchObject([{ kind: "payment-required", scenario: 1 }]);
    expect((await status(newOrg, "2026-03-12T23:00:00.000Z")).notices).toMatchObject([{ kind: "payment-required", scenario: 2 }]);
  });

  it("P1, S8: unpaid on day 21 (2026-03-23) the PO's license is suspended and u2 has no access, where the default 60-day window would still grant it", async () => {
    const inWindow = await status(newOrg, "2026-03-22T22:59:59.999Z");
    expect(inWindow.products[0]).toMatchObject({ used: 2, available: 1, mustBePaid: 1, suspended: 0, noAccess: 0 });
    const day21 = await status(newOrg, "2026-03-23T09:00:00.000Z");
    expect(day21.purchaseOrders[0]?.state).toBe("suspended");
    expect(day21.products[0]).toMatchObject({ used: 1, available: 1, mustBePaid: 1, suspended: 1, noAccess: 1 });
    expect(day21.notices).toMatchObject([{ kind: "licenses-suspended", scenario: 3 }]);
    expect(day21.flags).toEqual({ paymentOutstanding: true, purchaseOrdersBlocked: true });

    const csv = await api.request({ method: "GET", url: `/v1/organizations/${newOrg}/seat-status/no-access.csv?asOf=2026-03-23T09:00:00Z`, token: api.tokens.backOffice });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split("\r\n")[1]).toBe("cc,u2,u2@mueller-gmbh.de,,2026-03-02T10:00:00.000Z,2026-03-22T23:00:00.000Z,unpaid,PO-NEW");
  });

  it("P1, S2, S5: a PO placed 2025-12-15, before the 2026-01-01 version, keeps 30/60 days: u2 still has access on day 21, the window ends 2026-02-13T23:00Z", async () => {
    const day21 = await status(oldOrg, "2026-01-05T09:00:00.000Z");
    expect(day21.purchaseOrders).toEqual([
      expect.objectContaining({ poId: "PO-OLD", state: "scenario-1", reminderDay: "2026-01-14", lastDayToPay: "2026-02-13", windowEndsAt: "2026-02-13T23:00:00.000Z" }),
    ]);
    expect(day21.products[0]).toMatchObject({ used: 2, available: 1, suspended: 0, noAccess: 0 });
    expect((await status(oldOrg, "2026-02-13T22:59:59.999Z")).purchaseOrders[0]?.state).toBe("scenario-2");
    expect((await status(oldOrg, "2026-02-13T23:00:00.000Z")).products[0]).toMatchObject({ suspended: 1, noAccess: 1 });
    const csv = await api.request({ method: "GET", url: `/v1/organizations/${oldOrg}/seat-status/must-be-paid.csv?asOf=2026-01-05T09:00:00Z`, token: api.tokens.backOffice });
    expect(csv.body.split("\r\n")[1]).toBe("cc,u2,u2@mueller-gmbh.de,,2025-12-15T10:00:00.000Z,2026-02-13T23:00:00.000Z");
  });

  it("P1, S8: seat commands on day 21 use the stored windows: a new PO is refused (S8_PURCHASE_ORDERS_BLOCKED); the payment writes the day-10 reminder and day-20 suspension mails", async () => {
    api.clock.set(new Date("2026-03-23T09:00:00.000Z"));
    expect(expectProblem(await command(newOrg, { command: "place-purchase-order", poId: "PO-2", lines: [{ productId: "cc", quantity: 1 }] }), 422).code).toBe("S8_PURCHASE_ORDERS_BLOCKED");
    const paid = (await seatCommand(api, newOrg, "2026-03-23T09:05:00.000Z", { command: "pay-purchase-order", id: "pay", poId: "PO-NEW" })).json<Appended>();
    expect(paid.effects).toEqual([{ type: "access-restored", productId: "cc", userId: "u2" }]);
    expect(paid.mails.map((mail) => mail.id).sort()).toEqual(["s5-reminder:PO-NEW", "s8-suspended:PO-NEW", "s8-withdrawn:PO-NEW:cc:u2", "s9-restored:pay:cc:u2"]);
    const reminder = paid.mails.find((mail) => mail.kind === "payment-reminder");
    expect(reminder).toMatchObject({ dueAt: "2026-03-12T23:00:00.000Z", daysLeft: 10, lastDayToPay: "2026-03-22" });
  });

  it("P1: a stored set that no longer parses makes the seat routes answer 500 SEAT_POLICIES_INVALID instead of using the defaults; nothing is stored", async () => {
    // Reminder after day 20 of a 20-day window: the schema refuses it (S5 comes before S8).
    await api.database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{purchaseOrderWindows,1,reminderAfterDays}', '20'::jsonb) WHERE domain = 'seats'");
    const read = expectProblem(await api.request({ method: "GET", url: `/v1/organizations/${newOrg}/seat-status?asOf=2026-03-23T09:00:00Z`, token: api.tokens.backOffice }), 500);
    expect(read.code).toBe("SEAT_POLICIES_INVALID");
    expect(read.detail).toContain("purchaseOrderWindows.1.reminderAfterDays");
    const csv = expectProblem(await api.request({ method: "GET", url: `/v1/organizations/${oldOrg}/seat-status/no-access.csv`, token: api.tokens.backOffice }), 500);
    expect(csv.code).toBe("SEAT_POLICIES_INVALID");

    const outboxBefore = (await outboxEventsOf(api.database.db, "organization-seats", oldOrg)).length;
    api.clock.set(new Date("2026-03-24T09:00:00.000Z"));
    expect(expectProblem(await command(oldOrg, { command: "pay-purchase-order", poId: "PO-OLD" }), 500).code).toBe("SEAT_POLICIES_INVALID");
    const events = await api.request({ method: "GET", url: `/v1/organizations/${oldOrg}/seat-events`, token: api.tokens.admin });
    expect(events.json<{ items: unknown[] }>().items).toHaveLength(4);
    expect(await outboxEventsOf(api.database.db, "organization-seats", oldOrg)).toHaveLength(outboxBefore);
  });

  it("P1: after an admin replaces the broken set with the shipped defaults (version 2), the 2026-03-02 PO is back on 30/60 days", async () => {
    const fixed = await api.request({
      method: "PUT",
      url: "/v1/seat-policies",
      token: api.tokens.admin,
      payload: { policies: { purchaseOrderWindows: JSON.parse(JSON.stringify(DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES)) as unknown }, expectedVersion: 1 },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await findInstallationPolicies(api.database.db, "seats"))?.version).toBe(2);
    const day21 = await status(newOrg, "2026-03-23T09:00:00.000Z");
    expect(day21.purchaseOrders[0]).toMatchObject({ state: "scenario-1", reminderDay: "2026-04-01", lastDayToPay: "2026-05-01", windowEndsAt: "2026-05-01T22:00:00.000Z" });
    expect(day21.products[0]).toMatchObject({ suspended: 0, noAccess: 0 });
  });
});
