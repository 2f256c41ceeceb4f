import { testDatabaseKind } from "@kontor/db/testing";
import { insertOrganization, insertSepaMandate, saveInstallationPolicies, schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import type { ContractInput } from "@kontor/contingent";
import type { MoneyJson } from "@kontor/money";
import { DEFAULT_TERMS_POLICY_SET, type TermsPolicySetInput } from "@kontor/terms";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import { testCustomer } from "../testing/billing-customers.js";
import { TEST_COOPERATION_TERMS } from "../testing/cooperation-terms.js";
import { moneyText } from "../testing/money-text.js";
import { insertTestContract } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { monthCloseJob } from "./month-close-job.js";
import { BILLED_SEPARATELY_TOPIC, separateBillingOutboxHandlers } from "./separate-billing-handlers.js";

// 00:10 on Tuesday, 1 December 2026 in Berlin (CET, UTC+1): November has ended.
const NOW = new Date("2026-11-30T23:10:00Z");
const IBAN = "DE89370400440532013000";

interface StoredInvoice {
  readonly totals: { readonly lineNetTotal: MoneyJson; readonly taxTotal: MoneyJson; readonly grandTotal: MoneyJson };
  readonly paymentTerms: { readonly dueDate: string; readonly description: string };
  readonly source: { readonly paymentMeans: { readonly kind: string } };
}

const TERMS: ContractInput["terms"] = { ...TEST_COOPERATION_TERMS, backupResponsibility: "provider" };

/** Rental flat rates of November 2026, each customer with an active mandate. */
const CASES = {
  // Billed before the installation stored terms policies.
  vorher: { name: "Vorher GmbH", price: "1250.00", agreedDays: undefined },
  // Billed under the stored policies: the mandate names no period.
  weber: { name: "Weber Logistik GmbH", price: "1250.00", agreedDays: undefined },
  // Billed under the stored policies with an agreed period of 3 days.
  kurz: { name: "Kurz Steuerberatung", price: "480.00", agreedDays: 3 },
  // Billed under the stored policies: the mandate agreed 14 days explicitly.
  lang: { name: "Lang & Partner", price: "700.00", agreedDays: 14 },
  // Billed while the stored policies no longer parse.
  kaputt: { name: "Kaputt KG", price: "300.00", agreedDays: undefined },
} as const;

type Case = keyof typeof CASES;
const contractIdOf = (key: Case) => `ct-${key}-miete`;

/**
 * The shipped terms policies with two versions added (P1): from 2026-11-15 a SEPA policy whose
 * pre-notification period is 5 days (T7), and from 2026-11-01 a German standard VAT rate of
 * 21 % (a hypothetical change, T3).
 */
function storedTermsPolicies(): TermsPolicySetInput {
  const set = JSON.parse(JSON.stringify(DEFAULT_TERMS_POLICY_SET)) as TermsPolicySetInput;
  const [sepa] = set.sepa;
  const [table] = set.vatRateTables;
  if (sepa === undefined || table === undefined) throw new Error("shipped SEPA policy or VAT table missing");
  const germany = [...(table.countries.DE ?? []), { effectiveFrom: "2026-11-01", standard: "21", reduced: ["7"] }];
  return {
    ...set,
    sepa: [sepa, { ...sepa, version: "installation-5-days", effectiveFrom: "2026-11-15", source: "Installation: 5 days pre-notification", preNotificationDays: 5 }],
    vatRateTables: [{ ...table, version: "installation-de-21", countries: { ...table.countries, DE: germany } }],
  };
}

describe(`separate billing under the installation's terms policies on ${testDatabaseKind()} (P1, T3, T7)`, () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let context: WorkerContext;
  const handler = separateBillingOutboxHandlers[0];

  beforeAll(async () => {
    worker = await startTestWorker({ now: NOW });
    ({ database, context } = worker);
    const recordedAt = new Date("2026-10-20T09:00:00Z");
    for (const [key, { name, price, agreedDays }] of Object.entries(CASES)) {
      const organizationId = `org-${key}`;
      await insertOrganization(database.db, testCustomer({ id: organizationId, name }), recordedAt);
      await insertTestContract(database, { kind: "rental-flat-rate", id: contractIdOf(key as Case), customerId: organizationId, startDate: "2026-11-01", terms: TERMS, monthlyPrice: price }, recordedAt);
      await insertSepaMandate(
        database.db,
        { id: `sm-${key}`, organizationId, mandateReference: `${key.toUpperCase()}-2026-01`, debtorIban: IBAN, debtorName: "Kontoinhaber", signedOn: "2026-10-15", preNotificationDays: agreedDays, createdBy: "staff-back-office" },
        recordedAt,
      );
    }
    for (const item of await monthCloseJob.plan(context, NOW)) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed" });
  });
  afterAll(() => worker.close());

  async function billedSeparately(contractId: string): Promise<OutboxRow> {
    const rows = await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, contractId)).orderBy(asc(schema.outbox.id));
    const event = rows.find((row) => row.topic === BILLED_SEPARATELY_TOPIC);
    if (event === undefined) throw new Error(`no ${BILLED_SEPARATELY_TOPIC} event of ${contractId}`);
    return event;
  }

  async function invoicesOf(key: Case): Promise<StoredInvoice[]> {
    const rows = await database.db.select({ document: schema.invoices.document }).from(schema.invoices).where(eq(schema.invoices.sourceKey, `contingent:${contractIdOf(key)}:2026-11`));
    return rows.map((row) => row.document as StoredInvoice);
  }

  async function bill(key: Case): Promise<StoredInvoice> {
    if (handler === undefined) throw new Error("no handler");
    await redeliverOutboxEvent(context, handler, await billedSeparately(contractIdOf(key)));
    const [invoice, ...more] = await invoicesOf(key);
    expect(more).toEqual([]);
    if (invoice === undefined) throw new Error(`no invoice of ${key}`);
    return invoice;
  }

  const totals = (invoice: StoredInvoice) => [moneyText(invoice.totals.lineNetTotal), moneyText(invoice.totals.taxTotal), moneyText(invoice.totals.grandTotal)];

  it("P1, T7: with nothing stored the shipped policies apply: issued 1 December, collected 14 days later on 15 December, 19 % VAT", async () => {
    const invoice = await bill("vorher");
    expect(invoice.source.paymentMeans.kind).toBe("sepa-direct-debit");
    expect(invoice.paymentTerms.dueDate).toBe("2026-12-15");
    // 19 % of 1,250.00 = 237.50.
    expect(totals(invoice)).toEqual(["1250.00 EUR", "237.50 EUR", "1487.50 EUR"]);
  });

  it("P1, T7: under a stored SEPA policy of 5 days the collection moves to Monday 7 December (1 December + 5 is a Sunday); the stored 21 % gives 262.50 VAT", async () => {
    const saved = await saveInstallationPolicies(database.db, "terms", { policies: storedTermsPolicies(), updatedBy: "staff-admin" }, 0, new Date("2026-11-20T10:00:00Z"));
    expect(saved?.version).toBe(1);
    const invoice = await bill("weber");
    expect(invoice.paymentTerms.dueDate).toBe("2026-12-07");
    expect(invoice.paymentTerms.description).toContain("am 07.12.2026 per SEPA-Lastschrift eingezogen");
    // T3 under the stored table: 21 % of 1,250.00 = 262.50.
    expect(totals(invoice)).toEqual(["1250.00 EUR", "262.50 EUR", "1512.50 EUR"]);
  });

  it("T7: a period agreed in the mandate still wins over the policy's: 3 days from 1 December is Friday 4 December", async () => {
    const invoice = await bill("kurz");
    expect(invoice.paymentTerms.dueDate).toBe("2026-12-04");
    // 21 % of 480.00 = 100.80.
    expect(totals(invoice)).toEqual(["480.00 EUR", "100.80 EUR", "580.80 EUR"]);
  });

  it("T7: an explicitly agreed 14 days is kept under the stored 5-day policy: 1 December + 14 is Tuesday 15 December", async () => {
    const invoice = await bill("lang");
    expect(invoice.paymentTerms.dueDate).toBe("2026-12-15");
  });

  it("P1: a stored set that no longer parses fails the event (TERMS_POLICIES_INVALID) instead of billing under the shipped defaults; nothing is issued", async () => {
    await database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{sepa,1,preNotificationDays}', '0'::jsonb) WHERE domain = 'terms'");
    try {
      await expect(bill("kaputt")).rejects.toMatchObject({ code: "TERMS_POLICIES_INVALID", message: expect.stringContaining("sepa.1.preNotificationDays") as unknown });
      expect(await invoicesOf("kaputt")).toEqual([]);
    } finally {
      await database.query("DELETE FROM installation_policies WHERE domain = 'terms'");
    }
  });
});
