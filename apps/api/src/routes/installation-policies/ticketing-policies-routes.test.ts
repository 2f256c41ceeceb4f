import { findInstallationPolicies } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_TICKETING_POLICIES, DEFAULT_TICKETING_POLICY, type Ticket, type TicketingPolicy } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { onTicket, openTicketAs, type TicketBody } from "../tickets/ticket-test-helpers.js";

// Tickets are resolved 2026-11-16T09:00Z; Müller GmbH counts days in Europe/Berlin (no DST change until March).

/** The shipped defaults as JSON, the form `GET` answers and `PUT` takes. */
const defaults = (): TicketingPolicy[] => JSON.parse(JSON.stringify(DEFAULT_TICKETING_POLICIES)) as TicketingPolicy[];

/** From 2026-11-19T12:00Z: customers reopen within 2 days instead of 14 (K1); only critical sensor reports open tickets (K8). */
const SHORTER: TicketingPolicy = {
  ...DEFAULT_TICKETING_POLICY,
  effectiveFrom: "2026-11-19T12:00:00Z",
  tickets: { reopenWindowDays: 2 },
  monitoring: { ticketSeverities: ["critical"] },
};

/** P1: the shipped version keeps applying before 2026-11-19T12:00Z; the installation's own applies from then on. */
const STORED = [DEFAULT_TICKETING_POLICY, SHORTER];

interface StoredPolicies {
  readonly policies: { readonly serviceDesk: readonly TicketingPolicy[] };
  readonly source: "stored" | "default";
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

type AlertBody = { action: string; ticketId?: string; reason?: string };

let api: TestApi;
let monitoringKey: string;
/** Resolved 2026-11-16T09:00Z, one per check; d stays resolved until the last two checks. */
const resolved = {} as Record<"a" | "b" | "c" | "d", Ticket>;

beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
  for (const name of ["a", "b", "c", "d"] as const) {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager, { subject: `Ticket ${name}: VPN bricht ab` });
    const done = await onTicket(api, api.tokens.dispatcher, ticket.id, "status", { type: "resolve" });
    expect(done.statusCode, done.body).toBe(200);
    resolved[name] = done.json<TicketBody>().ticket;
  }
  const source = await api.request({ method: "POST", url: "/v1/monitoring/sources", token: api.tokens.dispatcher, payload: { organizationId: api.organizations.mueller, name: "PRTG Köln" } });
  monitoringKey = source.json<{ key: string }>().key;
}, 60_000);
afterAll(() => api.close());

const at = (instant: string): void => {
  api.clock.set(new Date(instant));
};
const get = (who: keyof TestTokens = "admin") => api.request({ method: "GET", url: "/v1/ticketing-policies", token: api.tokens[who] });
const put = (serviceDesk: unknown, expectedVersion?: number) =>
  api.request({ method: "PUT", url: "/v1/ticketing-policies", token: api.tokens.admin, payload: { policies: { serviceDesk }, ...(expectedVersion === undefined ? {} : { expectedVersion }) } });
const reopenAsCustomer = (ticket: Ticket) => onTicket(api, api.tokens.muellerManager, ticket.id, "status", { type: "reopen" });
const statusOf = async (ticket: Ticket) => (await api.request({ method: "GET", url: `/v1/tickets/${ticket.id}`, token: api.tokens.dispatcher })).json<TicketBody>().ticket.status;

function warning(sensorId: string, severity: "warning" | "critical" = "warning") {
  return api.request({
    method: "POST",
    url: "/v1/monitoring/alerts",
    headers: { "x-monitoring-key": monitoringKey },
    payload: { sensorId, kind: "deviation", severity, check: "disk C: free space", message: "Free space 8 % (threshold 10 %)", observedAt: api.clock.now().toISOString() },
  });
}

