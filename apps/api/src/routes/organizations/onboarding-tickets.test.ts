import { findOrganization } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_TICKET_NUMBER_FORMAT, parseTicketNumber, type Organization } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages } from "../../testing/all-pages.js";
import { expectProblem } from "../../testing/expect-problem.js";
import { MUELLER } from "../../testing/fixtures.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { ticketOutbox, type TicketBody } from "../tickets/ticket-test-helpers.js";

// Its own API: the last test moves the ticket number sequence into 2027 and the clock back.
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
}, 60_000);
afterAll(() => api.close());

interface OrganizationResponse {
  readonly organization: Organization;
  readonly version: number;
}

interface TicketSummary {
  readonly id: string;
  readonly number: string;
  readonly organizationId: string | null;
  readonly kind: string;
  readonly channel: string;
  readonly status: string;
  readonly subject: string;
  readonly requesterEmail: string;
  readonly requesterPortalUserId: string | null;
  readonly assigneeId: string | null;
}

const INVENTORY = "Erstinventarisierung des Netzwerks";
const CREATE_DOCUMENTATION = "Netzwerk-/Account-Dokumentation erstellen";
const TAKE_OVER_DOCUMENTATION = "Vorhandene Netzwerk-/Account-Dokumentation übernehmen";
const SERVICE_DESK = { email: "kundensupport@meinsystemhaus.de", name: "CSM Kundensupport" };

// Rhein Logistik GmbH in Köln, onboarded with seed 004's questionnaire (O1); its IT lead gets new-ticket mails (K5).
const rhein: Omit<Organization, "id"> & { id?: string } = {
  ...MUELLER,
  name: "Rhein Logistik GmbH",
  address: { street: "Deutz-Mülheimer Straße 30", postalCode: "51063", city: "Köln", country: "DE" },
  serviceReportRecipient: "buchhaltung@rhein-logistik.de",
  newTicketRecipients: ["it-leitung@rhein-logistik.de"],
  mailDomains: ["rhein-logistik.de"],
};
delete rhein.id;

const onboard = (body: Record<string, unknown>) => api.request({ method: "POST", url: "/v1/organizations", token: api.tokens.accountManager, payload: { ...rhein, ...body } });
const replace = (id: string, body: Record<string, unknown>) => api.request({ method: "PUT", url: `/v1/organizations/${id}`, token: api.tokens.accountManager, payload: body });

async function onboarded(body: Record<string, unknown>): Promise<string> {
  const created = await onboard(body);
  expect(created.statusCode, created.body).toBe(201);
  return created.json<OrganizationResponse>().organization.id;
}

/** The organization's tickets as the service desk lists them (`GET /v1/tickets?organizationId=`). */
async function ticketsOf(organizationId: string, token = api.tokens.dispatcher): Promise<TicketSummary[]> {
  return (await allPages(api, `/v1/tickets?organizationId=${organizationId}&limit=100`, token)) as TicketSummary[];
}

