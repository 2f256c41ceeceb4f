import { schema } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { storeServiceReport, type StoredTestReport } from "./service-report-fixtures.js";
import { SERVICE_REPORT_RELEASED_TOPIC } from "./service-report-release.js";

// The test clock stands at Monday 2026-11-16T09:00Z. The installation bills with
// `billingRelease: "back-office"`: the worker stored October's reports held (K1, C8).

interface ReportBody {
  id: string;
  organizationId: string;
  month: string;
  released: boolean;
  releasedAt: string | null;
  releasedBy: string | null;
}

let api: TestApi;
let muellerHeld: StoredTestReport;
let muellerSeptember: StoredTestReport;
let baeckereiHeld: StoredTestReport;

beforeAll(async () => {
  api = await createTestApi();
  // September went out automatically; October's reports wait for the back office.
  muellerSeptember = await storeServiceReport(api, "ct-rel-mueller", api.organizations.mueller, "2026-09", new Date("2026-10-01T05:00:00Z"));
  muellerHeld = await storeServiceReport(api, "ct-rel-mueller", api.organizations.mueller, "2026-10", new Date("2026-11-01T05:00:00Z"), { held: true });
  baeckereiHeld = await storeServiceReport(api, "ct-rel-baeckerei", api.organizations.baeckerei, "2026-10", new Date("2026-11-01T05:00:01Z"), { held: true });
}, 60_000);
afterAll(() => api.close());

function get(url: string, who: keyof TestTokens) {
  return api.request({ method: "GET", url, token: api.tokens[who] });
}

function release(id: string, who: keyof TestTokens) {
  return api.request({ method: "POST", url: `/v1/service-reports/${id}/release`, payload: {}, token: api.tokens[who] });
}

async function listed(url: string, who: keyof TestTokens): Promise<string[]> {
  const response = await get(url, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: ReportBody[] }>().items.map((item) => item.id);
}

/** The release events in the outbox, oldest first. */
async function releaseEvents() {
  return api.database.db
    .select({ topic: schema.outbox.topic, aggregateId: schema.outbox.aggregateId, dedupeKey: schema.outbox.dedupeKey, payload: schema.outbox.payload })
    .from(schema.outbox)
    .where(eq(schema.outbox.topic, SERVICE_REPORT_RELEASED_TOPIC))
    .orderBy(asc(schema.outbox.id));
}

