import { createTestDatabase } from "@kontor/db/testing";
import { redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import { insertContract, insertOrganization, saveContractAccount, schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { openAccount, parseContract, recordTimeEntries, type ContractInput } from "@kontor/contingent";
import { Money, type MoneyJson } from "@kontor/money";
import type { Organization } from "@kontor/ticketing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import type { WorkerContext } from "../worker-context.js";
import { INVOICE_DUE_TOPIC, SERVICE_REPORT_READY_TOPIC, billingOutboxHandlers } from "./billing-outbox-handlers.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";

// 00:10 on 1 December 2026 in Berlin (CET, UTC+1, after the DST change of 25 October).
const NOW = new Date("2026-11-30T23:10:00Z");

const WEBER: Organization = {
  id: "org-weber",
  name: "Weber Logistik GmbH",
  address: { street: "Industriestraße 4", postalCode: "48231", city: "Warendorf", country: "DE" },
  branches: [],
  billing: "central",
  serviceReportRecipient: "rechnungen@weber-logistik.de",
  newTicketRecipients: [],
  statusChangeRecipients: [],
  initialInventoryWanted: false,
  documentation: "existing",
  mailDomains: ["weber-logistik.de"],
  calendarId: "DE-NW",
  zone: "Europe/Berlin",
};

/** Seed 004's 10-hour contingent (600 minutes, 950.00 EUR a month, 95.00 EUR per hour over it). */
const CONTRACT: ContractInput = {
  kind: "contingent",
  id: "ct-weber",
  customerId: WEBER.id,
  startDate: "2026-11-01",
  terms: {
    backupResponsibility: "customer",
    rates: [{ workType: "remote-support", description: "Remote support", hourlyRate: "95.00" }],
    travel: { kind: "flat", feePerTrip: "45.00" },
    accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@meinsystemhaus.de" },
  },
  contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" },
};

function cents(json: MoneyJson): string {
  return `${Money.fromJSON(json).toFixed()} ${json.currency}`;
}

async function eventOf(database: DatabaseHandle, topic: string): Promise<OutboxRow> {
  const [event] = await database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, topic)).orderBy(asc(schema.outbox.id));
  if (event === undefined) throw new Error(`no ${topic} event`);
  return event;
}

async function handle(database: DatabaseHandle, context: WorkerContext, event: OutboxRow): Promise<void> {
  const handler = billingOutboxHandlers.find((candidate) => candidate.topics.includes(event.topic));
  if (handler === undefined) throw new Error(`no handler for ${event.topic}`);
  await redeliverOutboxEvent(context, handler, event);
}

