import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { freshOrganization, seatCommand } from "./seat-test-support.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ maxConnections: 20 });
}, 60_000);
afterAll(() => api.close());

interface Appended {
  sequence: number;
  event: { type: string; id: string; at: string };
  effects: { type: string; productId: string; userId: string }[];
  mails: { id: string; kind: string }[];
  evaluation: { products: { productId: string; used: number; available: number; deficit: number; mustBePaid: number; mustBePaidUsers: { userId: string }[] }[]; notices: Record<string, unknown>[] };
}

async function mailKeys(organizationId: string): Promise<string[]> {
  return (await outboxEventsOf(api.database.db, "organization-seats", organizationId)).map((row) => row.dedupeKey);
}

/** Seed 003's example, scaled down: 3 paid licenses of "cc" in use, then PO-1 for 2 more on 2 March 2026. */
async function poScenario(organizationId: string): Promise<void> {
  await seatCommand(api, organizationId, "2026-01-05T07:00:00.000Z", { command: "buy-licenses", id: "bought", productId: "cc", quantity: 3 });
  for (const [index, user] of ["u1", "u2", "u3"].entries()) {
    await seatCommand(api, organizationId, `2026-01-05T08:0${index}:00.000Z`, { command: "assign-user", id: `a-${user}`, productId: "cc", userId: user });
  }
  await seatCommand(api, organizationId, "2026-03-02T09:00:00.000Z", { command: "place-purchase-order", id: "po", poId: "PO-1", lines: [{ productId: "cc", quantity: 2 }] });
  await seatCommand(api, organizationId, "2026-03-02T10:04:00.000Z", { command: "assign-user", id: "a-u4", productId: "cc", userId: "u4", email: "u4@mueller-gmbh.de" });
  await seatCommand(api, organizationId, "2026-03-02T10:05:00.000Z", { command: "assign-user", id: "a-u5", productId: "cc", userId: "u5", email: "u5@mueller-gmbh.de" });
}

