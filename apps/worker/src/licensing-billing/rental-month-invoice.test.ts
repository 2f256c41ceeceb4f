import { MUELLER } from "@kontor/api/testing";
import { insertOrganization, insertRentalSubscription, schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import { bookAddOn, changeRentalQuantity, placeRentalOrder, provisionRental, type LicensingResult, type RentalSubscription, type RentalTransition } from "@kontor/licensing";
import { Money, type MoneyJson } from "@kontor/money";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfText } from "../billing/pdf-text.js";
import { RENTAL_INVOICE_DUE_TOPIC } from "../licensing/rental-invoice-due-event.js";
import { rentalMonthBillingJob } from "../licensing/rental-month-billing-job.js";
import { deliverDueOutboxEvents, outboxRouting, redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { licensingBillingOutboxHandlers } from "./licensing-billing-outbox-handlers.js";
import { M365_RENTAL_CATALOG } from "../licensing/testing/m365-rental-catalog.js";

const CATALOG = M365_RENTAL_CATALOG;

/** 05:15 on 2026-04-01 in Berlin (CEST): March has ended and is billed. */
const NOW = new Date("2026-04-01T03:15:00Z");

interface StoredInvoice {
  readonly issueDate: string;
  readonly supplyPeriod: { readonly start: string; readonly end: string };
  readonly contractReference: string;
  readonly paymentTerms: { readonly dueDate: string };
  readonly totals: { readonly lineNetTotal: MoneyJson; readonly taxTotal: MoneyJson; readonly grandTotal: MoneyJson };
  readonly lines: readonly { readonly kind: string; readonly description: string; readonly quantity: string; readonly unitCode: string; readonly unitPrice: MoneyJson; readonly netAmount: MoneyJson }[];
}

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

function valueOf(result: LicensingResult<RentalTransition>): RentalSubscription {
  if (!result.ok) throw new Error(result.errors.map((error) => error.code).join(", "));
  return result.value.subscription;
}

function cents(json: MoneyJson): string {
  return Money.fromJSON(json).toFixed();
}

async function rentalEvents(): Promise<OutboxRow[]> {
  return database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, RENTAL_INVOICE_DUE_TOPIC)).orderBy(asc(schema.outbox.id));
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
  // M5: 18 users from 2026-03-02, 40 from 2026-03-10, 25 from 2026-03-20; 5 Teams Phone add-ons from 2026-03-12.
  let rental = valueOf(
    placeRentalOrder(
      { subscriptionId: "R-growing", customerId: MUELLER.id, zone: MUELLER.zone, productId: "m365-business-standard", quantity: 18, consents: { termsAndLicenseConditions: true, vendorAccountCreation: true } },
      { asOf: "2026-03-02T10:00:00+01:00", catalog: CATALOG },
    ),
  );
  rental = valueOf(provisionRental(rental, { asOf: "2026-03-03T10:00:00+01:00" }));
  rental = valueOf(changeRentalQuantity(rental, { newTotal: 40 }, { asOf: "2026-03-10T10:00:00+01:00" }));
  rental = valueOf(bookAddOn(rental, { addOnId: "teams-phone", quantity: 5 }, { asOf: "2026-03-12T10:00:00+01:00", catalog: CATALOG }));
  rental = valueOf(changeRentalQuantity(rental, { newTotal: 25 }, { asOf: "2026-03-20T10:00:00+01:00" }));
  await insertRentalSubscription(
    database.db,
    { id: rental.subscriptionId, organizationId: MUELLER.id, productId: rental.productId, status: rental.status, record: JSON.parse(JSON.stringify(rental)) as unknown },
    new Date(rental.orderedAt),
  );
  await rentalMonthBillingJob.run(testWorkerContext(database, smtp, { now: NOW }), NOW);
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing billing: rental month invoice (M5)", () => {
  it("M5: March is invoiced at its highest quantities, 40 × 11.70 = 468.00 and 5 × 7.50 = 37.50: net 505.50, T5 VAT 96.05, gross 601.55, due 2026-05-04 (T1: 1 May is a holiday)", async () => {
    expect((await rentalEvents()).map((event) => event.dedupeKey)).toEqual(["rental-charge:R-growing:2026-03"]);
    const context = testWorkerContext(database, smtp, { now: NOW });
    expect((await deliverDueOutboxEvents(context, outboxRouting(licensingBillingOutboxHandlers))).failed).toBe(0);

    const invoices = await database.db.select().from(schema.invoices);
    expect(invoices.map((invoice) => [invoice.sourceKey, invoice.number, invoice.status, invoice.organizationId])).toEqual([
      ["rental-charge:R-growing:2026-03", "RE-2026-000001", "finalized", MUELLER.id],
    ]);
    const document = invoices[0]?.document as StoredInvoice;
    expect(document.lines.map((line) => [line.kind, line.description, line.quantity, line.unitCode, cents(line.unitPrice), cents(line.netAmount)])).toEqual([
      ["rental-month", "Microsoft 365 Business Standard", "40", "IE", "11.70", "468.00"],
      ["rental-month", "Teams Phone Standard", "5", "C62", "7.50", "37.50"],
    ]);
    // T5: 19 % of 505.50 = 96.045, rounded half-up to 96.05.
    expect([cents(document.totals.lineNetTotal), cents(document.totals.taxTotal), cents(document.totals.grandTotal)]).toEqual(["505.50", "96.05", "601.55"]);
    expect([document.issueDate, document.supplyPeriod, document.contractReference]).toEqual(["2026-04-01", { start: "2026-03-01", end: "2026-03-31" }, "R-growing"]);
    // T1: net 30 from 2026-04-01 is Friday 2026-05-01, a public holiday in NRW: due the next business day.
    expect(document.paymentTerms.dueDate).toBe("2026-05-04");

    await smtp.waitFor(1);
    const [mail] = smtp.mails;
    expect([mail?.parsed.subject, mail?.envelopeTo]).toEqual(["Rechnung RE-2026-000001 – Mietlizenzen März 2026", [MUELLER.serviceReportRecipient]]);
    const attachment = mail?.parsed.attachments[0];
    if (attachment === undefined) throw new Error("invoice PDF missing");
    const text = await readPdfText(new Uint8Array(attachment.content));
    for (const expected of ["RE-2026-000001", "Microsoft 365 Business Standard", "468,00", "601,55"]) expect(text).toContain(expected);
  });

  it("M5: a redelivered event and a second job run create no second invoice or mail", async () => {
    const context = testWorkerContext(database, smtp, { now: new Date("2026-04-02T03:15:00Z") });
    await rentalMonthBillingJob.run(context, new Date("2026-04-02T03:15:00Z"));
    const handler = licensingBillingOutboxHandlers.find((candidate) => candidate.topics.includes(RENTAL_INVOICE_DUE_TOPIC));
    if (handler === undefined) throw new Error("no rental handler");
    for (const event of await rentalEvents()) await redeliverOutboxEvent(context, handler, event);
    await deliverDueOutboxEvents(context, outboxRouting(licensingBillingOutboxHandlers));
    expect(await rentalEvents()).toHaveLength(1);
    expect((await database.db.select({ number: schema.invoices.number }).from(schema.invoices)).map((row) => row.number)).toEqual(["RE-2026-000001"]);
    expect(smtp.mails).toHaveLength(1);
  });
});
