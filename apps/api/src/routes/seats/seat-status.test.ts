import { testDatabaseKind } from "@kontor/db/testing";
import { MUST_BE_PAID_CSV_HEADER, NO_ACCESS_CSV_HEADER } from "@kontor/seats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { freshOrganization, seatCommand } from "./seat-test-support.js";

let api: TestApi;
let org: string;

interface Status {
  asOf: string;
  products: { productId: string; used: number; available: number; deficit: number; mustBePaid: number; suspended: number; noAccess: number }[];
  purchaseOrders: { poId: string; state: string; reminderDay: string; lastDayToPay: string; windowEndsAt: string }[];
  notices: { kind: string; scenario?: number }[];
  flags: { paymentOutstanding: boolean; purchaseOrdersBlocked: boolean };
  mails: unknown[];
}

beforeAll(async () => {
  api = await createTestApi();
  org = await freshOrganization(api, "org-seat-status");
  // 2 paid licenses of "cc" held by u1, u2; PO-1 on 2 March 2026 buys 2 more for u3 (with a
  // comma in the name: CSV quoting) and u4.
  await seatCommand(api, org, "2026-01-05T07:00:00.000Z", { command: "buy-licenses", productId: "cc", quantity: 2 });
  await seatCommand(api, org, "2026-01-05T08:00:00.000Z", { command: "assign-user", productId: "cc", userId: "u1" });
  await seatCommand(api, org, "2026-01-05T08:01:00.000Z", { command: "assign-user", productId: "cc", userId: "u2" });
  await seatCommand(api, org, "2026-03-02T09:00:00.000Z", { command: "place-purchase-order", poId: "PO-1", lines: [{ productId: "cc", quantity: 2 }] });
  await seatCommand(api, org, "2026-03-02T10:03:00.000Z", { command: "assign-user", productId: "cc", userId: "u3", email: "u3@mueller-gmbh.de", displayName: "Wolf, Ben" });
  await seatCommand(api, org, "2026-03-02T10:04:00.000Z", { command: "assign-user", productId: "cc", userId: "u4", email: "u4@mueller-gmbh.de" });
  api.clock.set(new Date("2026-03-10T09:00:00.000Z"));
}, 60_000);
afterAll(() => api.close());

async function status(asOf: string): Promise<Status> {
  const response = await api.request({ method: "GET", url: `/v1/organizations/${org}/seat-status?asOf=${encodeURIComponent(asOf)}`, token: api.tokens.admin });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Status>();
}