describe("month-end billing of an overbooked contingent (C3, C4, C8)", () => {
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startCaptureSmtpServer();
    context = testWorkerContext(database, smtp, { now: NOW });
    const recordedAt = new Date("2026-11-30T17:00:00Z");
    await insertOrganization(database.db, WEBER, recordedAt);
    const parsed = parseContract(CONTRACT);
    if (!parsed.ok) throw new Error("contract invalid");
    const contract = parsed.value;
    const row = await insertContract(database.db, { id: contract.id, organizationId: WEBER.id, kind: contract.kind, contract, account: openAccount(contract) }, recordedAt);
    // C3: four 4-hour jobs in November, 960 minutes against a credit of 600.
    const entries = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-30"].map((workDate, index) => ({
      id: `w${index + 1}`,
      contractId: contract.id,
      workDate,
      rawMinutes: 240,
      technician: "S. Wassmann",
      ticketRef: `T-2026-00020${index}-0`,
      workType: "remote-support",
      location: "remote" as const,
      billable: true,
      description: `Lagerverwaltung migriert, Teil ${index + 1}`,
    }));
    const recorded = recordTimeEntries(openAccount(contract), entries, { contract, asOf: recordedAt.toISOString() });
    if (!recorded.ok) throw new Error(recorded.errors.map((issue) => issue.message).join("; "));
    await saveContractAccount(database.db, row, recorded.value.account, recorded.value.entries, recordedAt);
  });
  afterAll(async () => {
    await context.mail.close();
    await smtp.close();
    await database.close();
  });

  it("C4, C8: the correction (6 h × 95.00) is billed on November's invoice, and handling invoice-due before service-report-ready still mails the report first", async () => {
    for (const item of await monthCloseJob.plan(context, NOW)) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed", month: "2026-11" });
    // C4: −360 minutes is below −50 % of 600: one correction event, billed with the month.
    expect((await eventOf(database, "contingent.correction-invoice-due")).payload).toMatchObject({ event: { deficitMinutes: 360, trigger: "deficit-below-limit" } });

    // The invoice event arrives first (another worker has not handled the report's event yet).
    await handle(database, context, await eventOf(database, INVOICE_DUE_TOPIC));
    expect(smtp.mails.map((mail) => mail.parsed.subject)).toEqual([
      "Servicebericht SR-ct-weber-2026-11 – November 2026",
      expect.stringMatching(/^Rechnung RE-\S+ – November 2026$/),
    ]);
    expect(smtp.mails.map((mail) => mail.envelopeTo)).toEqual([["rechnungen@weber-logistik.de"], ["rechnungen@weber-logistik.de"]]);

    const [invoice, ...others] = await database.db.select({ number: schema.invoices.number, document: schema.invoices.document }).from(schema.invoices);
    expect(others).toEqual([]);
    const document = invoice?.document as {
      readonly issueDate: string;
      readonly lines: readonly { kind: string; quantity: string; unitPrice: MoneyJson; netAmount: MoneyJson }[];
      readonly totals: { lineNetTotal: MoneyJson; taxTotal: MoneyJson; grandTotal: MoneyJson };
      readonly paymentTerms: { dueDate: string };
    };
    expect(document.lines.map((line) => [line.kind, line.quantity, cents(line.unitPrice), cents(line.netAmount)])).toEqual([
      ["monthly-contingent", "1", "950.00 EUR", "950.00 EUR"],
      ["correction", "6", "95.00 EUR", "570.00 EUR"],
    ]);
    // T5: 19 % of 1,520.00 = 288.80. Issued on 1 December in Berlin (UTC still says 30 November), due net 30.
    expect([cents(document.totals.lineNetTotal), cents(document.totals.taxTotal), cents(document.totals.grandTotal)]).toEqual(["1520.00 EUR", "288.80 EUR", "1808.80 EUR"]);
    expect(document.issueDate).toBe("2026-12-01");
    expect(document.paymentTerms.dueDate).toBe("2026-12-31");
    const pdf = smtp.mails[1]?.parsed.attachments[0]?.content;
    if (pdf === undefined) throw new Error("invoice mail without PDF");
    const text = await readPdfText(new Uint8Array(pdf));
    expect(text).toContain(invoice?.number ?? "?");
    expect(text).toContain("1.808,80");
    expect(text).toContain("SR-ct-weber-2026-11");

    // The report's own event now finds its mail sent; a redelivered invoice event finds its invoice.
    await handle(database, context, await eventOf(database, SERVICE_REPORT_READY_TOPIC));
    await handle(database, context, await eventOf(database, INVOICE_DUE_TOPIC));
    expect(smtp.mails).toHaveLength(2);
    expect(await database.db.select({ id: schema.invoices.id }).from(schema.invoices)).toHaveLength(1);
    expect(await database.db.select({ id: schema.serviceReports.id }).from(schema.serviceReports)).toEqual([{ id: "SR-ct-weber-2026-11" }]);
  });

  it("C4: the overbooked month reaches the account manager the contract names, once", async () => {
    const flag = await eventOf(database, "contingent.account-manager-flag");
    expect(flag.payload).toMatchObject({ event: { flag: "overbooked", balanceMinutes: -360 } });
    await handle(database, context, flag);
    await handle(database, context, flag);
    const notices = smtp.mails.filter((mail) => mail.parsed.subject?.startsWith("Überbucht:") === true);
    expect(notices.map((mail) => [mail.envelopeTo, mail.parsed.subject])).toEqual([
      [["kundenbetreuung@meinsystemhaus.de"], "Überbucht: Kontingent ct-weber (Weber Logistik GmbH) – November 2026"],
    ]);
    expect(notices[0]?.parsed.text).toContain("Saldo −6 Std. (monatlich 10 Std.)");
  });
});
