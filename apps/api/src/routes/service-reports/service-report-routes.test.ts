import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages } from "../../testing/all-pages.js";
import { expectProblem } from "../../testing/expect-problem.js";
import { pdfText } from "../../testing/pdf-bytes.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { storeServiceReport, type StoredTestReport } from "./service-report-fixtures.js";

// The test clock stands at Monday 2026-11-16T09:00Z. The worker stores a contract month's
// report when it closes the month; here the repository stores them as it would.

interface ReportBody {
  id: string;
  contractId: string;
  organizationId: string;
  month: string;
  storedAt: string;
  sizeBytes: number;
  released: boolean;
  releasedAt: string | null;
  releasedBy: string | null;
}

interface ReportPage {
  items: ReportBody[];
  nextCursor: string | null;
}

let api: TestApi;
let september: StoredTestReport;
let october: StoredTestReport;
let baeckereiOctober: StoredTestReport;

beforeAll(async () => {
  api = await createTestApi();
  september = await storeServiceReport(api, "ct-sr-mueller", api.organizations.mueller, "2026-09", new Date("2026-10-01T05:00:00Z"));
  october = await storeServiceReport(api, "ct-sr-mueller", api.organizations.mueller, "2026-10", new Date("2026-11-01T05:00:00Z"));
  baeckereiOctober = await storeServiceReport(api, "ct-sr-baeckerei", api.organizations.baeckerei, "2026-10", new Date("2026-11-01T05:00:01Z"));
}, 60_000);
afterAll(() => api.close());

function get(url: string, who: keyof TestTokens) {
  return api.request({ method: "GET", url, token: api.tokens[who] });
}

