import { Money } from "@kontor/money";
import { describe, expect, it } from "vitest";
import { loadDejaVuFonts } from "./fonts/index.js";
import {
  composeCreditNote,
  composeDeliveryNote,
  composeInvoice,
  directDebitCollectionOf,
  documentNumbersIn,
  finalizeInvoice,
  INVOICE_NUMBER_SERIES,
  latePaymentClaim,
  matchBankTransaction,
  nextDocumentNumber,
  payableInvoiceOf,
  readBankStatementFile,
  recordPayment,
  renderDeliveryNotePdf,
  renderInvoicePdf,
  reversePayment,
  reviseInvoice,
  writeCiiInvoice,
  writeSepaDirectDebitFile,
  type InvoiceCredit,
  type RecordedPayment,
} from "./index.js";

// The examples of README.md, statement for statement; console output becomes expectations.
describe("README examples", () => {
  it("compose, number and finalize; write XML; render PDFs; credit note and delivery note; payments and T6 claim", () => {
    const draft = composeInvoice({
      issueDate: "2026-01-15",
      seller: {
        name: "Kontor Systemhaus GmbH",
        address: { lines: ["Am Hellweg 12"], postcode: "48231", city: "Warendorf", countryCode: "DE" },
        vatId: "DE136695976",
        taxNumber: "304/5678/9012",
        contact: { name: "Sabrina Bruns", phone: "+49 2581 94142183", email: "rechnung@kontor.example" },
        electronicAddress: { scheme: "EM", value: "rechnung@kontor.example" },
      },
      buyer: {
        name: "Müller & Söhne GmbH",
        address: { lines: ["Lindenstraße 5"], postcode: "59065", city: "Hamm", countryCode: "DE" },
        vatId: "DE811907980",
        electronicAddress: { scheme: "EM", value: "rechnungseingang@mueller-soehne.example" },
      },
      buyerReference: "04011000-12345-34",
      supplyPeriod: { start: "2026-01-01", end: "2026-01-14" },
      paymentTerms: { netDays: 30 },
      paymentMeans: { kind: "sepa-credit-transfer", iban: "DE02120300000000202051", bic: "BYLADEM1001" },
      lines: [
        {
          kind: "license-purchase",
          description: "Jira Software Data Center, 500 Nutzer",
          deployment: "data-center",
          quantity: "12",
          unitPrice: { amount: "9.99", currency: "EUR" },
          vat: { category: "S", rate: "19" },
        },
        {
          kind: "time-and-material",
          description: "Einrichtung und Konfiguration",
          quantity: "1.5",
          unitPrice: { amount: "95.00", currency: "EUR" },
          vat: { category: "S", rate: "19" },
        },
        {
          kind: "pay-per-use",
          description: "E-Book IT-Sicherheit",
          service: "E-Book-Abo",
          metric: "Exemplare",
          month: "2026-01",
          quantity: "3",
          unitPrice: { amount: "12.345", currency: "EUR" },
          vat: { category: "S", rate: "7" },
        },
      ],
    });
    if (!draft.ok) throw new Error(draft.errors.map((e) => `${e.code} ${e.path.join(".")}`).join(", "));

    expect(
      draft.value.totals.vatBreakdown.map((e) => `${e.rate} %: ${e.taxableAmount.toFixed()} → ${e.taxAmount.toFixed()}`),
    ).toEqual(["19 %: 262.38 → 49.85", "7 %: 37.04 → 2.59"]);
    expect(draft.value.totals.grandTotal.toFixed()).toBe("351.86");
    expect(draft.value.paymentTerms.dueDate).toBe("2026-02-16");

    const number = nextDocumentNumber(INVOICE_NUMBER_SERIES, { year: 2026, lastIssued: "RE-2026-000122" });
    if (!number.ok) throw new Error("no number");
    const invoice = finalizeInvoice(draft.value, { number: number.value, series: INVOICE_NUMBER_SERIES });
    if (!invoice.ok) throw new Error("not finalized");
    expect(invoice.value.number).toBe("RE-2026-000123");
    expect(Object.isFrozen(invoice.value)).toBe(true);

    const xml = writeCiiInvoice(invoice.value);
    expect(xml.includes("<ram:ID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</ram:ID>")).toBe(true);
    expect(xml.includes("<ram:Name>Müller &amp; Söhne GmbH</ram:Name>")).toBe(true);

    const pdf: Uint8Array = renderInvoicePdf(invoice.value, { fonts: loadDejaVuFonts() });
    const english = renderInvoicePdf(invoice.value, { fonts: loadDejaVuFonts(), language: "en" });
    expect(new TextDecoder("latin1").decode(pdf.subarray(0, 8))).toBe("%PDF-1.7");
    expect(english.length > 0).toBe(true);

    const refused = reviseInvoice(invoice.value, { buyerReference: "other" });
    expect(refused.ok ? "changed" : refused.errors[0]?.code).toBe("INVOICE_FINALIZED");

    const credit = composeCreditNote(invoice.value, {
      issueDate: "2026-01-20",
      reason: "Zwei Lizenzen zu viel berechnet.",
      lines: [{ lineId: "1", quantity: "2" }],
    });
    if (!credit.ok) throw new Error("no credit note");
    expect(credit.value.precedingInvoice).toEqual({ number: "RE-2026-000123", issueDate: "2026-01-15" });
    expect(credit.value.totals.grandTotal.toFixed()).toBe("23.78");

    const tooMuch = composeCreditNote(
      invoice.value,
      { issueDate: "2026-01-21", reason: "Weitere Lizenzen", lines: [{ lineId: "1", quantity: "11" }] },
      { earlierCreditNotes: [credit.value] },
    );
    expect(tooMuch.ok ? "composed" : `${tooMuch.errors[0]?.code} at ${tooMuch.errors[0]?.path.join(".")}`).toBe("CREDIT_EXCEEDS_INVOICE at lines.0.quantity");

    const deliveryNote = composeDeliveryNote({
      number: "LS-2026-000017",
      issueDate: "2026-01-15",
      seller: draft.value.seller,
      customer: draft.value.buyer,
      invoiceNumber: "RE-2026-000123",
      licenses: [
        { product: "Jira Software Data Center", quantity: "500", deployment: "data-center", licenseKey: "AAABkw0ODAoPeNp9kVFv" },
        { product: "Confluence Cloud Standard", quantity: "100", deployment: "cloud" },
      ],
    });
    if (!deliveryNote.ok) throw new Error("no delivery note");
    const deliveryPdf = renderDeliveryNotePdf(deliveryNote.value, { fonts: loadDejaVuFonts() });
    expect(deliveryPdf.length > 0).toBe(true);

    // Payments and late-payment claims (T6)
    const payable = payableInvoiceOf(invoice.value);
    if (!payable.ok) throw new Error("not payable");
    expect([payable.value.amountDue.toFixed(), payable.value.dueDate]).toEqual(["351.86", "2026-02-16"]);

    const credits: InvoiceCredit[] = [{ number: "RK-2026-000001", issueDate: "2026-01-20", amount: credit.value.totals.amountDue }];
    const payments: RecordedPayment[] = [];

    const first = recordPayment(
      payable.value,
      payments,
      credits,
      { amount: { amount: "200.00", currency: "EUR" }, receivedOn: "2026-03-03", method: "bank-transfer", reference: "RE-2026-000123" },
      { id: "pay-1", today: "2026-03-04" },
    );
    if (!first.ok) throw new Error("not recorded");
    payments.push(first.value.payment);
    expect([first.value.balance.status, first.value.balance.open.toFixed()]).toEqual(["partially-paid", "128.08"]);

    const overpaid = recordPayment(
      payable.value,
      payments,
      credits,
      { amount: { amount: "200.00", currency: "EUR" }, receivedOn: "2026-03-18", method: "paypal" },
      { id: "pay-2", today: "2026-03-18" },
    );
    expect(overpaid.ok ? "recorded" : overpaid.errors[0]?.code).toBe("PAYMENT_EXCEEDS_OPEN_AMOUNT");
    expect(overpaid.ok ? "" : overpaid.errors[0]?.message).toContain("128.08 EUR");

    const rest = recordPayment(
      payable.value,
      payments,
      credits,
      { amount: { amount: "128.08", currency: "EUR" }, receivedOn: "2026-03-18", method: "bank-transfer" },
      { id: "pay-2", today: "2026-03-18" },
    );
    if (!rest.ok) throw new Error("not recorded");
    payments.push(rest.value.payment);
    expect([rest.value.balance.status, rest.value.balance.settledOn]).toEqual(["paid", "2026-03-18"]);

    const claim = latePaymentClaim(payable.value, payments, credits, "2026-03-31");
    if (!claim.ok || claim.value === null) throw new Error("no claim");
    expect(claim.value.segments.map((s) => `${s.from}..${s.until} on ${s.principal.toFixed()}: ${s.interest.interest.toFixed()}`)).toEqual([
      "2026-02-17..2026-03-03 on 328.08: 1.38",
      "2026-03-04..2026-03-18 on 128.08: 0.54",
    ]);
    expect([claim.value.interest.toFixed(), claim.value.flatFee?.toFixed()]).toEqual(["1.92", "40.00"]);

    const returned = reversePayment(payable.value, payments, credits, "pay-1", { reason: "returned", reversedOn: "2026-03-20", note: "MD06" }, { today: "2026-03-20" });
    if (!returned.ok) throw new Error("not reversed");
    const afterReturn = payments.map((payment) => (payment.id === "pay-1" ? returned.value.payment : payment));
    expect([returned.value.balance.status, returned.value.balance.open.toFixed()]).toEqual(["partially-paid", "200.00"]);

    const reclaimed = latePaymentClaim(payable.value, afterReturn, credits, "2026-03-31");
    if (!reclaimed.ok || reclaimed.value === null) throw new Error("no claim");
    expect(reclaimed.value.segments.map((s) => `${s.from}..${s.until} on ${s.principal.toFixed()}: ${s.interest.interest.toFixed()}`)).toEqual([
      "2026-02-17..2026-03-18 on 328.08: 2.77",
      "2026-03-19..2026-03-31 on 200.00: 0.73",
    ]);
  });
  it("SEPA direct debit files (pain.008, C8, T7)", () => {
    const rental = {
      number: "RE-2026-000501",
      issueDate: "2026-11-17",
      dueDate: "2026-12-02",
      paymentMeans: { kind: "sepa-direct-debit", mandateReference: "MANDAT-10042", creditorId: "DE98ZZZ09999999999", debtorIban: "DE89370400440532013000" },
    } as const;
    const mandate = { reference: "MANDAT-10042", signedOn: "2025-03-14", status: "active", debtorName: "Müller GmbH & Co. KG" } as const;

    const collection = directDebitCollectionOf(rental, Money.of("1190.00", "EUR"), mandate, { earliestCollectionDate: "2026-11-23" });
    if (!collection.ok) throw new Error(collection.errors.map((e) => e.code).join(", "));
    expect(collection.value.debtor.name).toBe("Mueller GmbH + Co. KG");
    expect([collection.value.remittance, collection.value.sequenceType]).toEqual(["Rechnung RE-2026-000501 vom 17.11.2026", "RCUR"]);

    const tooLate = directDebitCollectionOf(rental, Money.of("1190.00", "EUR"), mandate, { earliestCollectionDate: "2026-12-03" });
    expect(tooLate.ok ? "collected" : tooLate.errors[0]?.code).toBe("DIRECT_DEBIT_COLLECTION_DATE_PASSED");

    const file = writeSepaDirectDebitFile({
      messageId: "LS-2026-11-20-001",
      createdAt: "2026-11-20T10:30:00+01:00",
      initiatingParty: "Kontor Systemhaus GmbH",
      creditor: { name: "Kontor Systemhaus GmbH", iban: "DE02120300000000202051", bic: "BYLADEM1001" },
      collections: [
        { ...collection.value, endToEndId: "RE-2026-000517", amount: { amount: "2499.00", currency: "EUR" }, collectionDate: "2026-12-16" },
        collection.value,
        { ...collection.value, endToEndId: "RE-2026-000502", amount: { amount: "595.00", currency: "EUR" } },
      ],
    });
    if (!file.ok) throw new Error(file.errors.map((e) => `${e.code} ${e.path.join(".")}`).join(", "));
    expect([file.value.numberOfTransactions, file.value.controlSum.toFixed()]).toEqual([3, "4284.00"]);
    expect(file.value.paymentInformation.map((p) => `${p.id} ${p.collectionDate} ${String(p.numberOfTransactions)} ${p.controlSum.toFixed()}`)).toEqual([
      "LS-2026-11-20-001-1 2026-12-02 2 1785.00",
      "LS-2026-11-20-001-2 2026-12-16 1 2499.00",
    ]);
    expect(file.value.xml.includes("<Nm>Mueller GmbH + Co. KG</Nm>")).toBe(true);
    expect(file.value.xml.includes("<CreDtTm>2026-11-20T09:30:00Z</CreDtTm>")).toBe(true);
  });

  it("bank statements (camt.053 / camt.054) and payment matching (T6, C8)", () => {
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
  <GrpHdr><MsgId>STMT-2026-12-08-0001</MsgId><CreDtTm>2026-12-08T22:15:03+01:00</CreDtTm></GrpHdr>
  <Stmt><Id>0202051-2026-234</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
    <Ntry><Amt Ccy="EUR">357.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
      <BookgDt><Dt>2026-12-09</Dt></BookgDt><ValDt><Dt>2026-12-08</Dt></ValDt><AcctSvcrRef>2026120800018</AcctSvcrRef>
      <NtryDtls><TxDtls><RmtInf><Ustrd>Rechnung RE 2026 000003 und RE2026000004</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
  </Stmt></BkToCstmrStmt></Document>`;

    const file = readBankStatementFile(xml);
    if (!file.ok) throw new Error(file.errors.map((e) => `${e.code} ${e.message}`).join(", "));
    const entry = file.value.statements[0]?.entries[0];
    const transaction = entry?.transactions[0];
    if (entry === undefined || transaction === undefined) throw new Error("The statement has no entry");
    expect([file.value.messageType, transaction.amount.toFixed(), transaction.bankReference]).toEqual(["camt.053.001.08", "357.00", "2026120800018"]);

    expect(documentNumbersIn(INVOICE_NUMBER_SERIES, transaction.remittanceText)).toEqual(["RE-2026-000003", "RE-2026-000004"]);

    const match = matchBankTransaction(entry, transaction, {
      invoiceSeries: INVOICE_NUMBER_SERIES,
      invoices: new Map([
        ["RE-2026-000003", { invoiceId: "inv-3", number: "RE-2026-000003", open: Money.of("119.00", "EUR") }],
        ["RE-2026-000004", { invoiceId: "inv-4", number: "RE-2026-000004", open: Money.of("238.00", "EUR") }],
      ]),
      collections: new Map(),
      pendingCollections: new Map(),
    });
    expect(match.kind).toBe("payment");
    if (match.kind === "payment") {
      expect([match.receivedOn, match.allocations.map((a) => `${a.number} ${a.amount.toFixed()}`)]).toEqual([
        "2026-12-08",
        ["RE-2026-000003 119.00", "RE-2026-000004 238.00"],
      ]);
    }
  });
});
