import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@kontor/db/testing";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import type { MoneyBody as Money } from "../invoices/payment-test-support.js";
import { finalizedDirectDebitInvoice, MUELLER_IBAN, prepareCollections } from "./direct-debit-test-support.js";

interface Batch {
  readonly id: string;
  readonly messageId: string;
  readonly status: string;
  readonly numberOfTransactions: number;
  readonly controlSum: Money;
  readonly firstCollectionDate: string;
  readonly lastCollectionDate: string;
  readonly collections: readonly { invoiceId: string; number: string; amount: Money; collectionDate: string; status: string; paymentId: string | null }[];
}
interface Skipped {
  readonly invoiceId: string;
  readonly code: string;
  readonly message: string;
}

let api: TestApi;
beforeAll(async () => {
  // Wednesday 2026-11-25: the earliest collection date of a file handed in today is Thursday 11-26 (TARGET2).
  api = await createTestApi({ now: new Date("2026-11-25T09:00:00Z") });
  await prepareCollections(api, "MUE-RENT-01");
}, 60_000);
afterAll(() => api.close());

const at = (instant: string): void => {
  api.clock.set(new Date(instant));
};
const post = (url: string, payload: unknown = {}, token: keyof TestTokens = "backOffice") => api.request({ method: "POST", url, payload: payload as never, token: api.tokens[token] });
const get = (url: string, token: keyof TestTokens = "backOffice") => api.request({ method: "GET", url, token: api.tokens[token] });