describe(`seat events on ${testDatabaseKind()}`, () => {
  it("S1, S4: users on the PO's unpaid licenses are on the must-be-paid list; the notice shows until day 30 (2026-04-01)", async () => {
    const org = await freshOrganization(api, "org-seats-s4");
    await poScenario(org);
    const last = (await seatCommand(api, org, "2026-03-03T11:00:00.000Z", { command: "buy-licenses", id: "other", productId: "jira", quantity: 1 })).json<Appended>();
    expect(last.sequence).toBe(8);
    expect(last.evaluation.products.find((product) => product.productId === "cc")).toMatchObject({
      used: 5,
      available: 3,
      deficit: 2,
      mustBePaid: 2,
      mustBePaidUsers: [{ userId: "u4" }, { userId: "u5" }],
    });
    expect(last.evaluation.notices).toEqual([
      expect.objectContaining({ kind: "payment-required", scenario: 1, poId: "PO-1", unpaidLicenses: 2, mustBePaidUsers: 2, lastDayShown: "2026-04-01", lastDayToPay: "2026-05-01", windowEndsAt: "2026-05-01T22:00:00.000Z" }),
    ]);
  });

  it("S1: the access mail is written to the outbox with the assignment, once", async () => {
    const org = await freshOrganization(api, "org-seats-s1");
    await seatCommand(api, org, "2026-03-02T09:00:00.000Z", { command: "place-purchase-order", id: "po", poId: "PO-1", lines: [{ productId: "cc", quantity: 1 }] });
    const assigned = (await seatCommand(api, org, "2026-03-02T09:30:00.000Z", { command: "assign-user", id: "a-ana", productId: "cc", userId: "ana", email: "ana@mueller-gmbh.de" })).json<Appended>();
    expect(assigned.mails.map((mail) => mail.id)).toEqual(["s1-access-granted:cc:ana:a-ana"]);
    expect(await mailKeys(org)).toEqual([`seats:${org}:s1-access-granted:cc:ana:a-ana`]);
    const [row] = await outboxEventsOf(api.database.db, "organization-seats", org);
    expect(row?.topic).toBe("seats.access-granted");
    expect(row?.payload).toMatchObject({ organizationId: org, mail: { kind: "access-granted", to: { role: "user", userId: "ana", email: "ana@mueller-gmbh.de" } } });
  });

  it("S7: unassigning a paid user moves the first must-be-paid user onto the license; the notice still counts 2 unpaid", async () => {
    const org = await freshOrganization(api, "org-seats-s7");
    await poScenario(org);
    const unassigned = (await seatCommand(api, org, "2026-03-05T08:00:00.000Z", { command: "unassign-user", productId: "cc", userId: "u1" })).json<Appended>();
    expect(unassigned.effects).toEqual([{ type: "moved-onto-paid-license", productId: "cc", userId: "u4" }]);
    expect(unassigned.evaluation.products[0]).toMatchObject({ used: 4, available: 3, deficit: 1, mustBePaid: 2, mustBePaidUsers: [{ userId: "u5" }] });
    expect(unassigned.evaluation.notices[0]).toMatchObject({ unpaidLicenses: 2, mustBePaidUsers: 1 });
  });

  it("S5: the day-30 reminder (due 2026-04-01T22:00Z) is written with the next command after it", async () => {
    const org = await freshOrganization(api, "org-seats-s5");
    await poScenario(org);
    await seatCommand(api, org, "2026-04-01T21:59:59.000Z", { command: "buy-licenses", id: "before", productId: "jira", quantity: 1 });
    expect(await mailKeys(org)).not.toContain(`seats:${org}:s5-reminder:PO-1`);
    const after = (await seatCommand(api, org, "2026-04-02T08:00:00.000Z", { command: "buy-licenses", id: "after", productId: "jira", quantity: 1 })).json<Appended>();
    expect(after.mails.map((mail) => mail.id)).toEqual(["s5-reminder:PO-1"]);
    expect((await mailKeys(org)).filter((key) => key.includes("s5-reminder"))).toEqual([`seats:${org}:s5-reminder:PO-1`]);
  });

  it("S8: after day 60 a new PO is refused with S8_PURCHASE_ORDERS_BLOCKED; S9: payment restores access and mails it", async () => {
    const org = await freshOrganization(api, "org-seats-s8");
    await poScenario(org);
    api.clock.set(new Date("2026-05-02T08:00:00.000Z"));
    const refused = await api.request({
      method: "POST",
      url: `/v1/organizations/${org}/seat-events`,
      payload: { command: "place-purchase-order", poId: "PO-2", lines: [{ productId: "cc", quantity: 1 }] },
      token: api.tokens.accountManager,
    });
    expect(expectProblem(refused, 422).code).toBe("S8_PURCHASE_ORDERS_BLOCKED");
    const paid = (await seatCommand(api, org, "2026-05-03T08:00:00.000Z", { command: "pay-purchase-order", id: "pay", poId: "PO-1" })).json<Appended>();
    expect(paid.effects).toEqual([
      { type: "access-restored", productId: "cc", userId: "u4" },
      { type: "access-restored", productId: "cc", userId: "u5" },
    ]);
    // The suspension mails (end of day 60) went out with the payment, the first command after it.
    expect(paid.mails.map((mail) => mail.id).sort()).toEqual(
      ["s5-reminder:PO-1", "s8-suspended:PO-1", "s8-withdrawn:PO-1:cc:u4", "s8-withdrawn:PO-1:cc:u5", "s9-restored:pay:cc:u4", "s9-restored:pay:cc:u5"].sort(),
    );
    expect(paid.evaluation.products[0]).toMatchObject({ used: 5, available: 5, deficit: 0, mustBePaid: 0 });
  });

  it("S3: assigning beyond the licenses is 422 S3_NO_LICENSE_AVAILABLE naming body.productId, and nothing is stored", async () => {
    const org = await freshOrganization(api, "org-seats-s3");
    await seatCommand(api, org, "2026-03-02T09:00:00.000Z", { command: "buy-licenses", productId: "cc", quantity: 1 });
    await seatCommand(api, org, "2026-03-02T09:01:00.000Z", { command: "assign-user", productId: "cc", userId: "a" });
    const response = await api.request({ method: "POST", url: `/v1/organizations/${org}/seat-events`, payload: { command: "assign-user", productId: "cc", userId: "b" }, token: api.tokens.accountManager });
    expect(expectProblem(response, 422, "body.productId").code).toBe("S3_NO_LICENSE_AVAILABLE");
    const events = await api.request({ method: "GET", url: `/v1/organizations/${org}/seat-events`, token: api.tokens.admin });
    expect(events.json<{ items: unknown[] }>().items).toHaveLength(2);
  });

  it("S10: a duplicate event id is 422 S10_DUPLICATE_EVENT_ID", async () => {
    const org = await freshOrganization(api, "org-seats-dup");
    await seatCommand(api, org, "2026-03-02T09:00:00.000Z", { command: "buy-licenses", id: "e1", productId: "cc", quantity: 1 });
    const response = await api.request({ method: "POST", url: `/v1/organizations/${org}/seat-events`, payload: { command: "buy-licenses", id: "e1", productId: "cc", quantity: 1 }, token: api.tokens.accountManager });
    expect(expectProblem(response, 422, "body.id").code).toBe("S10_DUPLICATE_EVENT_ID");
  });

  it("K10: Müller's portal manager may read but not run commands (403); Bäckerei's gets 404", async () => {
    const url = `/v1/organizations/${api.organizations.mueller}/seat-events`;
    const payload = { command: "buy-licenses", productId: "cc", quantity: 1 };
    expectProblem(await api.request({ method: "POST", url, payload, token: api.tokens.muellerManager }), 403);
    expectProblem(await api.request({ method: "POST", url, payload, token: api.tokens.technician }), 403);
    expectProblem(await api.request({ method: "POST", url, payload, token: api.tokens.baeckereiManager }), 404);
    expect((await api.request({ method: "GET", url, token: api.tokens.muellerManager })).statusCode).toBe(200);
    expectProblem(await api.request({ method: "GET", url, token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url, token: api.tokens.baeckereiManager }), 404);
  });

  it("S10: 20 concurrent commands keep every event, numbered 1–20 without gap", async () => {
    const org = await freshOrganization(api, "org-seats-race");
    api.clock.set(new Date("2026-06-01T08:00:00.000Z"));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        api.request({ method: "POST", url: `/v1/organizations/${org}/seat-events`, payload: { command: "buy-licenses", id: `b${index}`, productId: "cc", quantity: index + 1 }, token: api.tokens.accountManager }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array.from({ length: 20 }, () => 201));
    expect(responses.map((response) => response.json<Appended>().sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const status = await api.request({ method: "GET", url: `/v1/organizations/${org}/seat-status`, token: api.tokens.admin });
    // 1 + 2 + … + 20 licenses bought: no purchase lost.
    expect(status.json<Appended["evaluation"]>().products[0]?.available).toBe(210);
  });

  it("pages through the history oldest first with the cursor", async () => {
    const org = await freshOrganization(api, "org-seats-pages");
    for (let index = 0; index < 5; index += 1) {
      await seatCommand(api, org, `2026-03-02T09:0${index}:00.000Z`, { command: "buy-licenses", id: `p${index}`, productId: "cc", quantity: 1 });
    }
    const seen: string[] = [];
    let url: string | undefined = `/v1/organizations/${org}/seat-events?limit=2`;
    while (url !== undefined) {
      const page: { items: { sequence: number; event: { id: string } }[]; nextCursor: string | null } = (await api.request({ method: "GET", url, token: api.tokens.backOffice })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => `${item.sequence}:${item.event.id}`));
      url = page.nextCursor === null ? undefined : `/v1/organizations/${org}/seat-events?limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(["1:p0", "2:p1", "3:p2", "4:p3", "5:p4"]);
  });
});
