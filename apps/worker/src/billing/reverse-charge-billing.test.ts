import { insertOrganization, schema, type DatabaseHandle } from "@kontor/db";
import type { MoneyJson } from "@kontor/money";
import type { Organization } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIENNA_BUSINESS_CUSTOMER } from "../testing/billing-customers.js";
import { firstOutboxEvent, redeliverToBillingHandler } from "../testing/billing-outbox-events.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { tenHourContingent } from "../testing/ten-hour-contingent.js";
import { moneyText } from "../testing/money-text.js";
import { insertTestContract, recordTestTimeEntries } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { INVOICE_DUE_TOPIC } from "./billing-outbox-handlers.js";
import { DEFAULT_BILLING_SETTINGS } from "./billing-settings.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";

// 00:10 on 1 December 2026 in Berlin and Vienna (CET, UTC+1).
const NOW = new Date("2026-11-30T23:10:00Z");

/** A customer in Vienna (Donau Handels GmbH): an EU business outside Germany (T3), with its VAT ID on record. */
const DONAU: Organization = { ...VIENNA_BUSINESS_CUSTOMER, vatId: "ATU13585627" };

/** The same kind of customer in Graz, but onboarded without a VAT ID. */
const MUR: Organization = {
  ...VIENNA_BUSINESS_CUSTOMER,
  id: "org-mur",
  name: "Mur Bau GmbH",
  address: { ...VIENNA_BUSINESS_CUSTOMER.address, postalCode: "8010", city: "Graz" },
  serviceReportRecipient: "office@murbau.at",
  mailDomains: ["murbau.at"],
};


describe("month-end billing of an EU business customer outside Germany (T3, T4, C8)", () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;

  beforeAll(async () => {
    worker = await startTestWorker({ now: NOW });
    ({ database, smtp, context } = worker);
    const recordedAt = new Date("2026-11-30T17:00:00Z");
    for (const organization of [DONAU, MUR]) {
      await insertOrganization(database.db, organization, recordedAt);
      const stored = await insertTestContract(database, tenHourContingent(`ct-${organization.id}`, organization.id, "Europe/Vienna"), recordedAt);
      // Two hours of remote work, inside the 10-hour contingent: the invoice is the monthly 950.00.
      await recordTestTimeEntries(
        database,
        stored,
        [{ id: "e1", contractId: stored.contract.id, workDate: "2026-11-12", rawMinutes: 120, technician: "S. Wassmann", ticketRef: "T-2026-000301-0", workType: "remote-support", location: "remote", billable: true }],
        recordedAt,
      );
    }
    for (const item of await monthCloseJob.plan(context, NOW)) await monthCloseJob.runItem(context, item, NOW);
  });
  afterAll(() => worker.close());

  it("T3: with its VAT ID on record the customer is billed by reverse charge: 950.00 net, 0.00 VAT, both VAT IDs and the note on the invoice", async () => {
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC, "ct-org-donau"));
    const [invoice, ...others] = await database.db.select({ number: schema.invoices.number, document: schema.invoices.document }).from(schema.invoices);
    expect(others).toEqual([]);
    const document = invoice?.document as {
      readonly seller: { vatId?: string };
      readonly buyer: { vatId?: string };
      readonly totals: { lineNetTotal: MoneyJson; taxTotal: MoneyJson; grandTotal: MoneyJson; vatBreakdown: readonly { category: string; rate: string; exemptionReason?: string }[] };
    };
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["950.00 EUR", "0.00 EUR", "950.00 EUR"]);
    expect(document.totals.vatBreakdown.map((entry) => [entry.category, entry.rate, entry.exemptionReason?.includes("Steuerschuldnerschaft des Leistungsempfängers")])).toEqual([["AE", "0", true]]);
    expect(document.buyer.vatId).toBe("ATU13585627");
    expect(document.seller.vatId).toBe(DEFAULT_BILLING_SETTINGS.seller.vatId);

    const mail = smtp.mails.find((candidate) => candidate.parsed.subject?.startsWith("Rechnung ") === true);
    expect(mail?.envelopeTo).toEqual(["buchhaltung@donau-handel.at"]);
    const pdf = mail?.parsed.attachments[0]?.content;
    if (pdf === undefined) throw new Error("invoice mail without PDF");
    const text = await readPdfText(new Uint8Array(pdf));
    expect(text).toContain("Steuerschuldnerschaft des Leistungsempfängers");
    expect(text).toContain("ATU13585627");
    expect(text).toContain(DEFAULT_BILLING_SETTINGS.seller.vatId ?? "seller VAT ID");
    expect(text).toContain("950,00");
  });

  it("T3, T4: without a VAT ID the invoice is refused with T3_VAT_ID_REQUIRED instead of guessing a rate; nothing is issued or mailed", async () => {
    const invoicesBefore = await database.db.select({ id: schema.invoices.id }).from(schema.invoices);
    expect(invoicesBefore).toHaveLength(1);
    await expect(redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC, "ct-org-mur"))).rejects.toThrow(/T3_VAT_ID_REQUIRED/);
    expect(await database.db.select({ id: schema.invoices.id }).from(schema.invoices)).toEqual(invoicesBefore);
    // The handler fails before it composes the invoice: no invoice mail reaches the customer.
    const subjects = smtp.mails.filter((mail) => mail.envelopeTo.includes("office@murbau.at")).map((mail) => mail.parsed.subject ?? "");
    expect(subjects.filter((subject) => subject.startsWith("Rechnung"))).toEqual([]);
  });
});
