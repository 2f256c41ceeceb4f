import { Writable } from "node:stream";
import { BAECKEREI, MUELLER } from "@kontor/api/testing";
import { findInvoice, findMailDelivery, insertOrganization, payableInvoiceOfRow, jobRunsOf, outboxEventsOf, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import { Money } from "@kontor/money";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobRunner } from "../jobs/job-runner.js";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { KONTOR_JOBS } from "../registry.js";
import { startCaptureSmtpServer, type CaptureSmtpServer, type CapturedMail } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import type { WorkerContext } from "../worker-context.js";
import { PAYMENT_REMINDER_TOPIC, paymentReminderJob, paymentReminderOutboxHandlers, writeDuePaymentReminders } from "./index.js";
import { creditInFull, issueTestInvoice, payTestInvoice, type TestInvoice } from "./testing/finalized-test-invoices.js";

const MUELLER_BILLING = "buchhaltung@mueller-gmbh.de";
const BAECKEREI_BILLING = "info@baeckerei-schmidt.de";
const QUEUE = "invoicing.payment-reminders";

/** An amount as `formatMoney` writes it in de-DE: `1.190,00 €` with a no-break space. */
const eur = (amount: string): string => `${amount}\u00a0€`;

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;
const logLines: { level: number; msg: string; invoiceId?: string }[] = [];
const routing = outboxRouting(paymentReminderOutboxHandlers);

// All issued 2026-09-15, net 30: due Thursday 2026-10-15. 10 hours × 100.00 + 19 % = 1,190.00 EUR.
let unpaid: TestInvoice;
/** 400.00 received 2026-10-20: 790.00 open. */
let partlyPaid: TestInvoice;
/** Paid in full the day before the due date. */
let paidOff: TestInvoice;
/** Credited in full by a finalized credit note of 2026-10-01. */
let creditedOff: TestInvoice;
/** Paid in full on 2026-10-22, after the job wrote its reminder, before the mail went out. */
let paidMeanwhile: TestInvoice;
/** Bäckerei Schmidt, 5 hours: 595.00 EUR. */
let baeckerei: TestInvoice;

function contextAt(instant: string): WorkerContext {
  const logger = pino(
    { level: "info" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(JSON.parse(chunk.toString()) as { level: number; msg: string; invoiceId?: string });
        done();
      },
    }),
  );
  return testWorkerContext(database, smtp, { now: new Date(instant), logger });
}

async function runAt(instant: string) {
  return paymentReminderJob.run(contextAt(instant), new Date(instant));
}

async function deliverAt(instant: string) {
  return deliverDueOutboxEvents(contextAt(instant), routing);
}

async function reminderEvents(invoice: TestInvoice): Promise<OutboxRow[]> {
  return (await outboxEventsOf(database.db, "invoice", invoice.id)).filter((row) => row.topic === PAYMENT_REMINDER_TOPIC);
}

async function reminderKeys(...invoices: TestInvoice[]): Promise<string[]> {
  const keys: string[] = [];
  for (const invoice of invoices) keys.push(...(await reminderEvents(invoice)).map((row) => row.dedupeKey));
  return keys;
}

function mailsAbout(invoice: TestInvoice): CapturedMail[] {
  return smtp.mails.filter((mail) => mail.parsed.subject?.endsWith(`Rechnung ${invoice.number}`) === true);
}