describe(`ticketing policies on ${testDatabaseKind()} (P1, K1, K8)`, () => {
  it("P1: before any write, admin, dispatcher and back office read the shipped defaults with version 0 (K1 reopen window 14 days); a technician gets 403, a portal user 404", async () => {
    for (const who of ["admin", "dispatcher", "backOffice"] as const) {
      const read = await get(who);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json<StoredPolicies>()).toEqual({ policies: { serviceDesk: defaults() }, source: "default", version: 0, updatedBy: null, updatedAt: null });
    }
    expect(defaults()[0]?.tickets.reopenWindowDays).toBe(14);
    expectProblem(await get("technician"), 403);
    expectProblem(await get("muellerManager"), 404);
    expectProblem(await api.request({ method: "PUT", url: "/v1/ticketing-policies", token: api.tokens.dispatcher, payload: { policies: { serviceDesk: defaults() } } }), 403);
  });

  it("K1, K8: under the shipped defaults a customer reopens ticket a 3 days after its resolution (2026-11-19T09:00Z), and a warning opens a monitoring ticket", async () => {
    at("2026-11-19T09:00:00Z");
    const reopened = await reopenAsCustomer(resolved.a);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<TicketBody>().ticket.status).toBe("new");
    expect((await warning("srv-dc01-disk-c")).json<AlertBody>().action).toBe("create-ticket");
  });

  it("P1: an admin stores a second version from 2026-11-19T12:00Z (reopen window 2 days, only critical sensors); staff read it as version 1", async () => {
    at("2026-11-19T09:00:00Z");
    const stored = await put(STORED);
    expect(stored.statusCode, stored.body).toBe(201);
    const read = await get("dispatcher");
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<StoredPolicies>()).toMatchObject({ policies: { serviceDesk: STORED }, source: "stored", version: 1 });
  });

  it("P1, K1: until 2026-11-19T11:59:59Z the shipped 14 days still apply: the customer's comment reopens ticket b", async () => {
    at("2026-11-19T11:59:59Z");
    const comment = await onTicket(api, api.tokens.muellerManager, resolved.b.id, "comments", { text: "Geht wieder nicht" });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json<TicketBody>().ticket.status).toBe("new");
  });

  it("P1, K1: from 2026-11-19T12:00Z the customer can no longer reopen ticket c, resolved 3 days ago (422 K1_REOPEN_WINDOW_EXPIRED, 'more than 2 days'), neither by reopen nor by comment; staff still may", async () => {
    at("2026-11-19T12:00:00Z");
    const refused = expectProblem(await reopenAsCustomer(resolved.c), 422);
    expect(refused.code).toBe("K1_REOPEN_WINDOW_EXPIRED");
    expect(refused.detail).toContain("more than 2 days ago");
    expect(expectProblem(await onTicket(api, api.tokens.muellerManager, resolved.c.id, "comments", { text: "Geht wieder nicht" }), 422).code).toBe("K1_REOPEN_WINDOW_EXPIRED");
    expect(await statusOf(resolved.c)).toBe("resolved");
    const staff = await onTicket(api, api.tokens.dispatcher, resolved.c.id, "status", { type: "reopen" });
    expect(staff.statusCode, staff.body).toBe(200);
  });

  it("P1, K1: a ticket resolved 2026-11-19T12:00Z reopens until exactly 2026-11-21T12:00Z (2 days), not 1 ms later", async () => {
    at("2026-11-19T12:00:00Z");
    const [inTime, late] = [(await openTicketAs(api, api.tokens.muellerManager)).ticket, (await openTicketAs(api, api.tokens.muellerManager)).ticket];
    for (const ticket of [inTime, late]) expect((await onTicket(api, api.tokens.dispatcher, ticket.id, "status", { type: "resolve" })).statusCode).toBe(200);
    at("2026-11-21T12:00:00Z");
    expect((await reopenAsCustomer(inTime)).json<TicketBody>().ticket.status).toBe("new");
    at("2026-11-21T12:00:00.001Z");
    expect(expectProblem(await reopenAsCustomer(late), 422).code).toBe("K1_REOPEN_WINDOW_EXPIRED");
  });

  it("P1, K8: under the stored version a warning of a new sensor is only recorded; a critical one still opens a ticket", async () => {
    at("2026-11-21T13:00:00Z");
    const recorded = (await warning("srv-fs01-disk-d")).json<AlertBody>();
    expect(recorded).toEqual({ action: "record-only", reason: "Severity warning does not open a ticket" });
    expect((await warning("srv-fs01-disk-d", "critical")).json<AlertBody>().action).toBe("create-ticket");
  });

  it("P1: a stored set that no longer parses (reopenWindowDays -1) makes GET, ticket commands, monitoring and statistics answer 500 TICKETING_POLICIES_INVALID; nothing changes", async () => {
    await api.database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{serviceDesk,1,tickets,reopenWindowDays}', '-1'::jsonb) WHERE domain = 'ticketing'");
    at("2026-11-22T09:00:00Z");
    const read = expectProblem(await get(), 500);
    expect(read.code).toBe("TICKETING_POLICIES_INVALID");
    expect(read.detail).toContain("serviceDesk.1.tickets.reopenWindowDays");
    expect(expectProblem(await reopenAsCustomer(resolved.d), 500).code).toBe("TICKETING_POLICIES_INVALID");
    expect(await statusOf(resolved.d)).toBe("resolved");
    const staff = expectProblem(await onTicket(api, api.tokens.dispatcher, resolved.b.id, "status", { type: "resolve" }), 500);
    expect(staff.code).toBe("TICKETING_POLICIES_INVALID");
    expect(await statusOf(resolved.b)).toBe("new");
    expect(expectProblem(await warning("srv-fs02-disk-c", "critical"), 500).code).toBe("TICKETING_POLICIES_INVALID");
    const statistics = await api.request({ method: "GET", url: `/v1/statistics/tickets?organizationId=${api.organizations.mueller}&month=2026-11`, token: api.tokens.accountManager });
    expect(expectProblem(statistics, 500).code).toBe("TICKETING_POLICIES_INVALID");
  });

  it("P1, K1: after an admin replaces the broken set with the shipped defaults (version 2), the customer reopens ticket d 6 days after its resolution (14-day window again)", async () => {
    at("2026-11-22T09:00:00Z");
    const fixed = await put(defaults(), 1);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await findInstallationPolicies(api.database.db, "ticketing"))?.version).toBe(2);
    const reopened = await reopenAsCustomer(resolved.d);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<TicketBody>().ticket.status).toBe("new");
  });
});
