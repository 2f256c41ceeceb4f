import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { managedServicesContractInput } from "./contingent-fixtures.js";
import { concludeContingent } from "./contingent-test-support.js";

let api: TestApi;

interface UsageRecord {
  id: string;
  contractId: string;
  organizationId: string;
  month: string;
  meter: string;
  quantity: string;
  source: string;
  recordedBy: string;
  recordedAt: string;
}

interface UsagePage {
  items: UsageRecord[];
  nextCursor: string | null;
}

interface Closed {
  invoice: { presentation: string; lines: { kind: string; reference: string | null; quantity: string; unitPrice: { amount: string }; net: { amount: string; currency: string } }[]; net: { amount: string; currency: string } };
}

type UsageInput = { month: string; meter: string; quantity: string; source?: string };

async function conclude(id: string): Promise<void> {
  const response = await api.request({ method: "POST", url: "/v1/contracts", payload: managedServicesContractInput(id, api.organizations.mueller), token: api.tokens.accountManager });
  expect(response.statusCode, response.body).toBe(201);
}

async function recordUsage(contractId: string, at: string, records: UsageInput[], token = api.tokens.backOffice): Promise<LightMyRequestResponse> {
  api.clock.set(new Date(at));
  return api.request({ method: "POST", url: `/v1/contracts/${contractId}/usage`, payload: { records }, token });
}

