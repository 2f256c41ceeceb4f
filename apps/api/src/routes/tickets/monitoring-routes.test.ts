import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { ticketOutbox, type TicketBody } from "./ticket-test-helpers.js";

let api: TestApi;
let muellerKey: string;
let baeckereiKey: string;

async function createSource(token: string, organizationId: string, name: string) {
  return api.request({ method: "POST", url: "/v1/monitoring/sources", token, payload: { organizationId, name } });
}

beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-16T02:14:00Z") });
  muellerKey = (await createSource(api.tokens.dispatcher, "org-mueller", "PRTG Köln")).json<{ key: string }>().key;
  baeckereiKey = (await createSource(api.tokens.admin, "org-baeckerei", "PRTG München")).json<{ key: string }>().key;
}, 60_000);
afterAll(() => api.close());

const diskFilling = {
  sensorId: "srv-dc01-disk-c",
  kind: "deviation",
  severity: "warning",
  check: "disk C: free space",
  message: "Free space 8 % (threshold 10 %)",
  observedAt: "2026-11-16T03:14:00+01:00",
};

type AlertBody = { action: string; ticketId?: string; ticketNumber?: string; reason?: string };

function alert(key: string | undefined, body: Record<string, unknown>) {
  return api.request({ method: "POST", url: "/v1/monitoring/alerts", payload: body, headers: key === undefined ? {} : { "x-monitoring-key": key } });
}

async function ticket(id: string, token = api.tokens.dispatcher) {
  return (await api.request({ method: "GET", url: `/v1/tickets/${id}`, token })).json<TicketBody>().ticket;
}

