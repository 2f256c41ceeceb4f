import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_TERMS_POLICY_SET, type TermsPolicySetInput } from "@kontor/terms";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "./invoice-fixtures.js";

interface InvoiceBody {
  id: string;
  status: string;
  number: string | null;
  issueDate: string;
  dueDate: string;
  paymentTermsText: string;
  totals: { grandTotal: { amount: string } };
  finalizedAt: string | null;
}

async function draft(api: TestApi, overrides: Parameters<typeof muellerInvoiceInput>[0]): Promise<InvoiceBody> {
  const response = await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput(overrides), token: api.tokens.backOffice });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<InvoiceBody>();
}

async function finalize(api: TestApi, id: string) {
  return api.request({ method: "POST", url: `/v1/invoices/${id}/finalization`, token: api.tokens.backOffice });
}

async function finalized(api: TestApi, id: string): Promise<InvoiceBody> {
  const response = await finalize(api, id);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<InvoiceBody>();
}

async function xmlOf(api: TestApi, id: string): Promise<string> {
  return (await api.request({ method: "GET", url: `/v1/invoices/${id}/xml`, token: api.tokens.backOffice })).body;
}

/** A CII date (format 102) inside `element`, e.g. IssueDateTime 20270215. */
function ciiDate(element: string, isoDate: string): RegExp {
  return new RegExp(`<ram:${element}>\\s*<udt:DateTimeString format="102">${isoDate.replaceAll("-", "")}</udt:DateTimeString>`);
}

/** December's services, net days left to the installation's payment-terms policy (T1: net 30 shipped). */
const december = (issueDate: string, buyerReference: string) =>
  muellerInvoiceInput({ issueDate, buyerReference, supplyPeriod: { start: "2026-12-01", end: "2026-12-19" }, paymentTerms: { calendar: "DE-NW" } });