async function listUsage(contractId: string, query = "", token = api.tokens.muellerManager): Promise<UsagePage> {
  const response = await api.request({ method: "GET", url: `/v1/contracts/${contractId}/usage${query}`, token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<UsagePage>();
}

async function close(contractId: string, month: string, at: string, usage: (UsageInput & { contractId: string })[] = []): Promise<LightMyRequestResponse> {
  api.clock.set(new Date(at));
  return api.request({ method: "POST", url: `/v1/contracts/${contractId}/month-closes`, payload: { month, usage }, token: api.tokens.backOffice });
}

/** Kind, reference (the meter), quantity, unit price and net of each invoice line. */
function lines(closed: Closed): string[][] {
  return closed.invoice.lines.map((line) => [line.kind, line.reference ?? "", line.quantity, line.unitPrice.amount, line.net.amount]);
}

beforeAll(async () => {
  api = await createTestApi();
  await conclude("MS-U-1");
  await conclude("MS-U-2");
  await concludeContingent(api, "K-U-1");
}, 60_000);
afterAll(() => api.close());

describe(`usage records on ${testDatabaseKind()} (C9)`, () => {
  it("C9, P3: the back office records 40 devices and 1250.5 GB in one request; 201 answers the stored records with exact decimal strings", async () => {
    const response = await recordUsage("MS-U-1", "2026-01-20T10:00:00.000Z", [
      { month: "2026-01", meter: "endpoint-protection-device", quantity: "40", source: "RMM export" },
      { month: "2026-01", meter: "online-backup-storage-gb", quantity: "1250.5" },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const { records } = response.json<{ records: UsageRecord[] }>();
    expect(records.map(({ id: _id, ...rest }) => rest)).toEqual([
      { contractId: "MS-U-1", organizationId: api.organizations.mueller, month: "2026-01", meter: "endpoint-protection-device", quantity: "40", source: "RMM export", recordedBy: "staff-back-office", recordedAt: "2026-01-20T10:00:00.000Z" },
      { contractId: "MS-U-1", organizationId: api.organizations.mueller, month: "2026-01", meter: "online-backup-storage-gb", quantity: "1250.5", source: "", recordedBy: "staff-back-office", recordedAt: "2026-01-20T10:00:00.000Z" },
    ]);
    // An admin records too; two more devices make 42 in January.
    expect((await recordUsage("MS-U-1", "2026-01-28T09:00:00.000Z", [{ month: "2026-01", meter: "endpoint-protection-device", quantity: "2" }], api.tokens.admin)).statusCode).toBe(201);
  });

  it("lists the records in recording order, of one month, in pages with the cursor", async () => {
    const all = await listUsage("MS-U-1");
    expect(all.items.map((item) => [item.meter, item.quantity, item.recordedBy])).toEqual([
      ["endpoint-protection-device", "40", "staff-back-office"],
      ["online-backup-storage-gb", "1250.5", "staff-back-office"],
      ["endpoint-protection-device", "2", "staff-admin"],
    ]);
    expect(all.nextCursor).toBeNull();
    const first = await listUsage("MS-U-1", "?month=2026-01&limit=2");
    expect(first.items.map((item) => item.quantity)).toEqual(["40", "1250.5"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listUsage("MS-U-1", `?month=2026-01&limit=2&cursor=${first.nextCursor ?? ""}`);
    expect(second).toEqual({ items: [expect.objectContaining({ quantity: "2" })], nextCursor: null });
    expect((await listUsage("MS-U-1", "?month=2026-02")).items).toEqual([]);
    expectProblem(await api.request({ method: "GET", url: "/v1/contracts/MS-U-1/usage?month=2026-13", token: api.tokens.admin }), 400, "query.month");
  });

  it("K10: another customer's manager gets 404 on list and record; nothing is stored", async () => {
    expectProblem(await api.request({ method: "GET", url: "/v1/contracts/MS-U-1/usage", token: api.tokens.baeckereiManager }), 404);
    expectProblem(await recordUsage("MS-U-1", "2026-01-28T10:00:00.000Z", [{ month: "2026-01", meter: "online-backup-server", quantity: "9" }], api.tokens.baeckereiManager), 404);
    expect((await listUsage("MS-U-1")).items).toHaveLength(3);
  });

  it("K10: the customer's manager lists but may not record (403); a reporter gets 404; technicians and account managers 403", async () => {
    expect((await listUsage("MS-U-1", "", api.tokens.muellerManager)).items).toHaveLength(3);
    const record = [{ month: "2026-01", meter: "online-backup-server", quantity: "9" }];
    expect(expectProblem(await recordUsage("MS-U-1", "2026-01-28T10:00:00.000Z", record, api.tokens.muellerManager), 403).code).toBe("K10_ACCESS_DENIED");
    expectProblem(await recordUsage("MS-U-1", "2026-01-28T10:00:00.000Z", record, api.tokens.muellerReporter), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/contracts/MS-U-1/usage", token: api.tokens.muellerReporter }), 404);
    expectProblem(await recordUsage("MS-U-1", "2026-01-28T10:00:00.000Z", record, api.tokens.technician), 403);
    expectProblem(await recordUsage("MS-U-1", "2026-01-28T10:00:00.000Z", record, api.tokens.accountManager), 403);
    expect((await listUsage("MS-U-1")).items).toHaveLength(3);
  });

  it("C9: usage of a contingent contract is 422 C9_NOT_PAY_PER_USE naming body.records", async () => {
    const response = await recordUsage("K-U-1", "2026-01-28T10:00:00.000Z", [{ month: "2026-01", meter: "endpoint-protection-device", quantity: "5" }]);
    expect(expectProblem(response, 422, "body.records").code).toBe("C9_NOT_PAY_PER_USE");
    expect((await listUsage("K-U-1")).items).toEqual([]);
  });

  it("C9, P1: a meter the price list in force does not price is 422 naming its field; from April the archive is priced", async () => {
    const january = await recordUsage("MS-U-2", "2026-01-28T10:00:00.000Z", [
      { month: "2026-01", meter: "hosted-exchange-mailbox", quantity: "12" },
      { month: "2026-01", meter: "mail-archive-mailbox", quantity: "12" },
    ]);
    const problem = expectProblem(january, 422, "body.records.1.meter");
    expect(problem.code).toBe("C9_UNKNOWN_METER");
    expect(problem.errors?.map((error) => error.path)).toEqual(["body.records.1.meter"]);
    // All or none: the valid mailbox record was not stored either.
    expect((await listUsage("MS-U-2")).items).toEqual([]);
    // A month before the start and a month not yet begun (in Berlin) are refused with their codes.
    const months = expectProblem(
      await recordUsage("MS-U-2", "2026-01-28T10:00:00.000Z", [
        { month: "2025-12", meter: "hosted-exchange-mailbox", quantity: "1" },
        { month: "2026-02", meter: "hosted-exchange-mailbox", quantity: "1" },
      ]),
      422,
    );
    expect(months.errors?.map((error) => [error.path, error.code])).toEqual([
      ["body.records.0.month", "C1_OUTSIDE_CONTRACT_TERM"],
      ["body.records.1.month", "C9_MONTH_NOT_STARTED"],
    ]);
    const april = await recordUsage("MS-U-2", "2026-04-10T10:00:00.000Z", [{ month: "2026-04", meter: "mail-archive-mailbox", quantity: "12" }]);
    expect(april.statusCode, april.body).toBe(201);
  });

  it("400 for bad input: a negative quantity, a float-looking quantity, an unknown meter name, 0 or 501 records", async () => {
    const at = "2026-01-28T10:00:00.000Z";
    expectProblem(await recordUsage("MS-U-1", at, [{ month: "2026-01", meter: "online-backup-server", quantity: "-1" }]), 400, "body.records.0.quantity");
    expectProblem(await recordUsage("MS-U-1", at, [{ month: "2026-01", meter: "online-backup-server", quantity: "1e3" }]), 400, "body.records.0.quantity");
    expectProblem(await recordUsage("MS-U-1", at, [{ month: "2026-01", meter: "toaster", quantity: "1" }]), 400, "body.records.0.meter");
    expectProblem(await recordUsage("MS-U-1", at, []), 400, "body.records");
    const many = Array.from({ length: 501 }, () => ({ month: "2026-01", meter: "online-backup-server", quantity: "1" }));
    expectProblem(await recordUsage("MS-U-1", at, many), 400, "body.records");
    expect((await listUsage("MS-U-1")).items).toHaveLength(3);
  });

  it("C9: closing January bills the stored 42 devices (134.40) and 1250.5 GB (15.63) plus the close body's 3 servers (57.00): 207.03 net", async () => {
    const response = await close("MS-U-1", "2026-01", "2026-02-01T05:00:00.000Z", [{ contractId: "MS-U-1", month: "2026-01", meter: "online-backup-server", quantity: "3", source: "backup console" }]);
    expect(response.statusCode, response.body).toBe(201);
    const closed = response.json<Closed>();
    expect(closed.invoice.presentation).toBe("itemized");
    expect(lines(closed)).toEqual([
      ["usage", "endpoint-protection-device", "42", "3.20", "134.40"],
      ["usage", "online-backup-server", "3", "19.00", "57.00"],
      // 1250.5 × 0.0125 = 15.63125 → 15.63 (half-up to the cent, P3)
      ["usage", "online-backup-storage-gb", "1250.5", "0.0125", "15.63"],
    ]);
    expect(closed.invoice.net).toEqual({ amount: "207.03", currency: "EUR" });
    const invoiceDue = (await outboxEventsOf(api.database.db, "contract", "MS-U-1")).find((row) => row.topic === "contingent.invoice-due");
    expect(invoiceDue?.payload).toMatchObject({ event: { month: "2026-01", lineCount: 3, net: { amount: "207.03" } } });
    // The close body's usage is stored like recorded usage, in the close's transaction.
    const january = await listUsage("MS-U-1", "?month=2026-01");
    expect(january.items.map((item) => [item.meter, item.quantity, item.source, item.recordedAt])).toEqual([
      ["endpoint-protection-device", "40", "RMM export", "2026-01-20T10:00:00.000Z"],
      ["online-backup-storage-gb", "1250.5", "", "2026-01-20T10:00:00.000Z"],
      ["endpoint-protection-device", "2", "", "2026-01-28T09:00:00.000Z"],
      ["online-backup-server", "3", "backup console", "2026-02-01T05:00:00.000Z"],
    ]);
  });

  it("C8: usage of the closed January is 409 naming the record's month; February's is recorded", async () => {
    const late = await recordUsage("MS-U-1", "2026-02-02T09:00:00.000Z", [
      { month: "2026-02", meter: "endpoint-protection-device", quantity: "43" },
      { month: "2026-01", meter: "endpoint-protection-device", quantity: "1" },
    ]);
    const problem = expectProblem(late, 409, "body.records.1.month");
    expect(problem.code).toBe("C8_MONTH_CLOSED");
    expect((await listUsage("MS-U-1", "?month=2026-02")).items).toEqual([]);
    expect((await recordUsage("MS-U-1", "2026-02-02T09:00:00.000Z", [{ month: "2026-02", meter: "endpoint-protection-device", quantity: "43" }])).statusCode).toBe(201);
  });

  it("C8: closing January again answers 200 with the same 207.03 and stores none of the repeated body's usage", async () => {
    const again = await close("MS-U-1", "2026-01", "2026-02-03T09:00:00.000Z", [{ contractId: "MS-U-1", month: "2026-01", meter: "online-backup-server", quantity: "5" }]);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<Closed>().invoice.net.amount).toBe("207.03");
    expect((await listUsage("MS-U-1", "?month=2026-01")).items).toHaveLength(4);
  });

  it("C9: usage in a close body is checked before it is stored: wrong kind, unpriced meter, another contract", async () => {
    const contingent = await close("K-U-1", "2026-01", "2026-02-01T05:00:00.000Z", [{ contractId: "K-U-1", month: "2026-01", meter: "online-backup-server", quantity: "1" }]);
    expect(expectProblem(contingent, 422, "body.usage").code).toBe("C9_NOT_PAY_PER_USE");
    const unpriced = await close("MS-U-2", "2026-01", "2026-02-01T05:00:00.000Z", [{ contractId: "MS-U-2", month: "2026-01", meter: "mail-archive-mailbox", quantity: "1" }]);
    expect(expectProblem(unpriced, 422, "body.usage.0.meter").code).toBe("C9_UNKNOWN_METER");
    const foreign = await close("MS-U-2", "2026-01", "2026-02-01T05:00:00.000Z", [
      { contractId: "MS-U-2", month: "2026-01", meter: "online-backup-server", quantity: "1" },
      { contractId: "MS-U-1", month: "2026-01", meter: "online-backup-server", quantity: "1" },
    ]);
    expect(expectProblem(foreign, 422, "body.usage.1.contractId").code).toBe("INVALID_INPUT");
    // Nothing was stored or closed: January of MS-U-2 is still open and without usage.
    expect((await listUsage("MS-U-2", "?month=2026-01")).items).toEqual([]);
    const contract = await api.request({ method: "GET", url: "/v1/contracts/MS-U-2", token: api.tokens.admin });
    expect(contract.json<{ firstOpenMonth: string }>().firstOpenMonth).toBe("2026-01");
  });

  it("C8, C9: a record racing the close is either billed by it or refused with 409, never stored unbilled", async () => {
    await conclude("MS-U-3");
    expect((await recordUsage("MS-U-3", "2026-01-30T10:00:00.000Z", [{ month: "2026-01", meter: "online-backup-server", quantity: "2" }])).statusCode).toBe(201);
    api.clock.set(new Date("2026-02-01T05:00:00.000Z"));
    const [recorded, closed] = await Promise.all([
      api.request({ method: "POST", url: "/v1/contracts/MS-U-3/usage", payload: { records: [{ month: "2026-01", meter: "online-backup-server", quantity: "1" }] }, token: api.tokens.backOffice }),
      api.request({ method: "POST", url: "/v1/contracts/MS-U-3/month-closes", payload: { month: "2026-01" }, token: api.tokens.backOffice }),
    ]);
    expect(closed.statusCode, closed.body).toBe(201);
    expect([201, 409]).toContain(recorded.statusCode);
    const servers = (await listUsage("MS-U-3", "?month=2026-01")).items.map((item) => item.quantity);
    // 19.00 per server: 2 servers (38.00) when the close came first, 3 (57.00) when the record did.
    expect(servers).toEqual(recorded.statusCode === 201 ? ["2", "1"] : ["2"]);
    expect(closed.json<Closed>().invoice.net.amount).toBe(recorded.statusCode === 201 ? "57.00" : "38.00");
  });
});