describe(`monitoring on ${testDatabaseKind()} (K8)`, () => {
  it("K8: staff admins and dispatchers register sources; the key is shown once, as kontor_ms_…", async () => {
    expect(muellerKey).toMatch(/^kontor_ms_[A-Za-z0-9_-]{40,}$/);
    expect(baeckereiKey).not.toBe(muellerKey);
    expectProblem(await createSource(api.tokens.technician, "org-mueller", "Zabbix"), 403);
    expectProblem(await createSource(api.tokens.muellerManager, "org-mueller", "Zabbix"), 404);
    expectProblem(await createSource(api.tokens.dispatcher, "org-nowhere", "Zabbix"), 404);
  });

  it("answers 401 problem+json without a key and with a wrong one, before looking at the body", async () => {
    expectProblem(await alert(undefined, diskFilling), 401);
    expectProblem(await alert("kontor_ms_forged", diskFilling), 401);
    expectProblem(await alert(undefined, { nonsense: true }), 401);
    // An API token is no monitoring key.
    expectProblem(await alert(api.tokens.admin, diskFilling), 401);
  });

  it("answers 400 naming the field for bad input", async () => {
    expectProblem(await alert(muellerKey, { ...diskFilling, severity: "catastrophic" }), 400, "body.severity");
    expectProblem(await alert(muellerKey, { ...diskFilling, observedAt: "2026-11-16 03:14" }), 400, "body.observedAt");
  });

  it("K8: a deviation opens one incident; repeats update it with internal notes and raise its priority; a recovery resolves it", async () => {
    const first = await alert(muellerKey, diskFilling);
    expect(first.statusCode, first.body).toBe(200);
    const opened = first.json<AlertBody>();
    expect(opened.action).toBe("create-ticket");
    const ticketId = opened.ticketId ?? "";
    expect(await ticket(ticketId)).toMatchObject({
      organizationId: "org-mueller",
      channel: "monitoring",
      kind: "incident",
      priority: "normal",
      sensorId: "srv-dc01-disk-c",
      subject: "Monitoring: disk C: free space",
      number: opened.ticketNumber,
    });

    const repeat = (await alert(muellerKey, { ...diskFilling, severity: "critical", message: "Free space 2 %", observedAt: "2026-11-16T03:44:00+01:00" })).json<AlertBody>();
    expect(repeat).toMatchObject({ action: "update-ticket", ticketId });
    const updated = await ticket(ticketId);
    expect(updated.priority).toBe("high");
    expect(updated.comments.map((comment) => comment.visibility)).toEqual(["internal"]);
    // K10: the customer sees the ticket, not the monitoring notes.
    expect((await ticket(ticketId, api.tokens.muellerManager)).comments).toEqual([]);

    const recovered = (await alert(muellerKey, { ...diskFilling, kind: "recovery", severity: "info", message: "Free space 35 %", observedAt: "2026-11-16T05:00:00+01:00" })).json<AlertBody>();
    expect(recovered).toMatchObject({ action: "resolve-ticket", ticketId });
    expect((await ticket(ticketId)).status).toBe("resolved");

    // No K2 confirmation to the monitoring system; history events are in the outbox.
    const topics = (await ticketOutbox(api, ticketId)).map((row) => row.topic);
    expect(topics).not.toContain("mail.ticket-confirmation");
    expect(topics).toEqual(expect.arrayContaining(["ticket.ticket-created", "ticket.priority-changed", "ticket.status-changed"]));

    // After the recovery, the next deviation opens a new ticket.
    const again = (await alert(muellerKey, { ...diskFilling, observedAt: "2026-11-16T08:00:00+01:00" })).json<AlertBody>();
    expect(again.action).toBe("create-ticket");
    expect(again.ticketId).not.toBe(ticketId);
  });

  it("K8: info readings and recoveries without an open ticket are only recorded", async () => {
    const info = (await alert(muellerKey, { ...diskFilling, sensorId: "srv-dc01-cpu", severity: "info", check: "CPU load" })).json<AlertBody>();
    expect(info.action).toBe("record-only");
    const recovery = (await alert(muellerKey, { ...diskFilling, sensorId: "srv-backup", kind: "recovery", check: "Veeam job Nightly" })).json<AlertBody>();
    expect(recovery.action).toBe("record-only");
    const list = await api.request({ method: "GET", url: "/v1/tickets?organizationId=org-mueller", token: api.tokens.dispatcher });
    expect(list.json<{ items: { subject: string }[] }>().items.map((item) => item.subject)).not.toContain("Monitoring: CPU load");
  });

  it("K8, K10: a source of Bäckerei cannot touch Müller's tickets, even with the same sensor id", async () => {
    const mueller = (await alert(muellerKey, { ...diskFilling, sensorId: "srv-shared-name" })).json<AlertBody>();
    const muellerTicketId = mueller.ticketId ?? "";
    const before = await ticket(muellerTicketId);

    // Naming Müller is refused as if Müller did not exist.
    expectProblem(await alert(baeckereiKey, { ...diskFilling, sensorId: "srv-shared-name", organizationId: "org-mueller", kind: "recovery" }), 404);
    // The same sensor id at Bäckerei is Bäckerei's own sensor: a recovery finds nothing to resolve.
    const recovery = (await alert(baeckereiKey, { ...diskFilling, sensorId: "srv-shared-name", kind: "recovery" })).json<AlertBody>();
    expect(recovery.action).toBe("record-only");
    const deviation = (await alert(baeckereiKey, { ...diskFilling, sensorId: "srv-shared-name", severity: "critical" })).json<AlertBody>();
    expect(deviation.action).toBe("create-ticket");
    expect(await ticket(deviation.ticketId ?? "")).toMatchObject({ organizationId: "org-baeckerei" });

    expect(await ticket(muellerTicketId)).toEqual(before);
  });

  it("K8: simultaneous reports of one sensor open exactly one ticket", async () => {
    const reports = Array.from({ length: 6 }, (_, index) =>
      alert(muellerKey, { ...diskFilling, sensorId: "srv-fs01-backup", check: "Veeam job Nightly", observedAt: `2026-11-16T09:0${index}:00+01:00` }),
    );
    const answers = (await Promise.all(reports)).map((response) => response.json<AlertBody>());
    expect(answers.filter((answer) => answer.action === "create-ticket")).toHaveLength(1);
    expect(answers.filter((answer) => answer.action === "update-ticket")).toHaveLength(5);
    expect(new Set(answers.map((answer) => answer.ticketId)).size).toBe(1);
  });
});
