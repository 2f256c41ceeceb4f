import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBranch } from "../../testing/add-branch.js";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { onTicket, openTicketAs, ticketOutbox, type TicketBody } from "./ticket-test-helpers.js";

let api: TestApi;
let muensterBranch: string;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
  muensterBranch = await addBranch(api, api.organizations.mueller, "Niederlassung Köln", { goods: false, services: true });
}, 60_000);
afterAll(() => api.close());

/**
 * A mail ticket from an address no customer knows (K2: opened at once, organization left for
 * dispatch): opened for Müller through the API, then stored as intake stores such a ticket.
 */
async function ticketFromUnknownSender(): Promise<string> {
  const { ticket } = await openTicketAs(api, api.tokens.dispatcher, {
    organizationId: api.organizations.mueller,
    requester: { email: "neu.mitarbeiter@mueller-gmbh.example" },
    channel: "mail",
  });
  await api.database.query(`UPDATE tickets SET organization_id = NULL, document = document - 'organizationId' WHERE id = $1`, [ticket.id]);
  return ticket.id;
}

const qualify = (ticketId: string, payload: Record<string, unknown>, token = api.tokens.dispatcher) => onTicket(api, token, ticketId, "qualification", payload);
const ids = async (token: string) => (await api.request({ method: "GET", url: "/v1/tickets?limit=100", token })).json<{ items: { id: string }[] }>().items.map((item) => item.id);

describe(`qualifying tickets on ${testDatabaseKind()} (K1, K2)`, () => {
  it("K2/K10: dispatch assigns a mail from an unknown sender to Müller and makes it a request; from then on Müller's portal manager sees it", async () => {
    const id = await ticketFromUnknownSender();
    expect(await ids(api.tokens.muellerManager)).not.toContain(id);
    const response = await qualify(id, { organizationId: api.organizations.mueller, kind: "request" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TicketBody>().ticket).toMatchObject({ organizationId: api.organizations.mueller, kind: "request" });
    expect(await ids(api.tokens.muellerManager)).toContain(id);
    expect((await ticketOutbox(api, id)).map((row) => row.topic)).toContain("ticket.qualified");
  });

  it("O1: a branch must be one of the customer's; 400 on body.branchId otherwise, and an unknown customer 400 on body.organizationId", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    const atBranch = await qualify(ticket.id, { branchId: muensterBranch });
    expect(atBranch.statusCode, atBranch.body).toBe(200);
    expect(atBranch.json<TicketBody>().ticket.branchId).toBe(muensterBranch);
    expectProblem(await qualify(ticket.id, { branchId: "BR-NONE" }), 400, "body.branchId");
    expectProblem(await qualify(ticket.id, { organizationId: "org-none" }), 400, "body.organizationId");
    expectProblem(await qualify(ticket.id, {}), 400);
  });

  it("K10: technicians and portal users may not qualify (403); another customer's user finds no ticket (404); nothing changes", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    expectProblem(await qualify(ticket.id, { kind: "request" }, api.tokens.technician), 403);
    expectProblem(await qualify(ticket.id, { kind: "request" }, api.tokens.muellerManager), 403);
    expectProblem(await qualify(ticket.id, { kind: "request" }, api.tokens.baeckereiManager), 404);
    const stored = (await api.request({ method: "GET", url: `/v1/tickets/${ticket.id}`, token: api.tokens.admin })).json<TicketBody>();
    expect(stored.ticket.kind).toBe("incident");
  });

  it("K1: a closed ticket can no longer be qualified (422 K1_TICKET_CLOSED)", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    expect((await onTicket(api, api.tokens.dispatcher, ticket.id, "status", { type: "resolve" })).statusCode).toBe(200);
    expect((await onTicket(api, api.tokens.dispatcher, ticket.id, "status", { type: "close" })).statusCode).toBe(200);
    expect(expectProblem(await qualify(ticket.id, { kind: "request" }), 422).code).toBe("K1_TICKET_CLOSED");
  });
});