function textOf(mail: CapturedMail | undefined): string {
  return mail?.parsed.text ?? "";
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  const created = new Date("2026-09-01T08:00:00Z");
  await insertOrganization(database.db, MUELLER, created);
  await insertOrganization(database.db, BAECKEREI, created);
  unpaid = await issueTestInvoice(database, MUELLER, "unpaid", "2026-09-15");
  partlyPaid = await issueTestInvoice(database, MUELLER, "partly-paid", "2026-09-15");
  paidOff = await issueTestInvoice(database, MUELLER, "paid-off", "2026-09-15");
  creditedOff = await issueTestInvoice(database, MUELLER, "credited-off", "2026-09-15");
  paidMeanwhile = await issueTestInvoice(database, MUELLER, "paid-meanwhile", "2026-09-15");
  baeckerei = await issueTestInvoice(database, BAECKEREI, "baeckerei", "2026-09-15", "5");
  await payTestInvoice(database, partlyPaid, "400.00", "2026-10-20");
  await payTestInvoice(database, paidOff, "1190.00", "2026-10-14");
  await creditInFull(database, creditedOff, "2026-10-01");
  // The invoice.finalized events have no consumer here: out of the way before the tests count deliveries.
  await deliverAt("2026-10-01T08:00:00Z");
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("invoicing.payment-reminders (dunning: Zahlungserinnerung from 7, Mahnung with T6 from 30 days overdue)", () => {
  it("the seeded invoices are finalized invoices of 1,190.00 EUR issued 2026-09-15, due 2026-10-15 (net 30)", async () => {
    const row = await findInvoice(database.db, unpaid.id);
    expect(row === undefined ? undefined : payableInvoiceOfRow(row)).toEqual({
      number: unpaid.number,
      issueDate: "2026-09-15",
      dueDate: "2026-10-15",
      amountDue: Money.of("1190.00", "EUR"),
    });
  });

  it("6 days overdue (Berlin 2026-10-21, up to 23:59:59.999 CEST): no reminder", async () => {
    await runAt("2026-10-21T04:45:00Z");
    await runAt("2026-10-21T21:59:59.999Z");
    expect(await reminderKeys(unpaid, partlyPaid, paidOff, creditedOff, paidMeanwhile, baeckerei)).toEqual([]);
  });

  it("7 days overdue, at Berlin midnight, run through pg-boss: a Zahlungserinnerung for each open invoice; paid-off and credited-off get none", async () => {
    const context = contextAt("2026-10-21T22:00:00Z");
    const catalog = { scheduled: KONTOR_JOBS.scheduled.filter((job) => job.name === QUEUE), fanOut: [] };
    expect(catalog.scheduled).toEqual([paymentReminderJob]);
    const runner = await startJobRunner(context, { workerId: "payment-reminder-test", catalog, schedule: false, catchUpOnStart: false, pollingIntervalSeconds: 0.5 });
    try {
      await runner.trigger(QUEUE);
      await expect.poll(async () => (await jobRunsOf(database.db, QUEUE)).map((run) => run.outcome), { timeout: 30_000, interval: 200 }).toEqual(["completed"]);
    } finally {
      await runner.stop();
    }
    const [run] = await jobRunsOf(database.db, QUEUE);
    expect(run?.summary).toEqual({ today: "2026-10-22", overdueInvoices: 4, remindersDue: 4, remindersWritten: 4 });
    expect(await reminderKeys(unpaid, partlyPaid, paidMeanwhile, baeckerei)).toEqual([
      `payment-reminder:${unpaid.id}:1`,
      `payment-reminder:${partlyPaid.id}:1`,
      `payment-reminder:${paidMeanwhile.id}:1`,
      `payment-reminder:${baeckerei.id}:1`,
    ]);
    expect(await reminderKeys(paidOff, creditedOff)).toEqual([]);
    expect((await reminderEvents(partlyPaid))[0]?.payload).toEqual({
      invoiceId: partlyPaid.id,
      organizationId: MUELLER.id,
      invoiceNumber: partlyPaid.number,
      stage: 1,
      dueDate: "2026-10-15",
      dueOn: "2026-10-22",
      daysOverdue: 7,
      open: "790.00",
      currency: "EUR",
    });
  });

  it("the handler mails each Zahlungserinnerung to the billing recipient with the open amount; an invoice paid meanwhile gets none", async () => {
    await payTestInvoice(database, paidMeanwhile, "1190.00", "2026-10-22");
    expect(await deliverAt("2026-10-22T06:00:00Z")).toEqual({ delivered: 4, failed: 0 });
    const mails = await smtp.waitFor(3);
    expect(mails).toHaveLength(3);

    const [first] = mailsAbout(unpaid);
    expect(first?.envelopeTo).toEqual([MUELLER_BILLING]);
    expect(first?.parsed.subject).toBe(`Zahlungserinnerung: Rechnung ${unpaid.number}`);
    const text = textOf(first);
    for (const line of [
      `Unsere Rechnung ${unpaid.number} vom 15.09.2026 war am 15.10.2026 fällig`,
      "Stand 22.10.2026:",
      `Rechnungsnummer: ${unpaid.number}`,
      "Rechnungsdatum: 15.09.2026",
      "Fällig am: 15.10.2026",
      `Rechnungsbetrag: ${eur("1.190,00")}`,
      `Bereits gezahlt: ${eur("0,00")}`,
      `Gutgeschrieben: ${eur("0,00")}`,
      `Offener Betrag: ${eur("1.190,00")}`,
      `Bitte überweisen Sie den offenen Betrag von ${eur("1.190,00")} unter Angabe der Rechnungsnummer ${unpaid.number} als Verwendungszweck auf unser Konto:`,
      "Kontoinhaber: CSM MeinSystemhaus GmbH",
      "IBAN: DE02 1203 0000 0000 2020 51",
      "BIC: BYLADEM1001",
      "CSM MeinSystemhaus GmbH",
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain("Verzug");

    const partial = textOf(mailsAbout(partlyPaid)[0]);
    expect(partial).toContain(`Bereits gezahlt: ${eur("400,00")}`);
    expect(partial).toContain(`Offener Betrag: ${eur("790,00")}`);
    expect(partial).toContain(`Bitte überweisen Sie den offenen Betrag von ${eur("790,00")} unter Angabe der Rechnungsnummer ${partlyPaid.number}`);

    const [bakery] = mailsAbout(baeckerei);
    expect(bakery?.envelopeTo).toEqual([BAECKEREI_BILLING]);
    expect(textOf(bakery)).toContain(`Offener Betrag: ${eur("595,00")}`);

    // Paid between the run and the delivery: the event is done, nothing is mailed, and the log says why.
    expect(mailsAbout(paidMeanwhile)).toEqual([]);
    const [event] = await reminderEvents(paidMeanwhile);
    expect(event?.deliveredAt).not.toBeNull();
    expect(await findMailDelivery(database.db, `payment-reminder:${paidMeanwhile.id}:1`)).toBeUndefined();
    expect(logLines.filter((line) => line.invoiceId === paidMeanwhile.id).map((line) => [line.level, line.msg])).toEqual([
      [30, "invoice settled since the payment reminder fell due; not sent"],
    ]);
  });

  it("a second run the same day and a run the next day write nothing new, and nothing is mailed again", async () => {
    expect(await runAt("2026-10-22T10:00:00Z")).toEqual({ today: "2026-10-22", overdueInvoices: 3, remindersDue: 3, remindersWritten: 0 });
    expect(await runAt("2026-10-23T04:45:00Z")).toEqual({ today: "2026-10-23", overdueInvoices: 3, remindersDue: 3, remindersWritten: 0 });
    expect(await runAt("2026-11-13T22:59:59.999Z")).toMatchObject({ today: "2026-11-13", remindersWritten: 0 });
    expect(await deliverAt("2026-11-13T23:30:00Z")).toEqual({ delivered: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(3);
  });

  it("30 days overdue (Berlin 2026-11-14, CET), read in pages of one: a Mahnung with the T6 interest from 2026-10-16 and the 40.00 EUR flat fee; an invoice first seen 40 days overdue gets only the Mahnung", async () => {
    // Issued late into the books: due Monday 2026-10-05, first looked at when it is 40 days overdue.
    const late = await issueTestInvoice(database, MUELLER, "late", "2026-09-05");
    await deliverAt("2026-11-13T23:00:00Z");
    const now = new Date("2026-11-13T23:00:00Z");
    expect(await writeDuePaymentReminders(contextAt("2026-11-13T23:00:00Z"), now, 1)).toEqual({
      today: "2026-11-14",
      overdueInvoices: 4,
      remindersDue: 4,
      remindersWritten: 4,
    });
    expect(await reminderKeys(unpaid, partlyPaid, baeckerei, late)).toEqual([
      `payment-reminder:${unpaid.id}:1`,
      `payment-reminder:${unpaid.id}:2`,
      `payment-reminder:${partlyPaid.id}:1`,
      `payment-reminder:${partlyPaid.id}:2`,
      `payment-reminder:${baeckerei.id}:1`,
      `payment-reminder:${baeckerei.id}:2`,
      `payment-reminder:${late.id}:2`,
    ]);

    expect(await deliverAt("2026-11-14T08:00:00Z")).toEqual({ delivered: 4, failed: 0 });
    await smtp.waitFor(7);
    const [mahnung] = mailsAbout(unpaid).filter((mail) => mail.parsed.subject?.startsWith("Mahnung") === true);
    expect(mahnung?.envelopeTo).toEqual([MUELLER_BILLING]);
    expect(mahnung?.parsed.subject).toBe(`Mahnung: Rechnung ${unpaid.number}`);
    // 1,190.00 × (1.27 + 9) % × 30 / 365 = 10.0449… → 10.04 EUR for 2026-10-16 to 2026-11-14.
    const text = textOf(mahnung);
    for (const line of [
      "Stand 14.11.2026:",
      `Offener Betrag: ${eur("1.190,00")}`,
      "Seit dem 16.10.2026 befinden Sie sich mit der Zahlung in Verzug (§ 286 Abs. 2 Nr. 1 BGB). Bis zum 14.11.2026 stehen uns Verzugszinsen",
      `- 16.10.2026 bis 14.11.2026: 30 Tage zu 10,27 % p. a. (Basiszinssatz 1,27 % + 9 Prozentpunkte) auf ${eur("1.190,00")} = ${eur("10,04")}`,
      `Verzugszinsen gesamt: ${eur("10,04")}`,
      `Verzugspauschale (§ 288 Abs. 5 BGB): ${eur("40,00")}`,
      `Bitte überweisen Sie den offenen Betrag von ${eur("1.190,00")} unter Angabe der Rechnungsnummer ${unpaid.number}`,
    ]) {
      expect(text).toContain(line);
    }

    // 400.00 arrived on 2026-10-20: 5 days on 1,190.00 (1.6741… → 1.67), then 25 days on 790.00 (5.5570… → 5.56).
    const partial = textOf(mailsAbout(partlyPaid).find((mail) => mail.parsed.subject?.startsWith("Mahnung") === true));
    expect(partial).toContain(`- 16.10.2026 bis 20.10.2026: 5 Tage zu 10,27 % p. a. (Basiszinssatz 1,27 % + 9 Prozentpunkte) auf ${eur("1.190,00")} = ${eur("1,67")}`);
    expect(partial).toContain(`- 21.10.2026 bis 14.11.2026: 25 Tage zu 10,27 % p. a. (Basiszinssatz 1,27 % + 9 Prozentpunkte) auf ${eur("790,00")} = ${eur("5,56")}`);
    expect(partial).toContain(`Verzugszinsen gesamt: ${eur("7,23")}`);
    expect(partial).toContain(`Offener Betrag: ${eur("790,00")}`);

    // Only the Mahnung: 40 days from 2026-10-06, 1,190.00 × 10.27 % × 40 / 365 = 13.3932… → 13.39.
    const lateMails = mailsAbout(late);
    expect(lateMails.map((mail) => mail.parsed.subject)).toEqual([`Mahnung: Rechnung ${late.number}`]);
    expect(textOf(lateMails[0])).toContain(`Verzugszinsen gesamt: ${eur("13,39")}`);
  });

  it("after the Mahnung nothing more is sent, and paid-off and credited-off invoices never got a reminder", async () => {
    expect(await runAt("2026-12-20T05:45:00Z")).toEqual({ today: "2026-12-20", overdueInvoices: 4, remindersDue: 4, remindersWritten: 0 });
    expect(await deliverAt("2026-12-20T08:00:00Z")).toEqual({ delivered: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(7);
    expect(await reminderKeys(paidOff, creditedOff)).toEqual([]);
    expect(smtp.mails.filter((mail) => [paidOff, creditedOff, paidMeanwhile].some((invoice) => mail.parsed.subject?.includes(invoice.number) === true))).toEqual([]);
  });
});