async function ticket(id: string, token = api.tokens.dispatcher): Promise<TicketBody> {
  const response = await api.request({ method: "GET", url: `/v1/tickets/${id}`, token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TicketBody>();
}

async function ticketCount(): Promise<number> {
  return (await allPages(api, "/v1/tickets?limit=100", api.tokens.admin)).length;
}

async function organizationCount(): Promise<number> {
  return (await allPages(api, "/v1/organizations?limit=100", api.tokens.admin)).length;
}

describe(`onboarding tickets on ${testDatabaseKind()} (O1)`, () => {
  it("O1, K6: onboarding with initialInventoryWanted and documentation 'create-requested' opens exactly the two request tickets, new, unassigned, for the service desk", async () => {
    const id = await onboarded({ initialInventoryWanted: true, documentation: "create-requested" });
    const tickets = await ticketsOf(id);
    expect(tickets.map((item) => item.subject).sort()).toEqual([INVENTORY, CREATE_DOCUMENTATION].sort());
    for (const item of tickets) {
      expect(item).toMatchObject({ organizationId: id, kind: "request", channel: "schedule", status: "new", assigneeId: null, requesterEmail: SERVICE_DESK.email, requesterPortalUserId: null });
    }
    const inventory = (await ticket(tickets.find((item) => item.subject === INVENTORY)?.id ?? "")).ticket;
    expect(inventory).toMatchObject({ requester: SERVICE_DESK, scheduleKey: `onboarding:${id}:initial-inventory`, createdAt: "2026-11-16T09:00:00.000Z" });
    expect(inventory.assigneeId).toBeUndefined();
    expect(inventory.description).toContain("Rhein Logistik GmbH hat beim Onboarding gewünscht, dass das Netzwerk initial inventarisiert wird");
    expect(inventory.description).toContain("als Assets des Kunden erfassen (K11");
    expect(inventory.history.map((event) => [event.type, event.by])).toEqual([["ticket-created", { kind: "system", id: "kontor" }]]);
    const documentation = (await ticket(tickets.find((item) => item.subject === CREATE_DOCUMENTATION)?.id ?? "")).ticket;
    expect(documentation).toMatchObject({ requester: SERVICE_DESK, scheduleKey: `onboarding:${id}:documentation-create` });
    expect(documentation.description).toContain("keine Netzwerk-/Account-Dokumentation existiert");
  });

  it("O1, K1, K2, K5: the tickets take the normal opening path: K1 numbers, history event and the new-ticket mail to the organization's recipients, but no K2 confirmation", async () => {
    const id = await onboarded({ initialInventoryWanted: true, documentation: "none" });
    const [only] = await ticketsOf(id);
    expect(only?.subject).toBe(INVENTORY);
    expect(parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, only?.number ?? "")).toMatchObject({ ok: true, value: { year: 2026 } });
    const rows = await ticketOutbox(api, only?.id ?? "");
    expect(rows.map((row) => row.topic)).toEqual(["ticket.ticket-created", "mail.ticket-notification"]);
    expect(rows[1]?.payload).toMatchObject({
      to: ["it-leitung@rhein-logistik.de"],
      from: { address: SERVICE_DESK.email },
      subject: `[#${only?.number ?? ""}] Neues Ticket: ${INVENTORY}`,
    });
  });

  it("O1: documentation 'existing' opens only the takeover ticket", async () => {
    const id = await onboarded({ initialInventoryWanted: false, documentation: "existing" });
    const tickets = await ticketsOf(id);
    expect(tickets.map((item) => item.subject)).toEqual([TAKE_OVER_DOCUMENTATION]);
    expect((await ticket(tickets[0]?.id ?? "")).ticket).toMatchObject({ scheduleKey: `onboarding:${id}:documentation-takeover`, requester: SERVICE_DESK });
  });

  it("O1: no inventory wish and documentation 'none' open no ticket", async () => {
    const before = await ticketCount();
    const id = await onboarded({ initialInventoryWanted: false, documentation: "none" });
    expect(await ticketsOf(id)).toEqual([]);
    expect(await ticketCount()).toBe(before);
  });

  it("O1: a PUT that turns the inventory wish on opens its ticket once; an identical PUT, turning it off (which closes nothing) and on again open no other", async () => {
    const id = await onboarded({ initialInventoryWanted: false, documentation: "none" });
    const wished = { ...rhein, initialInventoryWanted: true, documentation: "none" };
    const first = await replace(id, { ...wished, expectedVersion: 1 });
    expect(first.statusCode, first.body).toBe(200);
    // The answer stays the record.
    expect(first.json<OrganizationResponse>()).toEqual({ version: 2, organization: { id, ...wished } });
    const opened = await ticketsOf(id);
    expect(opened.map((item) => [item.subject, item.status, item.assigneeId])).toEqual([[INVENTORY, "new", null]]);

    expect((await replace(id, { ...wished, expectedVersion: 2 })).statusCode).toBe(200);
    expect(await ticketsOf(id)).toEqual(opened);
    expect((await replace(id, { ...wished, initialInventoryWanted: false, expectedVersion: 3 })).statusCode).toBe(200);
    expect(await ticketsOf(id)).toEqual(opened);
    expect((await replace(id, { ...wished, expectedVersion: 4 })).statusCode).toBe(200);
    expect(await ticketsOf(id)).toEqual(opened);
  });

  it("O1: a PUT that changes the documentation answer opens the ticket of the new answer, and keeps the earlier one", async () => {
    const id = await onboarded({ initialInventoryWanted: false, documentation: "existing" });
    const updated = await replace(id, { ...rhein, initialInventoryWanted: false, documentation: "create-requested", expectedVersion: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await ticketsOf(id)).map((item) => item.subject).sort()).toEqual([TAKE_OVER_DOCUMENTATION, CREATE_DOCUMENTATION].sort());
  });

  it("O1, K10: a record stored before keeps its wishes without a ticket until a PUT turns one on; that ticket is the customer's, its portal manager sees it", async () => {
    const mueller: Omit<Organization, "id"> & { id?: string } = { ...MUELLER };
    delete mueller.id;
    // Müller GmbH was stored with documentation "existing" (test fixture): a change of its recipients opens nothing.
    const recipients = await replace(MUELLER.id, { ...mueller, newTicketRecipients: ["it@mueller-gmbh.de"], expectedVersion: 1 });
    expect(recipients.statusCode, recipients.body).toBe(200);
    expect(await ticketsOf(MUELLER.id)).toEqual([]);
    const inventory = await replace(MUELLER.id, { ...mueller, newTicketRecipients: ["it@mueller-gmbh.de"], initialInventoryWanted: true, expectedVersion: 2 });
    expect(inventory.statusCode, inventory.body).toBe(200);
    expect((await ticketsOf(MUELLER.id)).map((item) => item.subject)).toEqual([INVENTORY]);
    const seen = await ticketsOf(MUELLER.id, api.tokens.muellerManager);
    expect(seen.map((item) => item.subject)).toEqual([INVENTORY]);
    expect((await ticket(seen[0]?.id ?? "", api.tokens.muellerManager)).ticket.subject).toBe(INVENTORY);
    expect(await ticketsOf(MUELLER.id, api.tokens.baeckereiManager)).toEqual([]);
  });

  it("O1, T4: a POST refused by validation (VAT ID with a wrong check digit, 422) stores no organization and opens no ticket", async () => {
    const [tickets, organizations] = [await ticketCount(), await organizationCount()];
    const refused = await onboard({ initialInventoryWanted: true, documentation: "create-requested", vatId: "DE811907981" });
    expect(expectProblem(refused, 422, "body.vatId").code).toBe("T4_VAT_ID_CHECK_DIGIT");
    expect(await ticketCount()).toBe(tickets);
    expect(await organizationCount()).toBe(organizations);
  });

  it("O1, K1: when the ticket number is refused after the record was written, POST stores no organization and PUT keeps the old record: one transaction", async () => {
    // A ticket of 2027 is numbered; a clock set back into 2026 may not number another (K1_TICKET_NUMBER_OUT_OF_ORDER).
    api.clock.set(new Date("2027-01-04T09:00:00Z"));
    const id = await onboarded({ initialInventoryWanted: false, documentation: "create-requested" });
    api.clock.set(new Date("2026-12-30T09:00:00Z"));
    const [tickets, organizations] = [await ticketCount(), await organizationCount()];
    expect(expectProblem(await onboard({ initialInventoryWanted: true, documentation: "none" }), 422).code).toBe("K1_TICKET_NUMBER_OUT_OF_ORDER");
    expect(await organizationCount()).toBe(organizations);
    expect(expectProblem(await replace(id, { ...rhein, initialInventoryWanted: true, documentation: "create-requested", expectedVersion: 1 }), 422).code).toBe("K1_TICKET_NUMBER_OUT_OF_ORDER");
    const stored = await findOrganization(api.database.db, id);
    expect(stored?.version).toBe(1);
    expect((stored?.record as Organization).initialInventoryWanted).toBe(false);
    expect(await ticketCount()).toBe(tickets);

    // Nothing was left behind: with the clock right again, the same PUT opens the inventory ticket.
    api.clock.set(new Date("2027-01-04T10:00:00Z"));
    expect((await replace(id, { ...rhein, initialInventoryWanted: true, documentation: "create-requested", expectedVersion: 1 })).statusCode).toBe(200);
    expect((await ticketsOf(id)).map((item) => item.subject).sort()).toEqual([INVENTORY, CREATE_DOCUMENTATION].sort());
  });
});
