import { buildApi, loadLicenseCatalog, seedDemoData, type StoredInvoiceDocument } from "@kontor/api";
import { activeMaintenancePlans, assetsExpiringBy, findContract, fixedClock, listLicensesEndingBetween, listMonthCloseCandidates, schema, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase, testDatabaseKind } from "@kontor/db/testing";
import { createQuote, DEFAULT_POLICIES } from "@kontor/licensing";
import { Money, type MoneyJson } from "@kontor/money";
import { validateVatId } from "@kontor/terms";
import type { Organization } from "@kontor/ticketing";
import { and, asc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contingentInvoiceSourceKey } from "../billing/bill-contract-month.js";
import { billingOutboxHandlers } from "../billing/billing-outbox-handlers.js";
import { DEFAULT_BILLING_SETTINGS } from "../billing/billing-settings.js";
import { monthCloseJob } from "../billing/month-close-job.js";
import { BILLED_SEPARATELY_TOPIC } from "../billing/separate-billing-handlers.js";
import { sepaCollectionDate } from "../billing/separate-month-invoice.js";
import { dueRenewalReminder } from "../licensing/renewal-reminder-schedule.js";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { assetExpiryJob } from "../service-desk/assets/asset-expiry-job.js";
import { assetExpiryMailHandler } from "../service-desk/assets/asset-expiry-mail-handler.js";
import { startCaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { DEMO_PRODUCT } from "./demo-catalog.js";
import { DEMO_MANAGED_SERVICES_ID } from "./demo-managed-services.js";
import { DEMO_MANDATE, DEMO_RENTAL_CONTRACT_ID } from "./demo-rental-contract.js";
import { DEMO_ACCOUNT_MANAGER } from "./demo-staff.js";
import { seedDemoScenario, type DemoScenarioSummary } from "./seed-demo-scenario.js";
import { DEMO_ZONE, demoTimeline } from "./demo-timeline.js";

/** `SELECT count(*)` of a table (names are literals of this file). */
async function count(database: DatabaseHandle, table: string, where = "true"): Promise<number> {
  const result = await database.query<{ count: string | number }>(`SELECT count(*) AS count FROM ${table} WHERE ${where}`);
  return Number(result.rows[0]?.count);
}

async function counts(database: DatabaseHandle): Promise<Record<string, number>> {
  return {
    organizations: await count(database, "organizations"),
    licenses: await count(database, "licenses"),
    rentals: await count(database, "rental_subscriptions", "status = 'provisioned'"),
    contracts: await count(database, "contingent_contracts", "kind = 'contingent'"),
    timeEntries: await count(database, "contingent_time_entries"),
    tickets: await count(database, "tickets"),
    ordersToPurchase: await count(database, "license_orders", "status = 'purchase-due'"),
    assets: await count(database, "assets"),
    maintenancePlans: await count(database, "maintenance_plans", "active"),
    managedServices: await count(database, "contingent_contracts", "kind = 'managed-services'"),
    rentalFlatRates: await count(database, "contingent_contracts", "kind = 'rental-flat-rate'"),
    usageRecords: await count(database, "usage_records"),
    activeMandates: await count(database, "sepa_mandates", "status = 'active'"),
    priceLists: await count(database, "customer_price_lists"),
  };
}

const EXPECTED = {
  organizations: 3,
  licenses: 3,
  rentals: 2,
  contracts: 1,
  timeEntries: 10,
  tickets: 6,
  ordersToPurchase: 1,
  assets: 2,
  maintenancePlans: 1,
  managedServices: 1,
  rentalFlatRates: 1,
  usageRecords: 6,
  activeMandates: 1,
  priceLists: 1,
};

/** An amount with its currency's minor digits, e.g. `"1487.50 EUR"`. */
function cents(json: MoneyJson): string {
  return `${Money.fromJSON(json).toFixed()} ${json.currency}`;
}

/** The invoice lines of a closed contract month as stored by the month close: meter, quantity, net. */
interface ClosedMonthInvoice {
  readonly invoice: { readonly presentation: string; readonly lines: readonly { readonly reference: string; readonly quantity: string; readonly net: MoneyJson }[]; readonly net: MoneyJson };
}

// A demo started with KONTOR_NOW at a month end, and one on New Year's morning (previous month
// in the previous year, hardly a day of the current month gone).
describe.each(["2026-11-30T16:00:00Z", "2027-01-01T05:30:00Z"])(`demo scenario at %s on ${testDatabaseKind()}`, (instant) => {
  const now = new Date(instant);
  const timeline = demoTimeline(now);
  let database: DatabaseHandle;
  let api: Awaited<ReturnType<typeof buildApi>>;
  let adminToken: string;
  let summary: DemoScenarioSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    adminToken = (await seedDemoData(database, now)).adminToken;
    summary = await seedDemoScenario(database, now);
    api = await buildApi({ database, clock: fixedClock(now), logLevel: false, rateLimitPerMinute: false });
  });

  afterAll(async () => {
    await api.close();
    await database.close();
  });

  async function get<T>(url: string): Promise<T> {
    const response = await api.inject({ method: "GET", url, headers: { authorization: `Bearer ${adminToken}` } });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<T>();
  }

  it("loads organizations, licenses, rentals, contracts with entries and usage, a mandate, a price list, tickets and an overdue order", async () => {
    expect(summary.created).toBe(true);
    expect(await counts(database)).toEqual(EXPECTED);
    expect([summary.licenseIds.length, summary.rentalIds.length, summary.timeEntries, summary.usageRecordIds.length, summary.priceListVersion]).toEqual([3, 2, 10, 6, 1]);
    expect(Object.keys(summary.ticketIds)).toHaveLength(6);
    const statuses = await database.query<{ status: string }>("SELECT status FROM tickets ORDER BY status");
    expect(statuses.rows.map((row) => row.status)).toEqual(["assigned", "in-progress", "new", "resolved", "resolved", "waiting-for-customer"]);
  });

  it("adds nothing when it runs again", async () => {
    const again = await seedDemoScenario(database, new Date(now.getTime() + 60_000));
    expect(again.created).toBe(false);
    expect([again.managedServicesContractId, again.rentalContractId, again.mandateId, again.usageRecordIds, again.priceListVersion, again.licensingPoliciesVersion]).toEqual([undefined, undefined, undefined, [], 0, 0]);
    expect(await counts(database)).toEqual(EXPECTED);
  });

  it("gives the worker's jobs something to do: renewal reminders, a month to close, a purchase due", async () => {
    const ending = await listLicensesEndingBetween(database.db, timeline.today, timeline.day(90));
    expect(ending.map(({ termEnd }) => dueRenewalReminder(termEnd, timeline.today)).sort()).toEqual([30, 90]);
    // C8, C9: last month of the rental flat rate, the managed services and the contingent is due for its close.
    const candidates = await listMonthCloseCandidates(database.db, now, "Europe/Berlin");
    const lastMonth = timeline.previousMonthStart.slice(0, 7);
    expect(candidates).toEqual(
      [DEMO_RENTAL_CONTRACT_ID, DEMO_MANAGED_SERVICES_ID, summary.contractId].map((contractId) => ({ contractId, firstOpenMonth: lastMonth, zone: "Europe/Berlin", endMonth: null })),
    );
    expect(summary.overdueOrder?.purchaseDueOn.localeCompare(timeline.today)).toBe(-1);
    // K11: the firewall's UTM subscription ends within the 30-day lead time, the NAS warranty does not.
    expect((await assetsExpiringBy(database.db, timeline.day(30))).map((row) => row.id)).toEqual(["demo-asset-firewall"]);
    // K9: the backup check is active and first due in a week, so the first start opens no ticket yet.
    expect((await activeMaintenancePlans(database.db)).map((row) => [row.id, (row.record as { firstDue: string }).firstDue])).toEqual([["demo-plan-backup", timeline.day(7)]]);
  });

  it("T3, T4: every demo organization is German with a German VAT ID that passes the check digits", async () => {
    const rows = await database.db.select({ id: schema.organizations.id, record: schema.organizations.record }).from(schema.organizations).orderBy(asc(schema.organizations.id));
    const records = rows.map((row) => row.record as Organization);
    expect(records.map((record) => [record.id, record.address.country, record.vatId])).toEqual([
      ["org-baeckerei", "DE", "DE271828180"],
      ["org-kanzlei-hoffmann", "DE", "DE161803398"],
      ["org-mueller", "DE", "DE314159262"],
    ]);
    for (const record of records) expect(validateVatId(record.vatId ?? "")).toMatchObject({ ok: true, value: { country: "DE" } });
  });

  it("C9, C8, M1: the managed services with last and this month's usage, the rental flat rate with its active mandate, Müller's price", async () => {
    const managed = await findContract(database.db, summary.managedServicesContractId ?? "");
    expect(managed).toMatchObject({ organizationId: "org-kanzlei-hoffmann", kind: "managed-services", firstOpenMonth: timeline.previousMonthStart.slice(0, 7) });
    const usage = await get<{ items: { month: string; meter: string; quantity: string }[] }>(`/v1/contracts/${DEMO_MANAGED_SERVICES_ID}/usage?limit=100`);
    const [lastMonth, thisMonth] = [timeline.previousMonthStart.slice(0, 7), timeline.currentMonthStart.slice(0, 7)];
    expect(usage.items.map((item) => [item.month, item.meter, item.quantity])).toEqual([
      [lastMonth, "endpoint-protection-device", "40"],
      [lastMonth, "online-backup-server", "3"],
      [lastMonth, "online-backup-storage-gb", "1187.25"],
      [thisMonth, "endpoint-protection-device", "42"],
      [thisMonth, "online-backup-server", "3"],
      [thisMonth, "online-backup-storage-gb", "1250.5"],
    ]);

    const rental = await findContract(database.db, summary.rentalContractId ?? "");
    expect(rental).toMatchObject({ organizationId: "org-baeckerei", kind: "rental-flat-rate", contract: { monthlyPrice: "1250.00", startDate: timeline.previousMonthStart } });
    const mandates = await get<{ items: { id: string; mandateReference: string; status: string; signedOn: string; debtorIbanMasked: string }[] }>("/v1/organizations/org-baeckerei/sepa-mandates");
    expect(mandates.items).toEqual([
      expect.objectContaining({ id: summary.mandateId, mandateReference: "KONTOR-MANDAT-0001", status: "active", signedOn: timeline.previousMonthStart, debtorIbanMasked: "DE89 **** **** **** **30 00" }),
    ]);

    // M1: Müller pays 10.90 per user for Microsoft 365 Business Standard, the bakery the list price 11.70.
    const price = (organizationId: string) => get<{ pricePerUser: MoneyJson; monthlyTotal: MoneyJson; source: string }>(`/v1/rental-prices?organizationId=${organizationId}&productId=m365-bs&quantity=10`);
    expect(await price("org-mueller")).toEqual({
      organizationId: "org-mueller",
      productId: "m365-bs",
      quantity: 10,
      pricePerUser: { amount: "10.90", currency: "EUR" },
      monthlyTotal: { amount: "109.00", currency: "EUR" },
      source: "customer-price-list",
    });
    expect(await price("org-baeckerei")).toMatchObject({ pricePerUser: { amount: "11.70", currency: "EUR" }, source: "list-price" });
  });

  it("P1: the stored licensing policies (defaults plus the Adobe demo policy) let staff quote Adobe Acrobat Pro; the shipped defaults alone refuse it", async () => {
    expect(summary.licensingPoliciesVersion).toBe(1);
    const request = {
      kind: "cloud-annual-existing-site" as const,
      reseller: { fullName: "Petra Schmidt", email: "petra@kontor.example" },
      site: { url: "https://adminconsole.adobe.com/kanzlei-hoffmann" },
      authorizedContact: { fullName: "Jonas Hoffmann", email: "j.hoffmann@kanzlei-hoffmann.de" },
      products: [{ productId: DEMO_PRODUCT.acrobatPro, userTier: 5 }],
    };
    const quoted = await api.inject({ method: "POST", url: "/v1/quotes", headers: { authorization: `Bearer ${adminToken}` }, payload: { organizationId: "org-kanzlei-hoffmann", request } });
    expect(quoted.statusCode, quoted.body).toBe(201);
    expect(quoted.json<{ quote: { total: MoneyJson } }>().quote.total).toEqual({ amount: "1140", currency: "EUR" });
    const withDefaults = createQuote({ ...request, quoteId: "q-defaults" }, { asOf: now.toISOString(), catalog: await loadLicenseCatalog(database.db), policies: DEFAULT_POLICIES });
    expect(withDefaults.ok ? [] : withDefaults.errors.map((error) => error.code)).toContain("P1_NO_POLICY_IN_FORCE");
  });

  it("is readable through the API", async () => {
    const statement = await get<{ balanceMinutes: number }>(`/v1/contracts/${summary.contractId ?? ""}/statement`);
    // 2 × 600 credited minus 435 (last month) and 420 (this month) billable minutes.
    expect(statement.balanceMinutes).toBe(345);
    const order = await get<{ order: { status: string; purchaseDueOn: string } }>(`/v1/orders/${summary.overdueOrder?.id ?? ""}`);
    expect(order.order).toMatchObject({ status: "purchase-due", purchaseDueOn: summary.overdueOrder?.purchaseDueOn });
    const rentals = await get<{ items: { overview: { startDate: string } }[] }>("/v1/rental-subscriptions?organizationId=org-baeckerei");
    expect(rentals.items.map((item) => item.overview.startDate)).toEqual([timeline.currentMonthStart]);
    await get(`/v1/licenses/${summary.licenseIds[0] ?? ""}`);
    await get(`/v1/tickets/${summary.ticketIds.vpn ?? ""}`);
    await get(`/v1/assets/${summary.assetIds[0] ?? ""}`);
    await get(`/v1/maintenance-plans/${summary.planIds[0] ?? ""}`);
    // K12: the firewall login is listed with its pending request; its password is stored sealed.
    await get(`/v1/credentials/${summary.credentialIds[0] ?? ""}`);
    const requests = await get<{ items: { status: string }[] }>(`/v1/credentials/${summary.credentialIds[0] ?? ""}/access-requests`);
    expect(requests.items.map((item) => item.status)).toEqual(["pending"]);
    const stored = await database.query<{ secret_sealed: string }>("SELECT secret_sealed FROM access_credentials WHERE id = $1", [summary.credentialIds[0]]);
    expect(stored.rows[0]?.secret_sealed).toMatch(/^v1:/);
  });

  it("K11: the firewall's expiring UTM subscription is mailed to the demo's account manager (Müller names none)", async () => {
    const smtp = await startCaptureSmtpServer();
    const context = testWorkerContext(database, smtp, { now });
    try {
      await assetExpiryJob.run(context, now);
      expect((await deliverDueOutboxEvents(context, outboxRouting([assetExpiryMailHandler]), { limit: 100 })).failed).toBe(0);
      const warnings = smtp.mails.filter((mail) => mail.envelopeTo.includes(DEMO_ACCOUNT_MANAGER.email));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.parsed.text).toContain("Müller GmbH");
    } finally {
      await context.mail.close();
      await smtp.close();
    }
  });

  // Last: it closes months, which later assertions on the open books would see.
  it("C8, C9, T7: the month close bills last month's usage and collects the rental by direct debit; the next month end bills this month's", async () => {
    const smtp = await startCaptureSmtpServer();
    const context = testWorkerContext(database, smtp, { now });
    try {
      const [lastMonth, thisMonth] = [timeline.previousMonthStart.slice(0, 7), timeline.currentMonthStart.slice(0, 7)];
      const contractIds = [DEMO_RENTAL_CONTRACT_ID, DEMO_MANAGED_SERVICES_ID, summary.contractId ?? ""];
      const items = await monthCloseJob.plan(context, now);
      expect(items.map((item) => item.key)).toEqual(contractIds.map((id) => `${id}:${lastMonth}`));
      for (const item of items) expect(await monthCloseJob.runItem(context, item, now)).toMatchObject({ status: "closed", closed: [lastMonth] });

      const closedInvoice = async (contractId: string, month: string): Promise<ClosedMonthInvoice["invoice"] | undefined> => {
        const [row] = await database.db
          .select({ closed: schema.contingentMonthCloses.closed })
          .from(schema.contingentMonthCloses)
          .where(and(eq(schema.contingentMonthCloses.contractId, contractId), eq(schema.contingentMonthCloses.month, month)));
        return (row?.closed as ClosedMonthInvoice | undefined)?.invoice;
      };
      // C9: one pay-per-use line per meter at the price list's prices: 128.00 + 57.00 + 14.84 (1187.25 × 0.0125 = 14.840625).
      const usageLast = await closedInvoice(DEMO_MANAGED_SERVICES_ID, lastMonth);
      expect(usageLast?.lines.map((line) => [line.reference, line.quantity, line.net.amount])).toEqual([
        ["endpoint-protection-device", "40", "128.00"],
        ["online-backup-server", "3", "57.00"],
        ["online-backup-storage-gb", "1187.25", "14.84"],
      ]);
      expect(usageLast?.net.amount).toBe("199.84");
      // C8: the rental month carries no lines of its own; it is billed separately by direct debit.
      expect((await closedInvoice(DEMO_RENTAL_CONTRACT_ID, lastMonth))?.presentation).toBe("separate-direct-debit");

      // The worker's billing handlers issue the invoices and mail them.
      expect((await deliverDueOutboxEvents(context, outboxRouting(billingOutboxHandlers), { limit: 1000 })).failed).toBe(0);
      const invoiceOf = async (contractId: string) => {
        const rows = await database.db.select({ status: schema.invoices.status, document: schema.invoices.document }).from(schema.invoices).where(eq(schema.invoices.sourceKey, contingentInvoiceSourceKey(contractId, lastMonth)));
        expect(rows.map((row) => row.status)).toEqual(["finalized"]);
        return rows[0]?.document as StoredInvoiceDocument;
      };
      // T5: 19 % of 199.84 = 37.9696 → 37.97; T3: a German business customer pays German VAT, its VAT ID on the invoice.
      const usageInvoice = await invoiceOf(DEMO_MANAGED_SERVICES_ID);
      expect([cents(usageInvoice.totals.lineNetTotal), cents(usageInvoice.totals.taxTotal), cents(usageInvoice.totals.grandTotal)]).toEqual(["199.84 EUR", "37.97 EUR", "237.81 EUR"]);
      expect(usageInvoice.buyer.vatId).toBe("DE161803398");

      // C8, T7: 1,250.00 + 19 % = 1,487.50, collected under the bakery's mandate 14 days (TARGET2 business day) after the issue.
      const rentalInvoice = await invoiceOf(DEMO_RENTAL_CONTRACT_ID);
      expect([cents(rentalInvoice.totals.lineNetTotal), cents(rentalInvoice.totals.taxTotal), cents(rentalInvoice.totals.grandTotal)]).toEqual(["1250.00 EUR", "237.50 EUR", "1487.50 EUR"]);
      expect(rentalInvoice.source.paymentMeans).toEqual({ kind: "sepa-direct-debit", mandateReference: DEMO_MANDATE.reference, creditorId: DEFAULT_BILLING_SETTINGS.sepaCreditorId, debtorIban: DEMO_MANDATE.iban });
      expect(rentalInvoice.issueDate).toBe(timeline.today);
      expect(rentalInvoice.paymentTerms.dueDate).toBe(sepaCollectionDate(timeline.today, 14));
      expect(rentalInvoice.buyer.vatId).toBe("DE271828180");
      const preNotification = smtp.mails.find((mail) => mail.parsed.subject?.endsWith("Vorabankündigung SEPA-Lastschrift") === true);
      expect(preNotification?.envelopeTo).toEqual(["info@baeckerei-schmidt.de"]);

      // The next month end (00:10 on the 1st in Berlin) closes this month: the usage recorded so far and another rental month.
      const monthEnd = DateTime.fromISO(timeline.currentMonthStart, { zone: DEMO_ZONE }).plus({ months: 1, minutes: 10 }).toJSDate();
      const next = await monthCloseJob.plan(context, monthEnd);
      expect(next.map((item) => item.key)).toEqual(contractIds.map((id) => `${id}:${thisMonth}`));
      for (const item of next) expect(await monthCloseJob.runItem(context, item, monthEnd)).toMatchObject({ status: "closed", closed: [thisMonth] });
      const usageThis = await closedInvoice(DEMO_MANAGED_SERVICES_ID, thisMonth);
      // 134.40 + 57.00 + 15.63 (1250.5 × 0.0125 = 15.63125).
      expect(usageThis?.lines.map((line) => [line.reference, line.quantity, line.net.amount])).toEqual([
        ["endpoint-protection-device", "42", "134.40"],
        ["online-backup-server", "3", "57.00"],
        ["online-backup-storage-gb", "1250.5", "15.63"],
      ]);
      expect(usageThis?.net.amount).toBe("207.03");
      const billedSeparately = await database.db
        .select({ payload: schema.outbox.payload })
        .from(schema.outbox)
        .where(and(eq(schema.outbox.aggregateId, DEMO_RENTAL_CONTRACT_ID), eq(schema.outbox.topic, BILLED_SEPARATELY_TOPIC)))
        .orderBy(asc(schema.outbox.id));
      expect(billedSeparately.map((row) => (row.payload as { event: { month: string; method: string } }).event)).toEqual([
        expect.objectContaining({ month: lastMonth, method: "direct-debit" }),
        expect.objectContaining({ month: thisMonth, method: "direct-debit" }),
      ]);
    } finally {
      await context.mail.close();
      await smtp.close();
    }
  });
});