describe(`SEPA direct debit files on ${testDatabaseKind()} (C8, T7)`, () => {
  let batch: Batch;
  let december2: { id: string; number: string };
  let december16: { id: string; number: string };
  let passed: { id: string; number: string };

  it("T7: collects the invoices pre-notified for 2026-12-02 and 12-16 (2 × 351.86 = 703.72) and leaves out the one pre-notified for today", async () => {
    december2 = await finalizedDirectDebitInvoice(api, "MUELLER-DD-1202", "MUE-RENT-01", "2026-12-02");
    december16 = await finalizedDirectDebitInvoice(api, "MUELLER-DD-1216", "MUE-RENT-01", "2026-12-16");
    passed = await finalizedDirectDebitInvoice(api, "MUELLER-DD-1125", "MUE-RENT-01", "2026-11-25");

    const preview = await get("/v1/direct-debit-batches/preview");
    expect(preview.statusCode, preview.body).toBe(200);
    const planned = preview.json<{ earliestCollectionDate: string; collections: { invoiceId: string }[]; controlSum: Money; skipped: Skipped[] }>();
    expect(planned.earliestCollectionDate).toBe("2026-11-26");
    expect(planned.collections.map((item) => item.invoiceId)).toEqual([december2.id, december16.id]);
    expect(planned.controlSum).toEqual({ amount: "703.72", currency: "EUR" });
    expect(planned.skipped).toEqual([expect.objectContaining({ invoiceId: passed.id, code: "DIRECT_DEBIT_COLLECTION_DATE_PASSED" })]);

    const created = await post("/v1/direct-debit-batches");
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json<{ batch: Batch; skipped: Skipped[] }>();
    batch = body.batch;
    expect(created.headers.location).toBe(`/v1/direct-debit-batches/${batch.id}`);
    expect(batch).toMatchObject({ status: "pending", numberOfTransactions: 2, controlSum: { amount: "703.72", currency: "EUR" }, firstCollectionDate: "2026-12-02", lastCollectionDate: "2026-12-16" });
    expect(batch.collections.map((item) => [item.number, item.amount.amount, item.collectionDate, item.status])).toEqual([
      [december2.number, "351.86", "2026-12-02", "pending"],
      [december16.number, "351.86", "2026-12-16", "pending"],
    ]);
    expect(body.skipped.map((item) => item.invoiceId)).toEqual([passed.id]);
  });

  it("the pain.008.001.08 file carries both collections in one block per date, the mandate, the debtor's IBAN and the name in the SEPA character set", async () => {
    const file = await get(`/v1/direct-debit-batches/${batch.id}/file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers["content-type"]).toMatch(/^application\/xml/);
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="${batch.messageId}.xml"`);
    const xml = file.body;
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"');
    expect(xml).toContain(`<MsgId>${batch.messageId}</MsgId>`);
    expect(xml.match(/<NbOfTxs>(\d+)<\/NbOfTxs>/g)).toEqual(["<NbOfTxs>2</NbOfTxs>", "<NbOfTxs>1</NbOfTxs>", "<NbOfTxs>1</NbOfTxs>"]);
    expect(xml.match(/<CtrlSum>[\d.]+<\/CtrlSum>/g)).toEqual(["<CtrlSum>703.72</CtrlSum>", "<CtrlSum>351.86</CtrlSum>", "<CtrlSum>351.86</CtrlSum>"]);
    expect(xml.match(/<ReqdColltnDt>[\d-]+<\/ReqdColltnDt>/g)).toEqual(["<ReqdColltnDt>2026-12-02</ReqdColltnDt>", "<ReqdColltnDt>2026-12-16</ReqdColltnDt>"]);
    expect(xml).toContain("<MndtId>MUE-RENT-01</MndtId>");
    expect(xml).toContain("<DtOfSgntr>2026-11-02</DtOfSgntr>");
    expect(xml).toContain(`<IBAN>${MUELLER_IBAN}</IBAN>`);
    expect(xml).toContain("<Nm>Mueller GmbH</Nm>");
    expect(xml).toContain(`<EndToEndId>${december2.number}</EndToEndId>`);
  });

  it("an invoice in a pending file is not collected twice: a second file finds nothing (422)", async () => {
    const again = await post("/v1/direct-debit-batches");
    expectProblem(again, 422);
    expect(again.body).toContain("DIRECT_DEBIT_NOTHING_TO_COLLECT");
  });

  it("books the 12-02 collection as a sepa-direct-debit payment received 12-02 once that day has come; 12-16 stays pending", async () => {
    expectProblem(await post(`/v1/direct-debit-batches/${batch.id}/booking`), 409);

    at("2026-12-03T08:00:00Z");
    const booking = await post(`/v1/direct-debit-batches/${batch.id}/booking`);
    expect(booking.statusCode, booking.body).toBe(200);
    const booked = booking.json<{ batch: Batch; booked: { invoiceId: string; paymentId: string; receivedOn: string }[]; notYetDue: { invoiceId: string }[]; refused: unknown[] }>();
    expect(booked.booked).toEqual([expect.objectContaining({ invoiceId: december2.id, receivedOn: "2026-12-02" })]);
    expect(booked.notYetDue.map((item) => item.invoiceId)).toEqual([december16.id]);
    expect(booked.refused).toEqual([]);
    expect(booked.batch.status).toBe("partially-booked");

    const payments = await get(`/v1/invoices/${december2.id}/payments`);
    expect(payments.json<{ balance: { status: string; settledOn: string } }>().balance).toMatchObject({ status: "paid", settledOn: "2026-12-02" });
    expect(payments.json<{ payments: { method: string; reference: string }[] }>().payments).toEqual([
      expect.objectContaining({ method: "sepa-direct-debit", reference: `${batch.messageId} ${december2.number}` }),
    ]);

    // A file with a booked collection was collected: it is not cancelled.
    const cancel = await post(`/v1/direct-debit-batches/${batch.id}/cancellation`, { reason: "zu spät" });
    expectProblem(cancel, 409);
    expect(cancel.body).toContain("DIRECT_DEBIT_BATCH_BOOKED");
  });

  it("a cancelled file releases its invoices for the next file and books nothing", async () => {
    const december30 = await finalizedDirectDebitInvoice(api, "MUELLER-DD-1230", "MUE-RENT-01", "2026-12-30");
    const created = await post("/v1/direct-debit-batches", { collectUntil: "2026-12-31" });
    expect(created.statusCode, created.body).toBe(201);
    const second = created.json<{ batch: Batch }>().batch;
    expect(second.collections.map((item) => item.invoiceId)).toEqual([december30.id]);

    const cancelled = await post(`/v1/direct-debit-batches/${second.id}/cancellation`, { reason: "Bank hat die Datei abgelehnt" });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<Batch>()).toMatchObject({ status: "cancelled", collections: [expect.objectContaining({ status: "released" })] });
    expectProblem(await post(`/v1/direct-debit-batches/${second.id}/booking`), 409);

    const preview = await get("/v1/direct-debit-batches/preview");
    expect(preview.json<{ collections: { invoiceId: string }[] }>().collections.map((item) => item.invoiceId)).toEqual([december30.id]);

    const list = await get("/v1/direct-debit-batches");
    expect(list.json<{ items: { id: string; cancellationReason: string | null }[] }>().items.map((item) => [item.id, item.cancellationReason])).toEqual([
      [second.id, "Bank hat die Datei abgelehnt"],
      [batch.id, null],
    ]);
  });

  it("staff only: a portal manager gets 404, a technician 403", async () => {
    expectProblem(await get("/v1/direct-debit-batches", "muellerManager"), 404);
    expectProblem(await get(`/v1/direct-debit-batches/${batch.id}/file`, "technician"), 403);
    expectProblem(await post("/v1/direct-debit-batches", {}, "technician"), 403);
  });
});
