import { insertRentalSubscription, outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { rentalMonthCharge, rentalSubscriptionSchema } from "@kontor/licensing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { seedLicensingCatalog } from "./licensing-fixtures.js";

interface RentalBody {
  id: string;
  version: number;
  subscription: {
    subscriptionId: string;
    productId: string;
    status: string;
    quantity: number;
    startDate: string;
    endDate: string | null;
    addOns: { addOnId: string; endDate: string | null; endedBy?: string }[];
  };
  overview: {
    actions: { changeQuantity: boolean; bookAddOn: boolean; cancel: boolean; withdrawCancellation: boolean };
    addOns: { addOnId: string; actions: { cancel: boolean } }[];
  };
  events?: { type: string }[];
}

const consents = { termsAndLicenseConditions: true, vendorAccountCreation: true };
const eur = (amount: string) => ({ amount, currency: "EUR" });

let api: TestApi;
beforeAll(async () => {
  // Several connections on PostgreSQL, so concurrent orders really race.
  api = await createTestApi({ now: new Date("2026-03-13T09:00:00Z"), maxConnections: 30 });
  await seedLicensingCatalog(api);
  const premium = {
    vendor: { id: "microsoft", name: "Microsoft" },
    product: {
      id: "m365-bp",
      vendorId: "microsoft",
      name: "Microsoft 365 Business Premium",
      productLine: "m365",
      edition: "cloud",
      billingModel: "monthly-rental",
      currency: "EUR",
      pricing: { kind: "per-user", pricePerUser: eur("20.60") },
    },
  };
  const created = await api.request({ method: "POST", url: "/v1/catalog/products", payload: premium, token: api.tokens.admin });
  if (created.statusCode !== 201) throw new Error(created.body);
}, 60_000);
afterAll(() => api.close());

const at = (instant: string): void => {
  api.clock.set(new Date(instant));
};
const place = (organizationId: string, productId: string, quantity: number, token = api.tokens.admin) =>
  api.request({ method: "POST", url: "/v1/rental-subscriptions", token, payload: { organizationId, productId, quantity, consents } });
const act = (id: string, payload: Record<string, unknown>, token = api.tokens.muellerManager) =>
  api.request({ method: "POST", url: `/v1/rental-subscriptions/${id}/commands`, token, payload });
async function ok(response: Awaited<ReturnType<typeof act>>, status = 200): Promise<RentalBody> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<RentalBody>();
}
/** The stored rental's charge of `month`, as the worker's month billing computes it: `[addOnId, quantity, amount]` per line. */
function charged(body: RentalBody, month: string): [string | null, number, string][] {
  const charge = rentalMonthCharge(rentalSubscriptionSchema.parse(body.subscription), month, { asOf: "2027-01-01T06:00:00Z" });
  if (!charge.ok) throw new Error(JSON.stringify(charge.errors));
  return charge.value.lines.map((line) => [line.addOnId, line.quantity, line.amount.toFixed()]);
}