describe(`releasing service reports for billing on ${testDatabaseKind()} (K1, C8, K10, K13)`, () => {
  it("K10, K13: Müller's portal manager sees only the report sent to them: the held one is absent from the list, its metadata and its PDF", async () => {
    expect(await listed("/v1/service-reports", "muellerManager")).toEqual([muellerSeptember.id]);
    expect(await listed("/v1/service-reports?month=2026-10", "muellerManager")).toEqual([]);
    // Asking for held reports cannot widen a customer's list.
    expect(await listed("/v1/service-reports?released=false", "muellerManager")).toEqual([]);
    expect(await listed("/v1/service-reports?released=true", "muellerManager")).toEqual([muellerSeptember.id]);
    expectProblem(await get(`/v1/service-reports/${muellerHeld.id}`, "muellerManager"), 404);
    expectProblem(await get(`/v1/service-reports/${muellerHeld.id}/pdf`, "muellerManager"), 404);
  });

  it("K1: staff see held reports too, and the back office lists its work with released=false", async () => {
    expect(await listed("/v1/service-reports?released=false", "backOffice")).toEqual([muellerHeld.id, baeckereiHeld.id]);
    expect(await listed("/v1/service-reports?released=true", "dispatcher")).toEqual([muellerSeptember.id]);
    expect(await listed(`/v1/service-reports?released=false&organizationId=${api.organizations.baeckerei}`, "accountManager")).toEqual([baeckereiHeld.id]);
    const held = await get(`/v1/service-reports/${muellerHeld.id}`, "backOffice");
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json<ReportBody>()).toMatchObject({ id: muellerHeld.id, released: false, releasedAt: null, releasedBy: null });
    expect((await get(`/v1/service-reports/${muellerHeld.id}/pdf`, "accountManager")).statusCode).toBe(200);
    expectProblem(await get("/v1/service-reports?released=yes", "backOffice"), 400, "query.released");
  });

  it("K1, K10: only the back office and admins release: other staff 403, portal users 404 (another customer's, a reporter's, a held report) or 403 (their own released one); nothing is written", async () => {
    for (const who of ["technician", "dispatcher", "accountManager", "materialsManagement"] as const) {
      expect(expectProblem(await release(muellerHeld.id, who), 403).code, who).toBe("K10_ACCESS_DENIED");
    }
    for (const who of ["baeckereiManager", "muellerManager", "muellerReporter"] as const) expectProblem(await release(muellerHeld.id, who), 404);
    expect(expectProblem(await release(muellerSeptember.id, "muellerManager"), 403).code).toBe("K10_ACCESS_DENIED");
    expectProblem(await release(muellerSeptember.id, "baeckereiManager"), 404);
    expectProblem(await release("SR-nope-2026-10", "backOffice"), 404);
    expectProblem(await api.request({ method: "POST", url: `/v1/service-reports/${muellerHeld.id}/release`, payload: { note: "geprüft" }, token: api.tokens.backOffice }), 400);
    expect(await releaseEvents()).toEqual([]);
    expect(await listed("/v1/service-reports?released=false", "backOffice")).toEqual([muellerHeld.id, baeckereiHeld.id]);
  });

  it("K1, C8: the back office releases Müller's October report (200) and the release event is written with it; a second release is 409 and writes nothing", async () => {
    const response = await release(muellerHeld.id, "backOffice");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ReportBody>()).toMatchObject({
      id: muellerHeld.id,
      organizationId: api.organizations.mueller,
      month: "2026-10",
      released: true,
      releasedAt: "2026-11-16T09:00:00.000Z",
      releasedBy: api.users.backOffice,
    });
    expect(await releaseEvents()).toEqual([
      {
        topic: "contingent.service-report-released",
        aggregateId: "ct-rel-mueller",
        dedupeKey: "contingent:ct-rel-mueller:2026-10:service-report-released",
        payload: {
          organizationId: api.organizations.mueller,
          event: { type: "service-report-released", contractId: "ct-rel-mueller", month: "2026-10", serviceReportId: muellerHeld.id, releasedBy: api.users.backOffice, releasedAt: "2026-11-16T09:00:00.000Z" },
        },
      },
    ]);

    api.clock.set(new Date("2026-11-16T09:05:00Z"));
    try {
      for (const who of ["backOffice", "admin"] as const) {
        const again = expectProblem(await release(muellerHeld.id, who), 409);
        expect(again.code).toBe("SERVICE_REPORT_RELEASED");
        expect(again.detail).toBe(`Service report ${muellerHeld.id} was released on 2026-11-16T09:00:00.000Z by ${api.users.backOffice}`);
      }
      // A report released automatically at month close is released already too.
      expect(expectProblem(await release(muellerSeptember.id, "backOffice"), 409).code).toBe("SERVICE_REPORT_RELEASED");
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00Z"));
    }
    expect(await releaseEvents()).toHaveLength(1);
    expect((await get(`/v1/service-reports/${muellerHeld.id}`, "backOffice")).json<ReportBody>()).toMatchObject({ releasedAt: "2026-11-16T09:00:00.000Z", releasedBy: api.users.backOffice });
  });

  it("K10, K13: once released, Müller's portal manager sees the report in the list, its metadata and the PDF byte for byte", async () => {
    expect(await listed("/v1/service-reports", "muellerManager")).toEqual([muellerHeld.id, muellerSeptember.id]);
    const metadata = await get(`/v1/service-reports/${muellerHeld.id}`, "muellerManager");
    expect(metadata.statusCode, metadata.body).toBe(200);
    expect(metadata.json<ReportBody>()).toMatchObject({ released: true, releasedBy: api.users.backOffice });
    const pdf = await get(`/v1/service-reports/${muellerHeld.id}/pdf`, "muellerManager");
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(Buffer.compare(pdf.rawPayload, Buffer.from(muellerHeld.pdf))).toBe(0);
    // Bäckerei's is still held: still invisible to Bäckerei, still on the back office's list.
    expect(await listed("/v1/service-reports", "baeckereiManager")).toEqual([]);
    expect(await listed("/v1/service-reports?released=false", "backOffice")).toEqual([baeckereiHeld.id]);
  });

  it("K1: admins may release too; of two concurrent releases exactly one is 200, the other 409, with one event", async () => {
    const [first, second] = await Promise.all([release(baeckereiHeld.id, "admin"), release(baeckereiHeld.id, "backOffice")]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const winner = [first, second].find((response) => response.statusCode === 200);
    const releasedBy = winner?.json<ReportBody>().releasedBy;
    expect([api.users.admin, api.users.backOffice]).toContain(releasedBy);
    expect((await releaseEvents()).map((event) => event.dedupeKey)).toEqual([
      "contingent:ct-rel-mueller:2026-10:service-report-released",
      "contingent:ct-rel-baeckerei:2026-10:service-report-released",
    ]);
    expect(await listed("/v1/service-reports", "baeckereiManager")).toEqual([baeckereiHeld.id]);
    expect(await listed("/v1/service-reports?released=false", "backOffice")).toEqual([]);
  });
});