describe(`a draft is issued on the day it is finalized, on ${testDatabaseKind()} (BT-2, T1)`, () => {
  describe("stale date", () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await createTestApi({ now: new Date("2026-12-20T10:00:00Z") });
    });
    afterAll(() => api.close());

    it("T1: the audit's draft dated 2026-12-20, finalized 2027-02-15, is issued 2027-02-15 and due 2027-03-17 (net 30 from that day), not already overdue since 2027-01-19", async () => {
      const body = await draft(api, december("2026-12-20", "MUELLER-STALE"));
      expect([body.issueDate, body.dueDate]).toEqual(["2026-12-20", "2027-01-19"]);

      api.clock.set(new Date("2027-02-15T09:00:00Z"));
      const issued = await finalized(api, body.id);
      expect(issued).toMatchObject({ status: "finalized", issueDate: "2027-02-15", dueDate: "2027-03-17", paymentTermsText: "Zahlbar ohne Abzug bis zum 17.03.2027." });
      expect(issued.number).toMatch(/^RE-2027-\d{6}$/);
      expect(issued.totals.grandTotal.amount).toBe(body.totals.grandTotal.amount);

      // The issued e-invoice says so, and keeps December as the supply period (BG-14, BT-73/74).
      const xml = await xmlOf(api, body.id);
      expect(xml).toMatch(ciiDate("IssueDateTime", "2027-02-15"));
      expect(xml).toMatch(ciiDate("DueDateDateTime", "2027-03-17"));
      expect(xml).toMatch(ciiDate("StartDateTime", "2026-12-01"));
      expect(xml).toMatch(ciiDate("EndDateTime", "2026-12-19"));
      expect(xml).not.toContain("20261220");
      const [event] = await outboxEventsOf(api.database.db, "invoice", body.id);
      expect(event?.payload).toMatchObject({ number: issued.number, issueDate: "2027-02-15", dueDate: "2027-03-17" });
    });

    it("T1, §193 BGB: the due date from the finalization day moves off a holiday: finalized 2027-03-26, net 30 ends on Easter Sunday 2027-03-28 → Tuesday 2027-03-30", async () => {
      api.clock.set(new Date("2027-02-26T09:00:00Z"));
      const body = await draft(api, { issueDate: "2027-02-26", buyerReference: "MUELLER-EASTER", supplyPeriod: { start: "2027-02-01", end: "2027-02-25" }, paymentTerms: { netDays: 2, calendar: "DE-NW" } });
      expect(body.dueDate).toBe("2027-03-01");
      api.clock.set(new Date("2027-03-26T09:00:00Z"));
      expect(await finalized(api, body.id)).toMatchObject({ issueDate: "2027-03-26", dueDate: "2027-03-30" });
    });

    it("T1: an agreed due date the finalization day has passed is a 422 (PAYMENT_TERMS_INVALID at paymentTerms.dueDate); the draft stays, and delete + POST issues it", async () => {
      api.clock.set(new Date("2027-04-01T09:00:00Z"));
      const body = await draft(api, { issueDate: "2027-04-01", buyerReference: "MUELLER-AGREED", supplyPeriod: { start: "2027-03-01", end: "2027-03-31" }, paymentTerms: { dueDate: "2027-04-15" } });
      expect(body.dueDate).toBe("2027-04-15");
      api.clock.set(new Date("2027-04-20T09:00:00Z"));
      const refused = expectProblem(await finalize(api, body.id), 422, "body.paymentTerms.dueDate");
      expect(refused.code).toBe("PAYMENT_TERMS_INVALID");
      expect(refused.detail).toContain("Issued today, 2027-04-20");
      expect(refused.detail).toContain("DELETE /v1/invoices/{id}");
      expect((await api.request({ method: "GET", url: `/v1/invoices/${body.id}`, token: api.tokens.backOffice })).json<InvoiceBody>()).toMatchObject({ status: "draft", number: null });
      // An agreed due date still ahead stays as agreed.
      const ahead = await draft(api, { issueDate: "2027-04-20", buyerReference: "MUELLER-AGREED-2", supplyPeriod: { start: "2027-03-01", end: "2027-03-31" }, paymentTerms: { dueDate: "2027-05-31" } });
      api.clock.set(new Date("2027-04-22T09:00:00Z"));
      expect(await finalized(api, ahead.id)).toMatchObject({ issueDate: "2027-04-22", dueDate: "2027-05-31" });
      expect((await api.request({ method: "DELETE", url: `/v1/invoices/${body.id}`, token: api.tokens.backOffice })).statusCode).toBe(204);
    });
  });

  describe("year end", () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await createTestApi({ now: new Date("2026-12-30T10:00:00Z") });
    });
    afterAll(() => api.close());

    it("the audit's draft dated 2026-12-30, finalized after RE-2027-000001 was issued, is RE-2027-000002 dated 2027-01-01 (not stuck on NUMBER_YEAR_MISMATCH)", async () => {
      const december30 = await draft(api, december("2026-12-30", "MUELLER-2026-12"));
      expect([december30.issueDate, december30.dueDate]).toEqual(["2026-12-30", "2027-01-29"]);

      // 00:30 on 1 January in Berlin, still 2026-12-31 in UTC: the installation's zone decides (P2).
      api.clock.set(new Date("2026-12-31T23:30:00Z"));
      const january = await draft(api, december("2026-12-31", "MUELLER-2027-01"));
      const first = await finalized(api, january.id);
      expect([first.number, first.issueDate]).toEqual(["RE-2027-000001", "2027-01-01"]);

      api.clock.set(new Date("2027-01-01T08:00:00Z"));
      const issued = await finalized(api, december30.id);
      // Net 30 from 2027-01-01 ends on Sunday 2027-01-31 → Monday 2027-02-01 (§193 BGB).
      expect(issued).toMatchObject({ number: "RE-2027-000002", issueDate: "2027-01-01", dueDate: "2027-02-01" });
      const xml = await xmlOf(api, december30.id);
      expect(xml).toMatch(ciiDate("IssueDateTime", "2027-01-01"));
      expect(xml).toMatch(ciiDate("StartDateTime", "2026-12-01"));
      expect(xml).toMatch(ciiDate("EndDateTime", "2026-12-19"));
    });
  });

  describe("P1: the payment-terms policy in force on the finalization day", () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await createTestApi({ now: new Date("2026-12-20T10:00:00Z") });
      // The shipped net 30, then from 2027-02-01 the installation's net 14 on invoice.
      const set = JSON.parse(JSON.stringify(DEFAULT_TERMS_POLICY_SET)) as TermsPolicySetInput;
      const [shipped] = set.paymentTerms;
      if (shipped === undefined) throw new Error("no shipped payment-terms policy");
      const net14 = {
        ...shipped,
        version: "installation-2027-02",
        effectiveFrom: "2027-02-01",
        methods: shipped.methods.map((method) => (method.method === "on-invoice" ? { ...method, netDays: 14 } : method)),
      };
      const stored = await api.request({ method: "PUT", url: "/v1/terms-policies", token: api.tokens.admin, payload: { policies: { ...set, paymentTerms: [shipped, net14] } } });
      expect(stored.statusCode, stored.body).toBe(201);
    });
    afterAll(() => api.close());

    it("P1, T1: net days left open are the policy's of the finalization day: drafted 2026-12-20 (net 30), issued 2027-02-15 (net 14) → due 2027-03-01; agreed net 30 stay → 2027-03-17", async () => {
      const open = await draft(api, december("2026-12-20", "MUELLER-POLICY"));
      const agreed = await draft(api, { ...december("2026-12-20", "MUELLER-AGREED"), paymentTerms: { netDays: 30, calendar: "DE-NW" } });
      expect([open.dueDate, agreed.dueDate]).toEqual(["2027-01-19", "2027-01-19"]);
      api.clock.set(new Date("2027-02-15T09:00:00Z"));
      expect(await finalized(api, open.id)).toMatchObject({ issueDate: "2027-02-15", dueDate: "2027-03-01", paymentTermsText: "Zahlbar ohne Abzug bis zum 01.03.2027." });
      expect(await finalized(api, agreed.id)).toMatchObject({ issueDate: "2027-02-15", dueDate: "2027-03-17" });
    });
  });
});