describe(`rental cancellations and duplicate orders on ${testDatabaseKind()}`, () => {
  it("M4, M6: Müller's Teams Phone × 5 booked 2026-03-13 is cancelled alone on 2026-05-20: it ends 2026-05-31 (billed through May), the product runs on", async () => {
    at("2026-03-13T09:00:00Z");
    const rental = await ok(await place(api.organizations.mueller, "m365-bs", 18, api.tokens.muellerManager), 201);
    await ok(await act(rental.id, { type: "provision" }, api.tokens.backOffice));
    const booked = await ok(await act(rental.id, { type: "book-add-on", addOnId: "teams-phone", quantity: 5 }));
    expect(booked.overview.addOns.map((addOn) => addOn.actions)).toEqual([{ cancel: true }]);

    at("2026-05-20T08:00:00Z");
    expectProblem(await act(rental.id, { type: "cancel-add-on", addOnId: "teams-phone" }, api.tokens.muellerReporter), 403);
    expectProblem(await act(rental.id, { type: "cancel-add-on", addOnId: "teams-phone" }, api.tokens.baeckereiManager), 404);
    const cancelled = await ok(await act(rental.id, { type: "cancel-add-on", addOnId: "teams-phone" }));
    expect([cancelled.subscription.status, cancelled.subscription.endDate, cancelled.subscription.quantity]).toEqual(["provisioned", null, 18]);
    expect(cancelled.subscription.addOns).toEqual([expect.objectContaining({ addOnId: "teams-phone", endDate: "2026-05-31", endedBy: "add-on-cancellation" })]);
    expect(cancelled.events?.map((event) => event.type)).toEqual(["add-on-cancelled"]);
    expect(cancelled.overview.addOns.map((addOn) => addOn.actions)).toEqual([{ cancel: false }]);
    // 18 × 11.70 and 5 × 7.50 through May; June the product alone.
    expect(charged(cancelled, "2026-05")).toEqual([
      [null, 18, "210.60"],
      ["teams-phone", 5, "37.50"],
    ]);
    expect(charged(cancelled, "2026-06")).toEqual([[null, 18, "210.60"]]);

    const notBooked = expectProblem(await act(rental.id, { type: "cancel-add-on", addOnId: "exchange-archiving" }), 422, "body.addOnId");
    expect(notBooked.code).toBe("M6_ADD_ON_NOT_BOOKED");
    expectProblem(await act(rental.id, { type: "cancel-add-on", addOnId: "" }), 400, "body.addOnId");

    const outbox = await outboxEventsOf(api.database.db, "rental-subscription", rental.id);
    expect(outbox.map((row) => row.topic).at(-1)).toBe("licensing.add-on-cancelled");
    expect(outbox.at(-1)?.payload).toMatchObject({ addOnId: "teams-phone", endDate: "2026-05-31" });
  });

  it("M4, M5: R1 cancelled 2026-03-10: ordering again on 03-12 is 409 naming R1 (withdraw); withdrawn on 03-20 it runs on with 18 users, and ordering again is 409 (change its quantity)", async () => {
    const bakery = api.organizations.baeckerei;
    at("2026-03-02T09:00:00Z");
    const r1 = await ok(await place(bakery, "m365-bs", 18, api.tokens.baeckereiManager), 201);
    at("2026-03-10T09:00:00Z");
    const cancelled = await ok(await act(r1.id, { type: "cancel" }, api.tokens.baeckereiManager));
    expect([cancelled.subscription.endDate, cancelled.overview.actions.withdrawCancellation]).toEqual(["2026-03-31", true]);

    at("2026-03-12T09:00:00Z");
    const again = expectProblem(await place(bakery, "m365-bs", 18, api.tokens.baeckereiManager), 409, "body.productId");
    expect(again.code).toBe("M5_PRODUCT_ALREADY_RENTED");
    expect(again.detail).toBe(`Microsoft 365 Business Standard is already rented as ${r1.id}; it is cancelled to 2026-03-31: withdraw its cancellation instead (then change its quantity if needed)`);

    at("2026-03-20T09:00:00Z");
    expectProblem(await act(r1.id, { type: "withdraw-cancellation" }, api.tokens.muellerManager), 404);
    const withdrawn = await ok(await act(r1.id, { type: "withdraw-cancellation" }, api.tokens.baeckereiManager));
    expect([withdrawn.subscription.status, withdrawn.subscription.endDate, withdrawn.subscription.quantity]).toEqual(["ordered", null, 18]);
    expect(withdrawn.overview.actions).toEqual({ changeQuantity: true, bookAddOn: false, cancel: true, withdrawCancellation: false });
    expect(withdrawn.events?.map((event) => event.type)).toEqual(["rental-cancellation-withdrawn"]);
    // April is billed again: 18 × 11.70.
    expect(charged(withdrawn, "2026-04")).toEqual([[null, 18, "210.60"]]);
    expect(expectProblem(await act(r1.id, { type: "withdraw-cancellation" }, api.tokens.baeckereiManager), 422).code).toBe("RENTAL_TRANSITION_NOT_ALLOWED");

    const running = expectProblem(await place(bakery, "m365-bs", 5), 409, "body.productId");
    expect([running.code, running.detail]).toEqual([
      "M5_PRODUCT_ALREADY_RENTED",
      `Microsoft 365 Business Standard is already rented as ${r1.id}; change its quantity instead (the new total, now 18)`,
    ]);
    expect((await ok(await act(r1.id, { type: "change-quantity", newTotal: 23 }, api.tokens.baeckereiManager))).subscription.quantity).toBe(23);

    const outbox = await outboxEventsOf(api.database.db, "rental-subscription", r1.id);
    expect(outbox.map((row) => row.topic)).toEqual([
      "licensing.rental-ordered",
      "licensing.rental-cancelled",
      "licensing.rental-cancellation-withdrawn",
      "licensing.rental-quantity-changed",
    ]);
    const rentals = await api.request({ method: "GET", url: `/v1/rental-subscriptions?organizationId=${bakery}`, token: api.tokens.admin });
    expect(rentals.json<{ items: RentalBody[] }>().items.map((item) => item.id)).toEqual([r1.id]);
  });

  it("M4: after the end date (Europe/Berlin) the cancellation cannot be withdrawn (M4_RENTAL_ENDED) and the product can be ordered again, from the 1st of the new month", async () => {
    const mueller = api.organizations.mueller;
    at("2026-06-10T09:00:00Z");
    const r1 = await ok(await place(mueller, "m365-bp", 10), 201);
    await ok(await act(r1.id, { type: "cancel" }));
    at("2026-06-30T21:30:00Z"); // 23:30 in Berlin: still June 30th
    const lastDay = await api.request({ method: "GET", url: `/v1/rental-subscriptions/${r1.id}`, token: api.tokens.muellerManager });
    expect(lastDay.json<RentalBody>().overview.actions.withdrawCancellation).toBe(true);
    expect(expectProblem(await place(mueller, "m365-bp", 10), 409).code).toBe("M5_PRODUCT_ALREADY_RENTED");

    at("2026-06-30T22:30:00Z"); // July 1st in Berlin
    const ended = await api.request({ method: "GET", url: `/v1/rental-subscriptions/${r1.id}`, token: api.tokens.muellerManager });
    expect(ended.json<RentalBody>().overview.actions.withdrawCancellation).toBe(false);
    expect(expectProblem(await act(r1.id, { type: "withdraw-cancellation" }), 422).code).toBe("M4_RENTAL_ENDED");
    const r2 = await ok(await place(mueller, "m365-bp", 10), 201);
    expect(r2.subscription.startDate).toBe("2026-07-01");
  });

  it("M4, M5: a cancellation is not withdrawn while another rental of the product runs (stored before orders were refused): 409 naming it", async () => {
    at("2026-05-21T09:00:00Z");
    // Müller's Business Standard of the first test runs; a second, cancelled one from before the refusal existed:
    const [running] = (await api.request({ method: "GET", url: `/v1/rental-subscriptions?organizationId=${api.organizations.mueller}`, token: api.tokens.admin }))
      .json<{ items: RentalBody[] }>()
      .items.filter((item) => item.subscription.productId === "m365-bs" && item.subscription.status === "provisioned");
    expect(running).toBeDefined();
    const legacyId = "legacy-duplicate";
    const record = { ...(running?.subscription ?? {}), subscriptionId: legacyId, status: "cancelled", endDate: "2026-05-31", addOns: [] };
    await insertRentalSubscription(api.database.db, { id: legacyId, organizationId: api.organizations.mueller, productId: "m365-bs", status: "cancelled", record }, api.clock.now());
    const refused = expectProblem(await act(legacyId, { type: "withdraw-cancellation" }), 409, "body");
    expect(refused.code).toBe("M5_PRODUCT_ALREADY_RENTED");
    expect(refused.detail).toContain(`already rented as ${running?.id ?? "?"}`);
    const stored = await api.request({ method: "GET", url: `/v1/rental-subscriptions/${legacyId}`, token: api.tokens.admin });
    expect(stored.json<RentalBody>().subscription.status).toBe("cancelled");
  });

  it("M4, M5: ten concurrent orders of one product for one organization: exactly one 201, nine 409 M5_PRODUCT_ALREADY_RENTED", async () => {
    at("2026-08-03T09:00:00Z");
    const orders = () => Promise.all(Array.from({ length: 10 }, () => place(api.organizations.baeckerei, "m365-bp", 7)));
    let responses: Awaited<ReturnType<typeof orders>>;
    if (api.database.kind === "postgres") {
      // Inserts into rental_subscriptions wait until all ten orders wait on a lock, so their
      // checks certainly overlap (reads are not blocked by EXCLUSIVE mode). PGlite runs one
      // transaction at a time anyway.
      const started = await api.database.rawTransaction(async (client) => {
        await client.query("LOCK TABLE rental_subscriptions IN EXCLUSIVE MODE");
        const pending = orders();
        let waiting = 0;
        for (let attempt = 0; attempt < 300 && waiting < 10; attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          const [row] = (await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows;
          waiting = row?.n ?? 0;
        }
        return { pending, waiting };
      });
      expect(started.waiting).toBe(10);
      responses = await started.pending;
    } else {
      responses = await orders();
    }
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    for (const response of responses.filter((item) => item.statusCode === 409)) expect(response.json<{ code: string }>().code).toBe("M5_PRODUCT_ALREADY_RENTED");
    const rentals = (await api.request({ method: "GET", url: `/v1/rental-subscriptions?organizationId=${api.organizations.baeckerei}`, token: api.tokens.admin }))
      .json<{ items: RentalBody[] }>()
      .items.filter((item) => item.subscription.startDate === "2026-08-01");
    expect(rentals).toHaveLength(1);
  }, 60_000);
});