describe(`seat status on ${testDatabaseKind()}`, () => {
  it("S4 scenario 1 until the end of day 30 (2026-04-01 in Berlin), S5 scenario 2 from 2026-04-01T22:00Z", async () => {
    const before = await status("2026-04-01T21:59:59.999Z");
    expect(before.notices).toMatchObject([{ kind: "payment-required", scenario: 1 }]);
    expect(before.purchaseOrders).toMatchObject([{ poId: "PO-1", state: "scenario-1", reminderDay: "2026-04-01", lastDayToPay: "2026-05-01", windowEndsAt: "2026-05-01T22:00:00.000Z" }]);
    const after = await status("2026-04-01T22:00:00.000Z");
    expect(after.notices).toMatchObject([{ kind: "payment-required", scenario: 2 }]);
    // An interactive read carries no mails (the commands write them to the outbox).
    expect(after.mails).toEqual([]);
  });

  it("S6, S8: at the end of day 60 the 2 unpaid licenses are suspended, the users assigned last lose access and the organization is flagged", async () => {
    const suspended = await status("2026-05-01T22:00:00.000Z");
    expect(suspended.products[0]).toMatchObject({ used: 2, available: 2, deficit: 0, mustBePaid: 2, suspended: 2, noAccess: 2 });
    expect(suspended.flags).toEqual({ paymentOutstanding: true, purchaseOrdersBlocked: true });
    expect(suspended.notices).toMatchObject([{ kind: "licenses-suspended", scenario: 3 }]);
  });

  it("defaults asOf to the clock (P2: the route reads the clock, the rules do not)", async () => {
    api.clock.set(new Date("2026-03-10T09:00:00.000Z"));
    const response = await api.request({ method: "GET", url: `/v1/organizations/${org}/seat-status`, token: api.tokens.backOffice });
    expect(response.json<Status>().asOf).toBe("2026-03-10T09:00:00.000Z");
  });

  it("S4: must-be-paid.csv names the users on unpaid licenses and when they lose access (RFC 4180)", async () => {
    const response = await api.request({ method: "GET", url: `/v1/organizations/${org}/seat-status/must-be-paid.csv?asOf=2026-03-10T09:00:00Z`, token: api.tokens.backOffice });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="must-be-paid.csv"');
    expect(response.body).toBe(
      [
        MUST_BE_PAID_CSV_HEADER.join(","),
        'cc,u3,u3@mueller-gmbh.de,"Wolf, Ben",2026-03-02T10:03:00.000Z,2026-05-01T22:00:00.000Z',
        "cc,u4,u4@mueller-gmbh.de,,2026-03-02T10:04:00.000Z,2026-05-01T22:00:00.000Z",
        "",
      ].join("\r\n"),
    );
  });

  it("S8: no-access.csv is only the header before day 60 and lists both users after it", async () => {
    const before = await api.request({ method: "GET", url: `/v1/organizations/${org}/seat-status/no-access.csv?asOf=2026-05-01T21:59:59Z`, token: api.tokens.accountManager });
    expect(before.body).toBe(`${NO_ACCESS_CSV_HEADER.join(",")}\r\n`);
    const after = await api.request({ method: "GET", url: `/v1/organizations/${org}/seat-status/no-access.csv?asOf=2026-05-02T08:00:00Z`, token: api.tokens.accountManager });
    expect(after.headers["content-type"]).toMatch(/^text\/csv/);
    expect(after.body.split("\r\n")).toEqual([
      NO_ACCESS_CSV_HEADER.join(","),
      'cc,u3,u3@mueller-gmbh.de,"Wolf, Ben",2026-03-02T10:03:00.000Z,2026-05-01T22:00:00.000Z,unpaid,PO-1',
      "cc,u4,u4@mueller-gmbh.de,,2026-03-02T10:04:00.000Z,2026-05-01T22:00:00.000Z,unpaid,PO-1",
      "",
    ]);
  });

  it("K10: Müller's manager reads Müller's status; its reporter, another customer's manager and a technician get 404", async () => {
    const mueller = `/v1/organizations/${api.organizations.mueller}/seat-status`;
    expect((await api.request({ method: "GET", url: mueller, token: api.tokens.muellerManager })).statusCode).toBe(200);
    expect((await api.request({ method: "GET", url: `${mueller}/no-access.csv`, token: api.tokens.muellerManager })).statusCode).toBe(200);
    expectProblem(await api.request({ method: "GET", url: mueller, token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url: mueller, token: api.tokens.technician }), 404);
    expectProblem(await api.request({ method: "GET", url: `${mueller}/must-be-paid.csv`, token: api.tokens.baeckereiManager }), 404);
    // Another organization's data is as absent for Müller's manager as for Bäckerei's.
    expectProblem(await api.request({ method: "GET", url: `/v1/organizations/${org}/seat-status`, token: api.tokens.muellerManager }), 404);
  });

  it("documents the CSV downloads as text/csv strings in /openapi.json", async () => {
    const document = (await api.request({ method: "GET", url: "/openapi.json" })).json<{ paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { type: string } }> }> } }> }>();
    expect(document.paths["/v1/organizations/{id}/seat-status/must-be-paid.csv"]?.get.responses["200"]?.content["text/csv"]?.schema.type).toBe("string");
    expect(document.paths["/v1/organizations/{id}/seat-status/no-access.csv"]?.get.responses["200"]?.content["text/csv"]?.schema.type).toBe("string");
  });
});
