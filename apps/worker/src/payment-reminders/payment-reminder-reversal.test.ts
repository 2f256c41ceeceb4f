import { MUELLER } from "@kontor/api/testing";
import { insertOrganization, outboxEventsOf, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer, type CapturedMail } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { PAYMENT_REMINDER_TOPIC, paymentReminderOutboxHandlers, writeDuePaymentReminders } from "./index.js";
import { issueTestInvoice, payTestInvoice, reverseTestPayment, type TestInvoice } from "./testing/finalized-test-invoices.js";

/** An amount as `formatMoney` writes it in de-DE: `1.190,00 €` with a no-break space. */
const eur = (amount: string): string => `${amount}\u00a0€`;

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;
const routing = outboxRouting(paymentReminderOutboxHandlers);
/** 1,190.00 EUR issued 2026-09-15, due 2026-10-15: 400.00 by transfer on 2026-10-05, 790.00 by direct debit on 2026-10-14. */
let invoice: TestInvoice;
let debitId: string;

const run = (instant: string) => writeDuePaymentReminders(testWorkerContext(database, smtp, { now: new Date(instant) }), new Date(instant));
const deliver = (instant: string) => deliverDueOutboxEvents(testWorkerContext(database, smtp, { now: new Date(instant) }), routing);
const reminderKeys = async () => (await outboxEventsOf(database.db, "invoice", invoice.id)).filter((row) => row.topic === PAYMENT_REMINDER_TOPIC).map((row) => row.dedupeKey);
const mailsAbout = (subject: string): CapturedMail[] => smtp.mails.filter((mail) => mail.parsed.subject === `${subject}: Rechnung ${invoice.number}`);

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-09-01T08:00:00Z"));
  invoice = await issueTestInvoice(database, MUELLER, "returned-debit", "2026-09-15");
  await payTestInvoice(database, invoice, "400.00", "2026-10-05");
  debitId = await payTestInvoice(database, invoice, "790.00", "2026-10-14", "sepa-direct-debit");
  // The invoice.finalized event has no consumer here: out of the way.
  await deliver("2026-10-01T08:00:00Z");
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("payment reminders after a payment reversal", () => {
  it("paid in full before the due date: no reminder 7 days after it", async () => {
    expect(await run("2026-10-22T04:45:00Z")).toEqual({ today: "2026-10-22", overdueInvoices: 0, remindersDue: 0, remindersWritten: 0 });
    expect(await reminderKeys()).toEqual([]);
  });

  it("the direct debit returned: the invoice is reminded again, and the mail counts only the 400.00 that stand as paid", async () => {
    await reverseTestPayment(database, invoice, debitId, "2026-10-22");
    expect(await run("2026-10-22T10:00:00Z")).toEqual({ today: "2026-10-22", overdueInvoices: 1, remindersDue: 1, remindersWritten: 1 });
    expect(await reminderKeys()).toEqual([`payment-reminder:${invoice.id}:1`]);
    expect(await deliver("2026-10-22T11:00:00Z")).toEqual({ delivered: 1, failed: 0 });
    await smtp.waitFor(1);
    const [mail] = mailsAbout("Zahlungserinnerung");
    const text = mail?.parsed.text ?? "";
    for (const line of [
      `Rechnungsbetrag: ${eur("1.190,00")}`,
      `Bereits gezahlt: ${eur("400,00")}`,
      `Gutgeschrieben: ${eur("0,00")}`,
      `Offener Betrag: ${eur("790,00")}`,
      `Bitte überweisen Sie den offenen Betrag von ${eur("790,00")} unter Angabe der Rechnungsnummer ${invoice.number}`,
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain(`Bereits gezahlt: ${eur("1.190,00")}`);
  });

  it("the Mahnung's T6 claim runs from the day after the due date on the 790.00, as if the returned debit had never come", async () => {
    expect(await run("2026-11-13T23:00:00Z")).toMatchObject({ today: "2026-11-14", remindersWritten: 1 });
    expect(await deliver("2026-11-14T08:00:00Z")).toEqual({ delivered: 1, failed: 0 });
    await smtp.waitFor(2);
    const text = mailsAbout("Mahnung")[0]?.parsed.text ?? "";
    // 2026-10-16..2026-11-14: 30 days on 790.00 at 1.27 + 9 = 10.27 %: 790 × 0.1027 × 30 / 365 = 6.6685… → 6.67.
    expect(text).toContain(`- 16.10.2026 bis 14.11.2026: 30 Tage zu 10,27 % p. a. (Basiszinssatz 1,27 % + 9 Prozentpunkte) auf ${eur("790,00")} = ${eur("6,67")}`);
    expect(text).toContain(`Verzugszinsen gesamt: ${eur("6,67")}`);
    expect(text).toContain(`Bereits gezahlt: ${eur("400,00")}`);
    expect(text).toContain(`Offener Betrag: ${eur("790,00")}`);
  });
});
