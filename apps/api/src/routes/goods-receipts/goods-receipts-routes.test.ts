import { assetsExpiringBy, findAsset } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_TICKET_NUMBER_FORMAT, expiryWarnings, parseTicketNumber, type Asset, type Ticket } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages } from "../../testing/all-pages.js";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { openTicketAs, ticketOutbox } from "../tickets/ticket-test-helpers.js";
import { addBranch } from "../../testing/add-branch.js";

// The test clock stands at Monday 2026-11-16T09:00Z; the default K11 lead time is 30 days.

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

interface StoredAsset {
  asset: Asset;
  earliestExpiry: string | null;
  version: number;
}

interface BookedReceipt {
  receiptId: string;
  assets: StoredAsset[];
  ticket: { ticket: Ticket; version: number; attachments: unknown[] };
}

/** K11: a FortiGate with a hardware warranty to 2029-02-28 and a UTM license expiring 2026-12-31. */
function fortiGate(assetId: string) {
  return {
    assetId,
    name: "FortiGate 60F",
    category: "firewall",
    serialNumber: `FGT60F-${assetId}`,
    technicalData: { model: "FortiGate 60F", firmware: "7.4.3" },
    purchaseDate: "2026-11-10",
    warrantyEnd: "2029-02-28",
    licenses: [{ id: "lic-utm", product: "FortiGuard UTM Bundle", expiresOn: "2026-12-31" }],
  };
}

/** A switch without licenses. */
function fortiSwitch(assetId: string) {
  return { assetId, name: "FortiSwitch 124F", category: "network", serialNumber: `S124F-${assetId}`, technicalData: { ports: "24" }, warrantyEnd: "2031-11-30" };
}

/** A goods receipt from ALSO for Müller GmbH: firewall and switch, unless other items are given. */
function receipt(id: string, items: readonly object[] = [fortiGate(`${id}-fw`), fortiSwitch(`${id}-sw`)]) {
  return { id, organizationId: api.organizations.mueller, supplier: "ALSO Deutschland GmbH", deliveryNote: `LS-${id}`, receivedAt: "2026-11-16T08:30:00+01:00", items };
}

function book(payload: unknown, token = api.tokens.materialsManagement, headers: Record<string, string> = {}) {
  return api.request({ method: "POST", url: "/v1/goods-receipts", token, payload: payload as never, headers });
}

/** The sequence part of a K1 ticket number; fails the test when the number is not valid (check digit included). */
function sequenceOf(number: string): number {
  const parsed = parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, number);
  if (!parsed.ok) throw new Error(`${number} is no valid ticket number: ${JSON.stringify(parsed.errors)}`);
  return parsed.value.sequence;
}

/** Müller's tickets whose subject names the delivery note of receipt `id` (there must be at most one). */
async function pickAndPackTickets(id: string): Promise<unknown[]> {
  const items = await allPages(api, `/v1/tickets?organizationId=${api.organizations.mueller}`, api.tokens.admin);
  return items.filter((item) => (item as { subject: string }).subject.endsWith(`Lieferschein LS-${id}`));
}

/** The ids of Müller's assets that start with `prefix`. */
async function assetIds(prefix: string): Promise<string[]> {
  const items = await allPages(api, `/v1/assets?organizationId=${api.organizations.mueller}`, api.tokens.admin);
  return items.map((item) => (item as StoredAsset).asset.id).filter((id) => id.startsWith(prefix));
}

