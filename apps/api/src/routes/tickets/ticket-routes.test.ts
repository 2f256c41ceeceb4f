import { testDatabaseKind } from "@kontor/db/testing";
import { updateOrganization } from "@kontor/db";
import { DEFAULT_TICKET_NUMBER_FORMAT, parseTicketNumber, type Organization } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { MUELLER } from "../../testing/fixtures.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { openTicketAs, ticketOutbox, type TicketBody } from "./ticket-test-helpers.js";

let api: TestApi;
beforeAll(async () => {
  // Monday 16 November 2026, 10:00 in Cologne.
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
  // O1/K5: Müller wants new-ticket mails to the IT lead.
  const withRecipients: Organization = { ...MUELLER, newTicketRecipients: ["it-leitung@mueller-gmbh.de"] };
  await updateOrganization(api.database.db, MUELLER.id, withRecipients, 1, api.clock.now());
}, 60_000);
afterAll(() => api.close());

type ListBody = { items: { id: string; number: string; organizationId: string; status: string; requesterPortalUserId: string | null }[]; nextCursor: string | null };

describe(`ticket routes on ${testDatabaseKind()}`, () => {
  let annasTicket: TicketBody;
  let bensTicket: TicketBody;

  it("K1, K10: a portal manager opens a ticket for her organization as its requester, numbered with a valid check digit", async () => {
    annasTicket = await openTicketAs(api, api.tokens.muellerManager);
    const { ticket } = annasTicket;
    expect(ticket).toMatchObject({
      organizationId: "org-mueller",
      channel: "portal",
      status: "new",
      priority: "normal",
      requester: { email: "anna.becker@mueller-gmbh.de", name: "anna becker", portalUserId: "pu-anna" },
      createdAt: "2026-11-16T09:00:00.000Z",
    });
    const parsed = parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, ticket.number);
    expect(parsed).toMatchObject({ ok: true, value: { year: 2026, sequence: 1 } });
    expect(ticket.history.map((event) => event.type)).toEqual(["ticket-created"]);
  });

  it("K1: ticket numbers count up within the year; a reporter's ticket is his own", async () => {
    bensTicket = await openTicketAs(api, api.tokens.muellerReporter, { kind: "request", subject: "Neue Maus" });
    expect(parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, bensTicket.ticket.number)).toMatchObject({ ok: true, value: { sequence: 2 } });
    expect(bensTicket.ticket.requester.portalUserId).toBe("pu-ben");
  });

  it("K2, K5: the confirmation with number and receipt time and the new-ticket mail are in the outbox with the ticket", async () => {
    const rows = await ticketOutbox(api, annasTicket.ticket.id);
    expect(rows.map((row) => row.topic)).toEqual(["ticket.ticket-created", "mail.ticket-confirmation", "mail.ticket-notification"]);
    const [, confirmation, notification] = rows;
    expect(confirmation?.payload).toMatchObject({
      ticketNumber: annasTicket.ticket.number,
      receivedAtText: "16.11.2026, 10:00 Uhr (Europe/Berlin)",
      mail: {
        to: ["anna.becker@mueller-gmbh.de"],
        subject: `[#${annasTicket.ticket.number}] Eingangsbestätigung: Drucker im Lager druckt nicht`,
        headers: { "Auto-Submitted": "auto-generated" },
      },
    });
    expect(notification?.payload).toMatchObject({ to: ["it-leitung@mueller-gmbh.de"], from: { address: "kundensupport@meinsystemhaus.de" } });
    expect(new Set(rows.map((row) => row.dedupeKey)).size).toBe(3);
  });

  it("staff open tickets for a named organization and contact (K2 phone hotline)", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.dispatcher, {
      organizationId: "org-mueller",
      requester: { email: "dora.klein@mueller-gmbh.de", name: "Dora Klein" },
      priority: "high",
    });
    expect(ticket).toMatchObject({ channel: "phone", priority: "high", requester: { email: "dora.klein@mueller-gmbh.de" } });
    expect(ticket.requester.portalUserId).toBeUndefined();
  });

  it("staff must name organization and requester; portal users may not name another requester", async () => {
    const base = { kind: "incident", subject: "VPN bricht ab", description: "" };
    expectProblem(await api.request({ method: "POST", url: "/v1/tickets", token: api.tokens.dispatcher, payload: { ...base, requester: { email: "a@b.de" } } }), 400, "body.organizationId");
    expectProblem(await api.request({ method: "POST", url: "/v1/tickets", token: api.tokens.dispatcher, payload: { ...base, organizationId: "org-mueller" } }), 400, "body.requester");
    expectProblem(
      await api.request({ method: "POST", url: "/v1/tickets", token: api.tokens.dispatcher, payload: { ...base, organizationId: "org-mueller", requester: { email: "clara@baeckerei-schmidt.de", portalUserId: "pu-clara" } } }),
      400,
      "body.requester.portalUserId",
    );
    expectProblem(await api.request({ method: "POST", url: "/v1/tickets", token: api.tokens.muellerManager, payload: { ...base, requester: { email: "x@mueller-gmbh.de" } } }), 400, "body.requester");
    expectProblem(await api.request({ method: "POST", url: "/v1/tickets", token: api.tokens.dispatcher, payload: { ...base, organizationId: "org-nowhere", requester: { email: "a@b.de" } } }), 404);
  });

  it("K10: back office may not open tickets (403); Bäckerei's manager cannot open one for Müller (404)", async () => {
    const portalBody = { kind: "incident", subject: "x", description: "", organizationId: "org-mueller" };
    const body = { ...portalBody, requester: { email: "a@mueller-gmbh.de" } };
    expect(expectProblem(await api.request({ method: "POST", url: "/v1/tickets", token: api.tokens.backOffice, payload: body }), 403).code).toBe("K10_ACCESS_DENIED");
    expectProblem(await api.request({ method: "POST", url: "/v1/tickets", token: api.tokens.baeckereiManager, payload: portalBody }), 404);
  });

  it("K10: the manager sees every ticket of Müller, the reporter only his own, Bäckerei none", async () => {
    const ids = async (token: string) => (await api.request({ method: "GET", url: "/v1/tickets", token })).json<ListBody>().items.map((item) => item.id);
    expect(await ids(api.tokens.muellerManager)).toEqual(expect.arrayContaining([annasTicket.ticket.id, bensTicket.ticket.id]));
    expect(await ids(api.tokens.muellerReporter)).toEqual([bensTicket.ticket.id]);
    expect(await ids(api.tokens.baeckereiManager)).toEqual([]);
    // Asking for Müller explicitly does not widen a portal user's scope.
    const foreign = await api.request({ method: "GET", url: "/v1/tickets?organizationId=org-mueller", token: api.tokens.baeckereiManager });
    expect(foreign.json<ListBody>().items).toEqual([]);
  });

  it("K10: a reporter cannot read a colleague's ticket and Bäckerei cannot read Müller's: 404, not 403", async () => {
    expect((await api.request({ method: "GET", url: `/v1/tickets/${bensTicket.ticket.id}`, token: api.tokens.muellerReporter })).statusCode).toBe(200);
    expect((await api.request({ method: "GET", url: `/v1/tickets/${bensTicket.ticket.id}`, token: api.tokens.muellerManager })).statusCode).toBe(200);
    expectProblem(await api.request({ method: "GET", url: `/v1/tickets/${annasTicket.ticket.id}`, token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url: `/v1/tickets/${annasTicket.ticket.id}`, token: api.tokens.baeckereiManager }), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/tickets/no-such-ticket", token: api.tokens.admin }), 404);
  });

  it("lists across pages in creation order without gaps or repeats, filtered by status", async () => {
    const { ticket: baeckerei } = await openTicketAs(api, api.tokens.baeckereiManager, { subject: "Kasse startet nicht" });
    for (let index = 0; index < 3; index += 1) {
      api.clock.set(new Date(Date.UTC(2026, 10, 16, 10, index)));
      await openTicketAs(api, api.tokens.muellerManager, { subject: `Folgeticket ${index}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/v1/tickets?organizationId=org-mueller&limit=2${cursor === null ? "" : `&cursor=${cursor}`}`;
      const page: ListBody = (await api.request({ method: "GET", url, token: api.tokens.dispatcher })).json<ListBody>();
      seen.push(...page.items.map((item) => item.id));
      expect(page.items.every((item) => item.organizationId === "org-mueller")).toBe(true);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(pages).toBe(3);
    expect(seen).not.toContain(baeckerei.id);
    const all = (await api.request({ method: "GET", url: "/v1/tickets?limit=200", token: api.tokens.dispatcher })).json<ListBody>();
    expect(all.items.map((item) => item.id)).toContain(baeckerei.id);
    const resolved = await api.request({ method: "GET", url: "/v1/tickets?status=resolved", token: api.tokens.dispatcher });
    expect(resolved.json<ListBody>().items).toEqual([]);
    expectProblem(await api.request({ method: "GET", url: "/v1/tickets?cursor=garbage", token: api.tokens.dispatcher }), 400, "query.cursor");
  });

  it("K1: concurrent openings get distinct consecutive numbers", async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        api.request({ method: "POST", url: "/v1/tickets", token: api.tokens.muellerManager, payload: { kind: "incident", subject: `Gleichzeitig ${index}`, description: "" } }),
      ),
    );
    const sequences = responses.map((response) => {
      expect(response.statusCode, response.body).toBe(201);
      const parsed = parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, response.json<TicketBody>().ticket.number);
      return parsed.ok ? parsed.value.sequence : -1;
    });
    const sorted = [...sequences].sort((a, b) => a - b);
    expect(new Set(sorted).size).toBe(8);
    expect((sorted.at(-1) ?? 0) - (sorted[0] ?? 0)).toBe(7);
  });
});
