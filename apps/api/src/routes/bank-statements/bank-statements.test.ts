import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { finalizedDirectDebitInvoice, MUELLER_IBAN, prepareCollections } from "../direct-debits/direct-debit-test-support.js";
import type { MoneyBody, PaymentsView } from "../invoices/payment-test-support.js";
import { camtXml, finalizedInvoiceOf, KONTOR_IBAN, SCHMIDT_IBAN, uploadOf, type CamtEntry } from "./bank-statement-test-support.js";

interface Transaction {
  readonly id: string;
  readonly position: number;
  readonly statementId: string;
  readonly accountIban: string;
  readonly bankReference: string | null;
  readonly direction: string;
  readonly amount: MoneyBody;
  readonly entryStatus: string;
  readonly bookingDate: string | null;
  readonly valueDate: string | null;
  readonly counterpartyName: string | null;
  readonly counterpartyIbanMasked: string | null;
  readonly remittance: string;
  readonly endToEndId: string | null;
  readonly returnReason: string | null;
  readonly outcome: string;
  readonly code: string | null;
  readonly message: string | null;
  readonly duplicateOf: string | null;
  readonly resolvedBy: string | null;
  readonly dismissalReason: string | null;
  readonly bookings: readonly { kind: string; invoiceId: string; paymentId: string; amount: MoneyBody }[];
}
interface Import {
  readonly id: string;
  readonly messageId: string;
  readonly messageType: string;
  readonly kind: string;
  readonly filename: string | null;
  readonly importedBy: string;
  readonly counts: Record<string, number>;
  readonly transactions: readonly Transaction[];
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-25T09:00:00Z") });
  await prepareCollections(api, "MUE-BANK-01");
}, 60_000);
afterAll(() => api.close());