describe(`goods receipts on ${testDatabaseKind()} (K9, K11)`, () => {
  let booked: BookedReceipt;

  it("K9, K11, K1: materials management books a FortiGate and a switch for Müller GmbH: two assets and one pick-and-pack ticket numbered between the other tickets", async () => {
    const before = await openTicketAs(api, api.tokens.muellerManager);
    const response = await book(receipt("WE-1"));
    expect(response.statusCode, response.body).toBe(201);
    booked = response.json<BookedReceipt>();
    const after = await openTicketAs(api, api.tokens.muellerManager);

    expect(booked.receiptId).toBe("WE-1");
    expect(response.headers.location).toBe(`/v1/tickets/${booked.ticket.ticket.id}`);
    // K11: recorded before delivery, with the receipt instant; no client said who recorded them.
    const { assetId: firewallId, ...firewall } = fortiGate("WE-1-fw");
    const { assetId: switchId, ...switchItem } = fortiSwitch("WE-1-sw");
    const common = { organizationId: "org-mueller", source: "goods-receipt", recordedAt: "2026-11-16T08:30:00+01:00" };
    expect(booked.assets.map((stored) => stored.asset)).toEqual([
      { id: firewallId, ...firewall, ...common },
      { id: switchId, ...switchItem, licenses: [], ...common },
    ]);
    expect(booked.assets.map((stored) => stored.earliestExpiry)).toEqual(["2026-12-31", "2031-11-30"]);

    // K9: a request ticket of materials management, numbered like every other ticket (K1).
    const { ticket } = booked.ticket;
    expect(ticket).toMatchObject({
      kind: "request",
      channel: "schedule",
      status: "new",
      organizationId: "org-mueller",
      subject: "Kommissionieren und Packen: ALSO Deutschland GmbH, Lieferschein LS-WE-1",
      scheduleKey: "goods-receipt:WE-1",
      createdAt: "2026-11-16T09:00:00.000Z",
    });
    expect(ticket.description).toBe("- FortiGate 60F (S/N FGT60F-WE-1-fw)\n- FortiSwitch 124F (S/N S124F-WE-1-sw)");
    expect(ticket.history).toEqual([expect.objectContaining({ type: "ticket-created", by: { kind: "staff", id: api.users.materialsManagement } })]);
    const first = sequenceOf(before.ticket.number);
    expect([before.ticket.number, ticket.number, after.ticket.number].map(sequenceOf)).toEqual([first, first + 1, first + 2]);
  });

  it("K9, K11: both assets are listed by GET /v1/assets with source goods-receipt, the ticket is read by GET /v1/tickets/:id", async () => {
    const listed = (await allPages(api, `/v1/assets?organizationId=${api.organizations.mueller}`, api.tokens.dispatcher)) as StoredAsset[];
    const ours = listed.filter((stored) => stored.asset.id.startsWith("WE-1-"));
    expect(ours.map((stored) => [stored.asset.id, stored.asset.source])).toEqual([
      ["WE-1-fw", "goods-receipt"],
      ["WE-1-sw", "goods-receipt"],
    ]);
    expect(ours).toEqual(booked.assets);
    // K10: Müller's portal manager sees the new assets too.
    expect((await api.request({ method: "GET", url: "/v1/assets/WE-1-fw", token: api.tokens.muellerManager })).statusCode).toBe(200);

    const read = await api.request({ method: "GET", url: `/v1/tickets/${booked.ticket.ticket.id}`, token: api.tokens.dispatcher });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual(booked.ticket);
  });

  it("K1, K9: the ticket's outbox event is written with it; no K2 confirmation goes to materials management's placeholder address", async () => {
    const rows = await ticketOutbox(api, booked.ticket.ticket.id);
    expect(rows.map((row) => row.topic)).toEqual(["ticket.ticket-created"]);
    expect(rows[0]?.payload).toMatchObject({ type: "ticket-created", number: booked.ticket.ticket.number, kind: "request", channel: "schedule" });
  });

  it("K11: the worker's expiry query finds the UTM license of the received FortiGate, and warns 30 days ahead", async () => {
    expect((await assetsExpiringBy(api.database.db, "2026-12-30")).map((row) => row.id)).not.toContain("WE-1-fw");
    const candidates = await assetsExpiringBy(api.database.db, "2026-12-31");
    expect(candidates.map((row) => row.id)).toContain("WE-1-fw");
    expect(candidates.map((row) => row.id)).not.toContain("WE-1-sw");
    const stored = candidates.find((row) => row.id === "WE-1-fw")?.record as Asset;
    const warnings = expiryWarnings([stored], "2026-12-01T06:00:00+01:00", "Europe/Berlin");
    expect(warnings.ok && warnings.value).toEqual([expect.objectContaining({ type: "license-expiring", assetId: "WE-1-fw", licenseId: "lic-utm", expiresOn: "2026-12-31" })]);
  });

  it("K9, K11: a repeated receipt id is 409 GOODS_RECEIPT_ALREADY_BOOKED naming the ticket, even with other items; still 2 assets and 1 ticket", async () => {
    for (const again of [receipt("WE-1"), receipt("WE-1", [fortiGate("WE-1-fw-b")])]) {
      const problem = expectProblem(await book(again), 409, "body.id");
      expect(problem.code).toBe("GOODS_RECEIPT_ALREADY_BOOKED");
      expect(problem.detail).toContain(booked.ticket.ticket.number);
      expect(problem.detail).toContain(`/v1/tickets/${booked.ticket.ticket.id}`);
    }
    expect(await assetIds("WE-1-")).toEqual(["WE-1-fw", "WE-1-sw"]);
    expect(await pickAndPackTickets("WE-1")).toHaveLength(1);
  });

  it("K11: a receipt naming an asset id that exists is 409 ASSET_ID_TAKEN on that item, and stores nothing: no ticket, no other asset, no ticket number used", async () => {
    const before = await openTicketAs(api, api.tokens.muellerManager);
    const problem = expectProblem(await book(receipt("WE-2", [fortiSwitch("WE-2-sw"), fortiGate("WE-1-fw")])), 409, "body.items.1.assetId");
    expect(problem.code).toBe("ASSET_ID_TAKEN");
    expect(await assetIds("WE-2-")).toEqual([]);
    expect(await findAsset(api.database.db, "WE-2-sw")).toBeUndefined();
    expect(await pickAndPackTickets("WE-2")).toEqual([]);
    // K1: the failed booking took no number, so the next ticket follows gap-free.
    const after = await openTicketAs(api, api.tokens.muellerManager);
    expect(sequenceOf(after.ticket.number)).toBe(sequenceOf(before.ticket.number) + 1);
    // The firewall booked before is unchanged.
    expect((await findAsset(api.database.db, "WE-1-fw"))?.version).toBe(1);
  });

  it("K9: two concurrent bookings of one receipt id store it once: one 201, one 409", async () => {
    const [first, second] = await Promise.all([book(receipt("WE-3", [fortiGate("WE-3-fw-a")])), book(receipt("WE-3", [fortiGate("WE-3-fw-b")]))]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    expect(await assetIds("WE-3-")).toHaveLength(1);
    expect(await pickAndPackTickets("WE-3")).toHaveLength(1);
  });

  it("K11: without receivedAt the assets are recorded at the current instant; an admin may book too", async () => {
    // undefined is left out of the JSON body.
    const response = await book({ ...receipt("WE-4"), receivedAt: undefined }, api.tokens.admin);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<BookedReceipt>();
    expect(body.assets.map((stored) => stored.asset.recordedAt)).toEqual(["2026-11-16T09:00:00.000Z", "2026-11-16T09:00:00.000Z"]);
    expect(body.ticket.ticket.history[0]?.by).toEqual({ kind: "staff", id: api.users.admin });
  });

  it("K9, K10: technicians (asset:write, but no goods-receipt:record), dispatch and back office get 403; portal users 404; nothing is stored", async () => {
    for (const token of [api.tokens.technician, api.tokens.dispatcher, api.tokens.backOffice, api.tokens.accountManager]) {
      expect(expectProblem(await book(receipt("WE-5"), token), 403).code).toBe("K10_ACCESS_DENIED");
    }
    for (const token of [api.tokens.muellerManager, api.tokens.muellerReporter, api.tokens.baeckereiManager]) expectProblem(await book(receipt("WE-5"), token), 404);
    expect(await assetIds("WE-5-")).toEqual([]);
    expect(await pickAndPackTickets("WE-5")).toEqual([]);
  });

  it("K11, O1: an unknown organization is 404 on body.organizationId, an unknown branch 400 on body.branchId, as POST /v1/assets answers", async () => {
    expectProblem(await book({ ...receipt("WE-6"), organizationId: "org-unknown" }), 404, "body.organizationId");
    expectProblem(await book({ ...receipt("WE-6"), branchId: "branch-porz" }), 400, "body.branchId");
    expect(await assetIds("WE-6-")).toEqual([]);
  });

  it("O1: goods are received for a branch that receives goods; one served only with services is 400 not_receiving_goods on body.branchId, and nothing is booked", async () => {
    const lager = await addBranch(api, api.organizations.mueller, "Lager Deutz", { goods: true, services: true });
    const buero = await addBranch(api, api.organizations.mueller, "Büro Deutz", { goods: false, services: true });
    const refused = expectProblem(await book({ ...receipt("WE-6b"), branchId: buero }), 400, "body.branchId");
    expect(refused.errors?.[0]).toMatchObject({ code: "not_receiving_goods" });
    expect(JSON.stringify(refused.errors)).toContain("Büro Deutz");
    expect(await assetIds("WE-6b-")).toEqual([]);
    expect(await pickAndPackTickets("WE-6b")).toEqual([]);
    const booked = await book({ ...receipt("WE-6c"), branchId: lager });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json<BookedReceipt>().assets.map((stored) => stored.asset.branchId)).toEqual([lager, lager]);
  });

  it("K11: bad input is 400 naming the field: no items, an impossible warranty end, a license linked twice, an asset id twice, a client-supplied recordedBy", async () => {
    expectProblem(await book(receipt("WE-7", [])), 400, "body.items");
    expectProblem(await book(receipt("WE-7", [fortiSwitch("WE-7-sw"), { ...fortiGate("WE-7-fw"), warrantyEnd: "2029-02-29" }])), 400, "body.items.1.warrantyEnd");
    const utm = fortiGate("WE-7-fw").licenses[0];
    expectProblem(await book(receipt("WE-7", [fortiSwitch("WE-7-sw"), { ...fortiGate("WE-7-fw"), licenses: [utm, utm] }])), 400, "body.items.1.licenses.1.id");
    expectProblem(await book(receipt("WE-7", [fortiSwitch("WE-7-sw"), fortiSwitch("WE-7-sw")])), 400, "body.items.1.assetId");
    // K11: who recorded the receipt is the caller, never the body.
    expect(expectProblem(await book({ ...receipt("WE-7"), recordedBy: "staff-technician" }), 400, "body").errors?.[0]?.code).toBe("unrecognized_keys");
    expectProblem(await book({ ...receipt("WE-7"), supplier: "" }), 400, "body.supplier");
    expect(await assetIds("WE-7-")).toEqual([]);
    expect(await pickAndPackTickets("WE-7")).toEqual([]);
  });

  it("K9: a POST retried with the same Idempotency-Key replays the same 201 body and stores nothing new", async () => {
    const headers = { "idempotency-key": "goods-receipt-WE-8" };
    const first = await book(receipt("WE-8"), api.tokens.materialsManagement, headers);
    const replay = await book(receipt("WE-8"), api.tokens.materialsManagement, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.headers.location).toBe(first.headers.location);
    expect(replay.body).toBe(first.body);
    expect(await assetIds("WE-8-")).toEqual(["WE-8-fw", "WE-8-sw"]);
    expect(await pickAndPackTickets("WE-8")).toHaveLength(1);
  });
});
