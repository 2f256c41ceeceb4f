import { findAsset } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages } from "../../testing/all-pages.js";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { openTicketAs } from "../tickets/ticket-test-helpers.js";

// Its own API: this file moves the ticket number sequence into 2027 and the clock back to 2026.
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2027-01-04T09:00:00Z") });
}, 60_000);
afterAll(() => api.close());

describe(`goods receipts roll back on ${testDatabaseKind()} (K1, K9, K11)`, () => {
  it("K1, K9, K11: when the ticket number is refused after the assets were inserted, the whole receipt is rolled back: no asset, no ticket", async () => {
    // A ticket of 2027 is numbered; a clock set back into 2026 may not number another (K1_TICKET_NUMBER_OUT_OF_ORDER).
    await openTicketAs(api, api.tokens.muellerManager);
    api.clock.set(new Date("2026-12-30T09:00:00Z"));
    const receipt = {
      id: "WE-R1",
      organizationId: api.organizations.mueller,
      supplier: "ALSO Deutschland GmbH",
      deliveryNote: "LS-R1",
      items: [
        { assetId: "WE-R1-fw", name: "FortiGate 60F", category: "firewall", warrantyEnd: "2029-02-28", licenses: [{ id: "lic-utm", product: "FortiGuard UTM Bundle", expiresOn: "2026-12-31" }] },
        { assetId: "WE-R1-sw", name: "FortiSwitch 124F", category: "network" },
      ],
    };
    const book = () => api.request({ method: "POST", url: "/v1/goods-receipts", token: api.tokens.materialsManagement, payload: receipt });
    const response = await book();
    expect(expectProblem(response, 422).code).toBe("K1_TICKET_NUMBER_OUT_OF_ORDER");
    expect(await findAsset(api.database.db, "WE-R1-fw")).toBeUndefined();
    expect(await findAsset(api.database.db, "WE-R1-sw")).toBeUndefined();
    const tickets = await allPages(api, "/v1/tickets", api.tokens.admin);
    expect(tickets.map((ticket) => (ticket as { subject: string }).subject)).not.toContain("Kommissionieren und Packen: ALSO Deutschland GmbH, Lieferschein LS-R1");

    // Nothing was left behind that blocks booking the receipt once the clock is right again.
    api.clock.set(new Date("2027-01-04T10:00:00Z"));
    const retried = await book();
    expect(retried.statusCode, retried.body).toBe(201);
    expect((await findAsset(api.database.db, "WE-R1-fw"))?.earliestExpiry).toBe("2026-12-31");
  });
});