const at = (instant: string): void => {
  api.clock.set(new Date(instant));
};
const post = (url: string, payload: unknown = {}, token: keyof TestTokens = "backOffice") => api.request({ method: "POST", url, payload: payload as never, token: api.tokens[token] });
const get = (url: string, token: keyof TestTokens = "backOffice") => api.request({ method: "GET", url, token: api.tokens[token] });
const payments = async (id: string): Promise<PaymentsView> => {
  const response = await get(`/v1/invoices/${id}/payments`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PaymentsView>();
};
const eur = (amount: string): MoneyBody => ({ amount, currency: "EUR" });
const MUELLER = { name: "Müller GmbH", iban: MUELLER_IBAN };
const SCHMIDT = { name: "Bäckerei Schmidt", iban: SCHMIDT_IBAN };
const KONTOR = { name: "Kontor Systemhaus GmbH", iban: KONTOR_IBAN };

/** A booked incoming SEPA transfer of `amount`, value date 2026-12-08 (T6: the day that counts), booked 2026-12-09. */
const transfer = (bankReference: string, amount: string, remittance: readonly string[], from = MUELLER): CamtEntry => ({
  amount,
  direction: "CRDT",
  bookingDate: "2026-12-09",
  valueDate: "2026-12-08",
  bankReference: `NTRY-${bankReference}`,
  code: ["RCDT", "ESCT"],
  transactions: [{ bankReference, endToEndId: "NOTPROVIDED", debtor: from, creditor: KONTOR, remittance }],
});

describe(`bank statement import on ${testDatabaseKind()} (T6, T7/C8, P3)`, () => {
  let a: { id: string; number: string };
  let b: { id: string; number: string };
  let c: { id: string; number: string };
  let spare: { id: string; number: string };
  let twice: { id: string; number: string };
  let returned: { id: string; number: string };
  let kept: { id: string; number: string };
  let statement: string;
  let imported: Import;
  const byPosition = (position: number): Transaction => {
    const found = imported.transactions.find((item) => item.position === position);
    if (found === undefined) throw new Error(`no transaction at ${position}`);
    return found;
  };

  it("T6/T7: a camt.053.001.08 books 1,487.50 on RE-2026-000001 (received on the value date 2026-12-08), 357.00 as 119.00 + 238.00, reverses the MD06 return of a collected direct debit, and keeps the rest for review or as not applicable", async () => {
    a = await finalizedInvoiceOf(api, "BANK-A", "1250.00");
    b = await finalizedInvoiceOf(api, "BANK-B", "100.00");
    c = await finalizedInvoiceOf(api, "BANK-C", "200.00");
    expect([a.number, b.number, c.number]).toEqual(["RE-2026-000001", "RE-2026-000002", "RE-2026-000003"]);
    spare = await finalizedInvoiceOf(api, "BANK-SPARE", "100.00");
    twice = await finalizedInvoiceOf(api, "BANK-TWICE", "100.00");
    // Two direct debits of 351.86 collected 2026-12-02 and booked on 12-03.
    returned = await finalizedDirectDebitInvoice(api, "BANK-DD-1", "MUE-BANK-01", "2026-12-02");
    kept = await finalizedDirectDebitInvoice(api, "BANK-DD-2", "MUE-BANK-01", "2026-12-02");
    const batch = await post("/v1/direct-debit-batches");
    expect(batch.statusCode, batch.body).toBe(201);
    at("2026-12-03T08:00:00Z");
    const booking = await post(`/v1/direct-debit-batches/${batch.json<{ batch: { id: string } }>().batch.id}/booking`);
    expect(booking.statusCode, booking.body).toBe(200);
    const collected = (await payments(returned.id)).payments[0];
    expect(collected).toMatchObject({ amount: eur("351.86"), receivedOn: "2026-12-02", method: "sepa-direct-debit", reversal: null });

    at("2026-12-10T08:00:00Z");
    statement = camtXml({
      kind: "camt.053",
      messageId: "STMT-20261209-0001",
      createdAt: "2026-12-09T06:00:00+01:00",
      statementId: "2026-12-09-0001",
      entries: [
        // (a) names RE-2026-000001 exactly.
        transfer("BANK-REF-A", "1487.50", [`${a.number} Müller GmbH`]),
        // (b) names two invoices the way payers write them.
        transfer("BANK-REF-B", "357.00", [`Rechnung ${b.number.replaceAll("-", " ")} und ${c.number.replaceAll("-", "")}`]),
        // (c) names nothing Kontor knows.
        transfer("BANK-REF-C", "50.00", ["Spende Sommerfest"], SCHMIDT),
        // (d) the reseller's own payment to its phone company.
        {
          amount: "89.90",
          direction: "DBIT",
          bookingDate: "2026-12-09",
          valueDate: "2026-12-09",
          bankReference: "NTRY-BANK-REF-D",
          code: ["ICDT", "ESCT"],
          transactions: [{ bankReference: "BANK-REF-D", endToEndId: "TEL-4711", creditor: { name: "Telekom Deutschland GmbH", iban: "DE75512108001245126199" }, debtor: KONTOR, remittance: ["Kundennummer 4711 Rechnung 12/2026"] }],
        },
        // (e) Müller's bank returned the first collection: MD06 (refund on the payer's request).
        {
          amount: "351.86",
          direction: "DBIT",
          bookingDate: "2026-12-09",
          valueDate: "2026-12-09",
          bankReference: "NTRY-BANK-REF-E",
          code: ["IDDT", "UPDD"],
          transactions: [{ bankReference: "BANK-REF-E", endToEndId: returned.number, mandateReference: "MUE-BANK-01", debtor: MUELLER, creditor: KONTOR, returnReason: "MD06" }],
        },
        // (f) not booked yet: nothing happens (the booked entry follows in the next statement).
        { ...transfer("BANK-REF-F", "119.00", ["Abschlag Wartung"]), status: "PDNG" },
      ],
    });
    const response = await post("/v1/bank-statements", uploadOf(statement, "camt053_20261209.xml"));
    expect(response.statusCode, response.body).toBe(201);
    imported = response.json<Import>();
    expect(response.headers.location).toBe(`/v1/bank-statements/${imported.id}`);
    expect(imported).toMatchObject({ messageId: "STMT-20261209-0001", messageType: "camt.053.001.08", kind: "statement", filename: "camt053_20261209.xml", importedBy: api.users.backOffice });
    expect(imported.counts).toEqual({ booked: 2, returned: 1, review: 1, notApplicable: 2, duplicate: 0, assigned: 0, dismissed: 0 });
    expect(imported.transactions.map((item) => [item.position, item.direction, item.amount.amount, item.outcome, item.code])).toEqual([
      [0, "credit", "1487.50", "booked", null],
      [1, "credit", "357.00", "booked", null],
      [2, "credit", "50.00", "review", "BANK_MATCH_NO_INVOICE"],
      [3, "debit", "89.90", "not-applicable", "BANK_ENTRY_OUTGOING"],
      [4, "debit", "351.86", "returned", null],
      [5, "credit", "119.00", "not-applicable", "BANK_ENTRY_NOT_BOOKED"],
    ]);

    // (a): paid in full, received on the value date (T6).
    const paidA = byPosition(0);
    expect(paidA).toMatchObject({
      statementId: "2026-12-09-0001",
      accountIban: KONTOR_IBAN,
      bankReference: "BANK-REF-A",
      bookingDate: "2026-12-09",
      valueDate: "2026-12-08",
      counterpartyName: "Müller GmbH",
      counterpartyIbanMasked: "DE02 **** **** **** **20 51",
      remittance: "RE-2026-000001 Müller GmbH",
    });
    const viewA = await payments(a.id);
    expect(viewA.balance).toMatchObject({ status: "paid", paid: eur("1487.50"), open: eur("0.00"), settledOn: "2026-12-08" });
    expect(viewA.payments).toEqual([expect.objectContaining({ amount: eur("1487.50"), receivedOn: "2026-12-08", method: "bank-transfer", reference: "RE-2026-000001 Müller GmbH" })]);
    expect(paidA.bookings).toEqual([{ kind: "payment", invoiceId: a.id, paymentId: viewA.payments[0]?.id, amount: eur("1487.50") }]);

    // (b): 357.00 = 119.00 + 238.00, one payment each.
    expect(byPosition(1).bookings.map((item) => [item.kind, item.invoiceId, item.amount.amount]).sort((x, y) => Number(x[2]) - Number(y[2]))).toEqual([
      ["payment", b.id, "119.00"],
      ["payment", c.id, "238.00"],
    ]);
    expect((await payments(b.id)).balance).toMatchObject({ status: "paid", paid: eur("119.00") });
    expect((await payments(c.id)).balance).toMatchObject({ status: "paid", paid: eur("238.00") });

    // (c) waits for a person; (d) is none of Kontor's receivables.
    expect(byPosition(2)).toMatchObject({ counterpartyName: "Bäckerei Schmidt", counterpartyIbanMasked: "DE12 **** **** **** **98 90", remittance: "Spende Sommerfest", bookings: [] });
    expect(byPosition(3)).toMatchObject({ counterpartyName: "Telekom Deutschland GmbH", bookings: [] });

    // (e): the collection's payment is reversed on the booking date; 351.86 are open again (T7).
    const viewReturned = await payments(returned.id);
    expect(viewReturned.balance).toMatchObject({ status: "unpaid", paid: eur("0.00"), open: eur("351.86") });
    expect(viewReturned.payments).toEqual([{ ...collected, reversal: { reversedOn: "2026-12-09", reason: "returned", note: "MD06 Rücklastschrift BANK-REF-E" } }]);
    expect(byPosition(4)).toMatchObject({ endToEndId: returned.number, returnReason: "MD06", counterpartyName: "Müller GmbH" });
    expect(byPosition(4).bookings).toEqual([{ kind: "reversal", invoiceId: returned.id, paymentId: collected?.id, amount: eur("351.86") }]);
    expect((await payments(kept.id)).balance).toMatchObject({ status: "paid" });

    // (f) is no booking yet.
    expect(byPosition(5)).toMatchObject({ entryStatus: "pending", bankReference: "BANK-REF-F", bookings: [] });

    // One event for the file, besides the payments' own.
    const events = await outboxEventsOf(api.database.db, "bank-statement-import", imported.id);
    expect(events.map((event) => [event.topic, event.payload])).toEqual([
      [
        "bank-statement.imported",
        expect.objectContaining({ importId: imported.id, messageId: "STMT-20261209-0001", transactionCount: 6, counts: imported.counts }),
      ],
    ]);
    expect((await outboxEventsOf(api.database.db, "invoice", returned.id)).map((event) => event.topic)).toContain("invoice.payment-reversed");
  });

  it("shows the import as stored, lists it, and hands out the file as uploaded (application/xml)", async () => {
    const one = await get(`/v1/bank-statements/${imported.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual(imported);

    const list = await get("/v1/bank-statements");
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: { id: string; transactionCount: number }[] }>().items).toEqual([expect.objectContaining({ id: imported.id, transactionCount: 6 })]);

    const file = await get(`/v1/bank-statements/${imported.id}/file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers["content-type"]).toMatch(/^application\/xml/);
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="camt053_20261209.xml"; filename*=UTF-8''camt053_20261209.xml`);
    expect(file.body).toBe(statement);

    expectProblem(await get("/v1/bank-statements/no-such-import"), 404);
    expectProblem(await get("/v1/bank-statements/no-such-import/file"), 404);
  });

  it("the same file again is 409 BANK_STATEMENT_ALREADY_IMPORTED and books nothing", async () => {
    const again = expectProblem(await post("/v1/bank-statements", uploadOf(statement, "nochmal.xml")), 409);
    expect(again.code).toBe("BANK_STATEMENT_ALREADY_IMPORTED");
    expect((await payments(a.id)).payments).toHaveLength(1);
  });

  it("a camt.054 notification naming (a)'s bank booking stores it as a duplicate and pays RE-2026-000001 no second time", async () => {
    const notification = camtXml({
      kind: "camt.054",
      messageId: "NTFC-20261208-0042",
      createdAt: "2026-12-08T14:00:00+01:00",
      statementId: "NTFC-0042",
      entries: [transfer("BANK-REF-A", "1487.50", [`${a.number} Müller GmbH`])],
    });
    const response = await post("/v1/bank-statements", uploadOf(notification));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Import>();
    expect(body).toMatchObject({ messageType: "camt.054.001.08", kind: "notification", filename: null });
    expect(body.transactions).toEqual([expect.objectContaining({ outcome: "duplicate", code: "BANK_DUPLICATE_BOOKING", duplicateOf: byPosition(0).id, bookings: [] })]);
    expect((await payments(a.id)).payments).toHaveLength(1);
  });

  it("a bank booking reported twice in one file is acted on once: the second is a duplicate of the first", async () => {
    const file = camtXml({
      kind: "camt.054",
      messageId: "NTFC-DOUBLE-1",
      createdAt: "2026-12-09T16:00:00+01:00",
      statementId: "NTFC-DOUBLE-1",
      entries: [transfer("BANK-REF-DOUBLE", "75.00", ["Kaution Leihgerät"], SCHMIDT), transfer("BANK-REF-DOUBLE", "75.00", ["Kaution Leihgerät"], SCHMIDT)],
    });
    const response = await post("/v1/bank-statements", uploadOf(file));
    expect(response.statusCode, response.body).toBe(201);
    const [first, second] = response.json<Import>().transactions;
    expect([first?.outcome, first?.code]).toEqual(["review", "BANK_MATCH_NO_INVOICE"]);
    expect(second).toMatchObject({ outcome: "duplicate", code: "BANK_DUPLICATE_BOOKING", duplicateOf: first?.id });
  });

  it("two overlapping files imported at the same time act on a bank booking once: the second is a duplicate, or 409 BANK_STATEMENT_IMPORT_CONFLICT when it raced the first", async () => {
    const raced = await finalizedInvoiceOf(api, "BANK-RACE", "100.00");
    at("2026-12-10T08:00:00Z");
    const file = (messageId: string) =>
      camtXml({ kind: "camt.054", messageId, createdAt: "2026-12-09T15:00:00+01:00", statementId: messageId, entries: [transfer("BANK-REF-RACE", "119.00", [raced.number])] });
    const responses = await Promise.all([post("/v1/bank-statements", uploadOf(file("NTFC-RACE-1"))), post("/v1/bank-statements", uploadOf(file("NTFC-RACE-2")))]);
    const statuses = responses.map((response) => response.statusCode).sort();
    expect([[201, 201], [201, 409]], JSON.stringify(responses.map((response) => response.body))).toContainEqual(statuses);
    for (const response of responses) {
      if (response.statusCode === 409) expect(expectProblem(response, 409).code).toBe("BANK_STATEMENT_IMPORT_CONFLICT");
    }
    const outcomes = responses.filter((response) => response.statusCode === 201).map((response) => response.json<Import>().transactions[0]?.outcome);
    expect(outcomes.filter((outcome) => outcome === "booked")).toEqual(["booked"]);
    expect((await payments(raced.id)).payments).toEqual([expect.objectContaining({ amount: eur("119.00"), receivedOn: "2026-12-08" })]);
  });

  it("a transfer is booked all or nothing: when the rules refuse one of its allocations (paid before RE-…'s issue date), none is recorded and it waits for review with the rule's code", async () => {
    const early = await finalizedInvoiceOf(api, "BANK-EARLY", "100.00");
    const late = await finalizedInvoiceOf(api, "BANK-LATE", "200.00", "2026-12-09");
    at("2026-12-10T08:00:00Z");
    const file = camtXml({
      kind: "camt.054",
      messageId: "NTFC-SPLIT-1",
      createdAt: "2026-12-09T15:00:00+01:00",
      statementId: "NTFC-SPLIT-1",
      entries: [transfer("BANK-REF-SPLIT", "357.00", [`${early.number} ${late.number}`])],
    });
    const response = await post("/v1/bank-statements", uploadOf(file));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Import>().transactions).toEqual([expect.objectContaining({ outcome: "review", code: "PAYMENT_BEFORE_INVOICE", bookings: [] })]);
    expect((await payments(early.id)).payments).toEqual([]);
    expect((await payments(late.id)).payments).toEqual([]);
  });

  it("the open amounts move between transactions of one file: two transfers of 119.00 for the same invoice pay it once, the second waits for review; a return smaller than its collection waits as well; the booked entry of a pending one is no duplicate", async () => {
    const file = camtXml({
      kind: "camt.053",
      messageId: "STMT-20261210-0001",
      createdAt: "2026-12-10T06:00:00+01:00",
      statementId: "2026-12-10-0001",
      entries: [
        transfer("BANK-REF-G", "119.00", [twice.number]),
        transfer("BANK-REF-H", "119.00", [`${twice.number} nochmal`]),
        {
          amount: "300.00",
          direction: "DBIT",
          bookingDate: "2026-12-09",
          valueDate: "2026-12-09",
          bankReference: "NTRY-BANK-REF-I",
          code: ["IDDT", "UPDD"],
          transactions: [{ bankReference: "BANK-REF-I", endToEndId: kept.number, mandateReference: "MUE-BANK-01", debtor: MUELLER, creditor: KONTOR, returnReason: "AM04" }],
        },
        transfer("BANK-REF-F", "119.00", ["Abschlag Wartung"]),
      ],
    });
    const response = await post("/v1/bank-statements", uploadOf(file));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Import>();
    expect(body.transactions.map((item) => [item.outcome, item.code])).toEqual([
      ["booked", null],
      ["review", "BANK_MATCH_ALREADY_PAID"],
      ["review", "BANK_MATCH_RETURN_AMOUNT"],
      ["review", "BANK_MATCH_NO_INVOICE"],
    ]);
    expect(body.transactions[3]).toMatchObject({ bankReference: "BANK-REF-F", entryStatus: "booked", duplicateOf: null });
    expect((await payments(twice.id)).balance).toMatchObject({ status: "paid", paid: eur("119.00") });
    expect((await payments(kept.id)).balance).toMatchObject({ status: "paid", paid: eur("351.86") });

    // Only incoming money is assigned to invoices.
    const debit = body.transactions[2];
    const refused = expectProblem(await post(`/v1/bank-statement-transactions/${debit?.id ?? ""}/assignment`, { allocations: [{ invoiceId: kept.id, amount: eur("300.00") }] }), 409);
    expect(refused.code).toBe("BANK_TRANSACTION_NOT_CREDIT");

    // The review of the second 119.00 is dismissed: refunded to the payer.
    const second = body.transactions[1]?.id ?? "";
    const dismissed = await post(`/v1/bank-statement-transactions/${second}/dismissal`, { reason: "Doppelt überwiesen, am 2026-12-11 zurücküberwiesen" });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json<Transaction>()).toMatchObject({ outcome: "dismissed", resolvedBy: api.users.backOffice, dismissalReason: "Doppelt überwiesen, am 2026-12-11 zurücküberwiesen", code: "BANK_MATCH_ALREADY_PAID" });
    const again = expectProblem(await post(`/v1/bank-statement-transactions/${second}/dismissal`, { reason: "nochmal" }), 409);
    expect(again.code).toBe("BANK_TRANSACTION_NOT_IN_REVIEW");
    expect((await get(`/v1/bank-statements/${body.id}`)).json<Import>().counts).toMatchObject({ booked: 1, review: 2, dismissed: 1 });
  });

  it("the review queue lists (c); its 50.00 are assigned to an invoice only when the allocations add up exactly (P3) and the invoice takes the payment", async () => {
    const queue = await get("/v1/bank-statement-transactions?outcome=review");
    expect(queue.statusCode, queue.body).toBe(200);
    const inReview = queue.json<{ items: Transaction[] }>().items;
    expect(inReview.every((item) => item.outcome === "review")).toBe(true);
    const review = byPosition(2);
    expect(inReview.map((item) => item.id)).toContain(review.id);
    const url = `/v1/bank-statement-transactions/${review.id}/assignment`;

    const short = expectProblem(await post(url, { allocations: [{ invoiceId: spare.id, amount: eur("40.00") }] }), 422, "body.allocations");
    expect(short.code).toBe("BANK_ASSIGNMENT_SUM");
    const split = expectProblem(await post(url, { allocations: [{ invoiceId: spare.id, amount: eur("25.00") }, { invoiceId: a.id, amount: eur("25.00") }] }), 422);
    // RE-2026-000001 is paid: the rules refuse a payment on it, and nothing of the assignment is recorded.
    expect(split.code).toBe("PAYMENT_EXCEEDS_OPEN_AMOUNT");
    expect(split.errors?.[0]?.path).toMatch(/^body\.allocations\.1/);
    expect((await payments(spare.id)).payments).toEqual([]);
    expectProblem(await post(url, { allocations: [{ invoiceId: "no-such-invoice", amount: eur("50.00") }] }), 404);

    const assigned = await post(url, { allocations: [{ invoiceId: spare.id, amount: eur("50.00") }] });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const body = assigned.json<Transaction>();
    expect(body).toMatchObject({ outcome: "assigned", resolvedBy: api.users.backOffice, code: "BANK_MATCH_NO_INVOICE" });
    const view = await payments(spare.id);
    expect(view.balance).toMatchObject({ status: "partially-paid", paid: eur("50.00"), open: eur("69.00") });
    expect(view.payments).toEqual([expect.objectContaining({ amount: eur("50.00"), receivedOn: "2026-12-08", method: "bank-transfer", reference: "Spende Sommerfest" })]);
    expect(body.bookings).toEqual([{ kind: "payment", invoiceId: spare.id, paymentId: view.payments[0]?.id, amount: eur("50.00") }]);

    const twiceAssigned = expectProblem(await post(url, { allocations: [{ invoiceId: spare.id, amount: eur("50.00") }] }), 409);
    expect(twiceAssigned.code).toBe("BANK_TRANSACTION_NOT_IN_REVIEW");
    const queueAfter = (await get("/v1/bank-statement-transactions?outcome=review")).json<{ items: Transaction[] }>().items;
    expect(queueAfter.map((item) => item.id)).not.toContain(review.id);
  });

  it("C8: the bank's camt.054 credit of a direct debit file books the collection as the invoice's direct debit payment on the value date, so that the file shows it booked and its return is found later", async () => {
    at("2026-11-25T09:00:00Z");
    const collected = await finalizedDirectDebitInvoice(api, "BANK-DD-3", "MUE-BANK-01", "2026-12-16");
    const created = await post("/v1/direct-debit-batches");
    expect(created.statusCode, created.body).toBe(201);
    const batchId = created.json<{ batch: { id: string } }>().batch.id;
    const collection = { bankReference: "BANK-REF-DD3", endToEndId: collected.number, mandateReference: "MUE-BANK-01", debtor: MUELLER, creditor: KONTOR };
    const credit = (messageId: string, amount: string, bankReference: string): string =>
      camtXml({
        kind: "camt.054",
        messageId,
        createdAt: "2026-12-16T18:00:00+01:00",
        statementId: `${messageId}-1`,
        entries: [{ amount, direction: "CRDT", bookingDate: "2026-12-16", valueDate: "2026-12-16", bankReference: `NTRY-${bankReference}`, code: ["RDDT", "ESDD"], transactions: [{ ...collection, bankReference }] }],
      });

    at("2026-12-17T08:00:00Z");
    // 351.85 is not what the file collects: a person looks at it, nothing is booked.
    const short = await post("/v1/bank-statements", uploadOf(credit("NTFCN-20261216-0001", "351.85", "BANK-REF-DD3-SHORT")));
    expect(short.statusCode, short.body).toBe(201);
    expect(short.json<Import>().transactions).toEqual([expect.objectContaining({ outcome: "review", code: "BANK_MATCH_COLLECTION_AMOUNT", bookings: [] })]);
    expect((await payments(collected.id)).payments).toEqual([]);

    const response = await post("/v1/bank-statements", uploadOf(credit("NTFCN-20261216-0002", "351.86", "BANK-REF-DD3")));
    expect(response.statusCode, response.body).toBe(201);
    const [booked] = response.json<Import>().transactions;
    expect(booked).toMatchObject({ outcome: "booked", code: null, endToEndId: collected.number, message: `Direct debit ${collected.number} collected on 2026-12-16: 351.86 EUR` });
    const view = await payments(collected.id);
    expect(view.payments).toEqual([expect.objectContaining({ amount: eur("351.86"), receivedOn: "2026-12-16", method: "sepa-direct-debit", reversal: null })]);
    expect(view.balance).toMatchObject({ status: "paid", paid: eur("351.86") });
    const paymentId = view.payments[0]?.id;
    expect(booked?.bookings).toEqual([{ kind: "payment", invoiceId: collected.id, paymentId, amount: eur("351.86") }]);

    // The file shows the collection booked by that payment: its own booking has nothing left to do.
    const batch = await get(`/v1/direct-debit-batches/${batchId}`);
    const inFile = batch.json<{ collections: { invoiceId: string; status: string; paymentId: string | null }[] }>().collections.find((item) => item.invoiceId === collected.id);
    expect(inFile).toMatchObject({ status: "booked", paymentId });

    // The camt.053 of the day reports the same booking: a duplicate. Müller's bank returns it later (MD06): reversed.
    const day = camtXml({
      kind: "camt.053",
      messageId: "STMT-20261218-0001",
      createdAt: "2026-12-18T06:00:00+01:00",
      statementId: "2026-12-18-0001",
      entries: [
        { amount: "351.86", direction: "CRDT", bookingDate: "2026-12-16", valueDate: "2026-12-16", bankReference: "NTRY-BANK-REF-DD3", code: ["RDDT", "ESDD"], transactions: [collection] },
        { amount: "354.86", direction: "DBIT", bookingDate: "2026-12-18", valueDate: "2026-12-18", bankReference: "NTRY-BANK-REF-DD3-R", code: ["RDDT", "UPDD"], transactions: [{ ...collection, bankReference: "BANK-REF-DD3-R", returnReason: "MD06" }] },
      ],
    });
    at("2026-12-18T08:00:00Z");
    const later = await post("/v1/bank-statements", uploadOf(day));
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json<Import>().transactions.map((item) => [item.outcome, item.code])).toEqual([
      ["duplicate", "BANK_DUPLICATE_BOOKING"],
      ["returned", null],
    ]);
    expect((await payments(collected.id)).balance).toMatchObject({ status: "unpaid", paid: eur("0.00") });
  });

  it("a file that cannot be read is 422 with every problem and its path in the file; bad base64 is 400", async () => {
    const count = async () => (await get("/v1/bank-statements?limit=200")).json<{ items: unknown[] }>().items.length;
    const before = await count();
    const malformed = expectProblem(await post("/v1/bank-statements", uploadOf("<Document><BkToCstmrStmt>")), 422);
    expect(malformed.code).toBe("BANK_STATEMENT_MALFORMED");

    const doctype = expectProblem(await post("/v1/bank-statements", uploadOf(`<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>${statement.replace(/^<\?xml[^>]*>/, "")}`)), 422);
    expect(doctype.code).toBe("BANK_STATEMENT_DOCTYPE");

    const pain = expectProblem(await post("/v1/bank-statements", uploadOf(statement.replace("camt.053.001.08", "pain.008.001.08"))), 422);
    expect(pain.code).toBe("BANK_STATEMENT_UNSUPPORTED");

    const comma = statement.replace("STMT-20261209-0001", "STMT-BROKEN").replace('<Amt Ccy="EUR">1487.50</Amt>', '<Amt Ccy="EUR">1487,50</Amt>');
    const invalid = expectProblem(await post("/v1/bank-statements", uploadOf(comma)), 422);
    expect(invalid.code).toBe("BANK_STATEMENT_INVALID");
    expect(invalid.errors?.map((error) => error.path)).toContain("body.contentBase64.statements.0.entries.0.amount");

    expectProblem(await post("/v1/bank-statements", { contentBase64: "not base64!" }), 400, "body.contentBase64");
    // Nothing of them is stored.
    expect(await count()).toBe(before);
  });

  it("staff only: a portal manager gets 404, a dispatcher and a technician 403", async () => {
    expectProblem(await get("/v1/bank-statements", "muellerManager"), 404);
    expectProblem(await get(`/v1/bank-statements/${imported.id}`, "baeckereiManager"), 404);
    expectProblem(await get("/v1/bank-statement-transactions?outcome=review", "dispatcher"), 403);
    expectProblem(await post("/v1/bank-statements", uploadOf(statement), "technician"), 403);
    expectProblem(await post(`/v1/bank-statement-transactions/${byPosition(2).id}/dismissal`, { reason: "x" }, "dispatcher"), 403);
    expect((await get("/v1/bank-statements", "admin")).statusCode).toBe(200);
  });
});