async function list(url: string, who: keyof TestTokens): Promise<ReportPage> {
  const response = await get(url, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReportPage>();
}

describe(`service reports on ${testDatabaseKind()} (K13, K10, C8)`, () => {
  it("K13, K10: Müller's portal manager lists exactly Müller's two reports, newest month first, a page at a time", async () => {
    const all = await list("/v1/service-reports", "muellerManager");
    expect(all.nextCursor).toBeNull();
    expect(all.items).toEqual([
      // Billed automatically (K1, C8): released when stored, by the worker.
      {
        id: "SR-ct-sr-mueller-2026-10",
        contractId: "ct-sr-mueller",
        organizationId: "org-mueller",
        month: "2026-10",
        storedAt: "2026-11-01T05:00:00.000Z",
        sizeBytes: october.pdf.byteLength,
        released: true,
        releasedAt: "2026-11-01T05:00:00.000Z",
        releasedBy: "automatic",
      },
      {
        id: "SR-ct-sr-mueller-2026-09",
        contractId: "ct-sr-mueller",
        organizationId: "org-mueller",
        month: "2026-09",
        storedAt: "2026-10-01T05:00:00.000Z",
        sizeBytes: september.pdf.byteLength,
        released: true,
        releasedAt: "2026-10-01T05:00:00.000Z",
        releasedBy: "automatic",
      },
    ]);

    const first = await list("/v1/service-reports?limit=1", "muellerManager");
    expect(first.items.map((item) => item.id)).toEqual([october.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`/v1/service-reports?limit=1&cursor=${first.nextCursor ?? ""}`, "muellerManager");
    expect(second.items.map((item) => item.id)).toEqual([september.id]);
    expect(second.nextCursor).toBeNull();
    expect((await allPages(api, "/v1/service-reports?limit=1", api.tokens.muellerManager)).length).toBe(2);
  });

  it("K10: a portal manager's organizationId filter cannot widen the list to another customer", async () => {
    const page = await list(`/v1/service-reports?organizationId=${api.organizations.baeckerei}`, "muellerManager");
    expect(page.items.map((item) => item.id)).toEqual([october.id, september.id]);
  });

  it("C8, K13: the PDF download is the stored bytes, an attachment named after the report id", async () => {
    const response = await get(`/v1/service-reports/${october.id}/pdf`, "muellerManager");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${october.id}.pdf"`);
    const bytes = response.rawPayload;
    expect(Buffer.compare(bytes, Buffer.from(october.pdf))).toBe(0);
    const raw = pdfText(bytes);
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(raw).toContain(`Servicebericht ${october.id}`);

    const metadata = await get(`/v1/service-reports/${october.id}`, "muellerManager");
    expect(metadata.statusCode, metadata.body).toBe(200);
    expect(metadata.json<ReportBody>()).toMatchObject({ id: october.id, month: "2026-10", sizeBytes: bytes.byteLength });
  });

  it("K10: Bäckerei Schmidt's manager gets 404 on Müller's report and its PDF, and lists only Bäckerei's", async () => {
    expectProblem(await get(`/v1/service-reports/${october.id}`, "baeckereiManager"), 404);
    expectProblem(await get(`/v1/service-reports/${october.id}/pdf`, "baeckereiManager"), 404);
    const page = await list("/v1/service-reports", "baeckereiManager");
    expect(page.items.map((item) => item.id)).toEqual([baeckereiOctober.id]);
    const own = await get(`/v1/service-reports/${baeckereiOctober.id}/pdf`, "baeckereiManager");
    expect(Buffer.compare(own.rawPayload, Buffer.from(baeckereiOctober.pdf))).toBe(0);
  });

  it("K10: Ben, Müller's portal reporter, is refused (404: service reports are for managers); so is a technician (403)", async () => {
    expectProblem(await get("/v1/service-reports", "muellerReporter"), 404);
    expectProblem(await get(`/v1/service-reports/${october.id}`, "muellerReporter"), 404);
    expectProblem(await get(`/v1/service-reports/${october.id}/pdf`, "muellerReporter"), 404);
    for (const who of ["technician", "materialsManagement"] as const) {
      expectProblem(await get("/v1/service-reports", who), 403);
      expectProblem(await get(`/v1/service-reports/${october.id}`, who), 403);
      expectProblem(await get(`/v1/service-reports/${october.id}/pdf`, who), 403);
    }
  });

  // Within a month the list runs by id, descending too: `SR-ct-sr-mueller-…` before `SR-ct-sr-baeckerei-…`.
  it("K10, K13: dispatchers, account managers, back office and admins read every customer's reports", async () => {
    for (const who of ["dispatcher", "accountManager", "backOffice", "admin"] as const) {
      expect((await list("/v1/service-reports", who)).items.map((item) => item.id), who).toEqual([october.id, baeckereiOctober.id, september.id]);
      expect((await get(`/v1/service-reports/${september.id}/pdf`, who)).statusCode, who).toBe(200);
    }
  });

  it("K13: filters by organization (staff), contract and month", async () => {
    const ids = async (url: string, who: keyof TestTokens) => (await list(url, who)).items.map((item) => item.id);
    expect(await ids(`/v1/service-reports?organizationId=${api.organizations.baeckerei}`, "backOffice")).toEqual([baeckereiOctober.id]);
    expect(await ids("/v1/service-reports?contractId=ct-sr-mueller", "backOffice")).toEqual([october.id, september.id]);
    expect(await ids("/v1/service-reports?month=2026-10", "backOffice")).toEqual([october.id, baeckereiOctober.id]);
    expect(await ids("/v1/service-reports?contractId=ct-sr-mueller&month=2026-09", "muellerManager")).toEqual([september.id]);
    expect(await ids("/v1/service-reports?month=2026-10", "muellerManager")).toEqual([october.id]);
    expect(await ids("/v1/service-reports?month=2026-11", "muellerManager")).toEqual([]);
    // K10: another customer's contract id filters to nothing, it does not reveal its reports.
    expect(await ids("/v1/service-reports?contractId=ct-sr-baeckerei", "muellerManager")).toEqual([]);
  });

  it("K13: a month 2026-13 is 400 naming query.month; a forged cursor names query.cursor; an unknown id is 404", async () => {
    expectProblem(await get("/v1/service-reports?month=2026-13", "muellerManager"), 400, "query.month");
    expectProblem(await get("/v1/service-reports?cursor=bm90LWEtY3Vyc29y", "muellerManager"), 400, "query.cursor");
    expectProblem(await get("/v1/service-reports?limit=0", "backOffice"), 400, "query.limit");
    expectProblem(await get("/v1/service-reports/SR-nope-2026-10", "backOffice"), 404);
    expectProblem(await get("/v1/service-reports/SR-nope-2026-10/pdf", "muellerManager"), 404);
  });
});
