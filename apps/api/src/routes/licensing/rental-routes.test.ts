import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { seedLicensingCatalog, send } from "./licensing-fixtures.js";

interface RentalBody {
  id: string;
  subscription: { status: string; quantity: number; startDate: string; endDate: string | null; addOns: { addOnId: string; endDate: string | null }[] };
  overview: { monthlyTotal: { amount: string }; actions: { changeQuantity: boolean; bookAddOn: boolean; cancel: boolean; withdrawCancellation: boolean } };
  events?: { type: string }[];
}

const consents = { termsAndLicenseConditions: true, vendorAccountCreation: true };
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-03-17T09:00:00Z") });
  await seedLicensingCatalog(api);
}, 60_000);
afterAll(() => api.close());

const place = (token: string, payload: unknown) => api.request({ method: "POST", url: "/v1/rental-subscriptions", token, payload: payload as never });
const act = (id: string, payload: unknown, token = api.tokens.muellerManager) => api.request({ method: "POST", url: `/v1/rental-subscriptions/${id}/commands`, token, payload: payload as never });

describe(`rental routes on ${testDatabaseKind()}`, () => {
  it("M1, M3–M7: Müller's manager rents 18 × 11.70, changes to 40, books Teams Phone once provisioned, cancels to the month's end", async () => {
    const placed = await place(api.tokens.muellerManager, { organizationId: api.organizations.mueller, productId: "m365-bs", quantity: 18, consents });
    expect(placed.statusCode, placed.body).toBe(201);
    const rental = placed.json<RentalBody>();
    expect([rental.subscription.startDate, rental.overview.monthlyTotal.amount]).toEqual(["2026-03-01", "210.6"]);
    expect(rental.overview.actions).toEqual({ changeQuantity: true, bookAddOn: false, cancel: true, withdrawCancellation: false });

    const changed = (await act(rental.id, { type: "change-quantity", newTotal: 40 })).json<RentalBody>();
    expect([changed.subscription.quantity, changed.overview.monthlyTotal.amount]).toEqual([40, "468"]);

    expect(expectProblem(await act(rental.id, { type: "book-add-on", addOnId: "teams-phone" }), 422).code).toBe("M6_PRODUCT_NOT_PROVISIONED");
    expectProblem(await act(rental.id, { type: "provision" }), 403);
    expect((await act(rental.id, { type: "provision" }, api.tokens.backOffice)).json<RentalBody>().subscription.status).toBe("provisioned");
    const booked = (await act(rental.id, { type: "book-add-on", addOnId: "teams-phone", quantity: 5 })).json<RentalBody>();
    expect(booked.subscription.addOns.map((addOn) => addOn.addOnId)).toEqual(["teams-phone"]);
    const wished = (await act(rental.id, { type: "book-add-on", addOnId: "copilot" })).json<RentalBody>();
    expect(wished.events?.map((event) => event.type)).toEqual(["add-on-request-ticket"]);

    const cancelled = (await act(rental.id, { type: "cancel" })).json<RentalBody>();
    expect([cancelled.subscription.status, cancelled.subscription.endDate, cancelled.subscription.addOns[0]?.endDate]).toEqual(["cancelled", "2026-03-31", "2026-03-31"]);
    expect(cancelled.events?.map((event) => event.type)).toEqual(["rental-cancelled", "add-on-cancelled"]);

    const outbox = await outboxEventsOf(api.database.db, "rental-subscription", rental.id);
    expect(outbox.map((row) => row.topic)).toEqual([
      "licensing.rental-ordered",
      "licensing.rental-quantity-changed",
      "licensing.rental-provisioned",
      "licensing.add-on-booked",
      "licensing.add-on-request-ticket",
      "licensing.rental-cancelled",
      "licensing.add-on-cancelled",
    ]);
  });

  it("M2: a missing consent rejects the order, naming it", async () => {
    const problem = expectProblem(await place(api.tokens.muellerManager, { organizationId: api.organizations.mueller, productId: "m365-bs", quantity: 5, consents: { termsAndLicenseConditions: true } }), 422, "body.consents.vendorAccountCreation");
    expect(problem.code).toBe("M2_CONSENT_MISSING");
  });

  it("M5: a new total of 0 is refused (cancel instead)", async () => {
    // Bäckerei's: Müller rents the product already (its cancelled rental runs to 2026-03-31).
    const rental = (await place(api.tokens.admin, { organizationId: api.organizations.baeckerei, productId: "m365-bs", quantity: 3, consents })).json<RentalBody>();
    expect(expectProblem(await act(rental.id, { type: "change-quantity", newTotal: 0 }, api.tokens.baeckereiManager), 422).code).toBe("M5_INVALID_QUANTITY");
  });

  it("reporters may not order (403); Bäckerei's manager cannot reach Müller's rentals (404) and lists only its own", async () => {
    expectProblem(await place(api.tokens.muellerReporter, { organizationId: api.organizations.mueller, productId: "m365-bs", quantity: 1, consents }), 403);
    expectProblem(await place(api.tokens.baeckereiManager, { organizationId: api.organizations.mueller, productId: "m365-bs", quantity: 1, consents }), 404);
    const list = await send<{ items: RentalBody[] }>(api, "GET", "/v1/rental-subscriptions", api.tokens.muellerManager, undefined, 200);
    expect(list.items.length).toBe(1); // the M1 rental; the M2 one was rejected, the M5 one is Bäckerei's
    const [first] = list.items;
    expectProblem(await act(first?.id ?? "", { type: "cancel" }, api.tokens.baeckereiManager), 404);
    const own = await send<{ items: { organizationId: string }[] }>(api, "GET", "/v1/rental-subscriptions", api.tokens.baeckereiManager, undefined, 200);
    expect(own.items.map((item) => item.organizationId)).toEqual([api.organizations.baeckerei]);
    const page = await send<{ items: RentalBody[]; nextCursor: string | null }>(api, "GET", "/v1/rental-subscriptions?limit=1", api.tokens.admin, undefined, 200);
    expect(page.items.length).toBe(1);
    expect(page.nextCursor).not.toBeNull();
  });
});
