import { describe, expect, it } from "vitest";
import { unwrap, writeSepaDirectDebitFile, type InvoicingErrorCode, type Result } from "../index.js";
import { childOrder, readPain008 } from "../test-support/pain008-reader.js";
import { collection, CREDITOR_ID, CREDITOR_IBAN, fileInput, OTHER_CREDITOR_ID, threeInvoices } from "./test-support.js";

function failed<T>(result: Result<T>): [InvoicingErrorCode, string][] {
  return result.ok ? [] : result.errors.map((error) => [error.code, error.path.join(".")]);
}

describe("writeSepaDirectDebitFile (pain.008.001.08, C8)", () => {
  it("three invoices: NbOfTxs 3, CtrlSum 4284.00, one PmtInf per collection date by ascending date (1785.00 and 2499.00)", () => {
    const file = unwrap(writeSepaDirectDebitFile(fileInput()));
    expect(file.messageId).toBe("LS-2026-11-20-001");
    expect(file.numberOfTransactions).toBe(3);
    expect(file.controlSum.toFixed()).toBe("4284.00");
    expect(file.paymentInformation.map((block) => [block.id, block.collectionDate, block.sequenceType, block.creditorId, block.numberOfTransactions, block.controlSum.toFixed()])).toEqual([
      ["LS-2026-11-20-001-1", "2026-12-02", "RCUR", CREDITOR_ID, 2, "1785.00"],
      ["LS-2026-11-20-001-2", "2026-12-16", "RCUR", CREDITOR_ID, 1, "2499.00"],
    ]);

    const read = readPain008(file.xml);
    expect(read.root).toBe("Document");
    expect(read.namespace).toBe("urn:iso:std:iso:20022:tech:xsd:pain.008.001.08");
    expect([read.messageId, read.numberOfTransactions, read.controlSum, read.initiatingParty]).toEqual(["LS-2026-11-20-001", "3", "4284.00", "Kontor Systemhaus GmbH"]);
    expect(read.paymentInformation.map((block) => [block.id, block.collectionDate, block.numberOfTransactions, block.controlSum])).toEqual([
      ["LS-2026-11-20-001-1", "2026-12-02", "2", "1785.00"],
      ["LS-2026-11-20-001-2", "2026-12-16", "1", "2499.00"],
    ]);
    // Inside a block in the order given.
    expect(read.paymentInformation.map((block) => block.transactions.map((transaction) => `${transaction.endToEndId ?? ""} ${transaction.amount ?? ""}`))).toEqual([
      ["RE-2026-000501 1190.00", "RE-2026-000502 595.00"],
      ["RE-2026-000517 2499.00"],
    ]);
  });

  it("writes the fixed SEPA Core codes, the creditor and every transaction's mandate, debtor and remittance", () => {
    const read = readPain008(unwrap(writeSepaDirectDebitFile(fileInput())).xml);
    const [first, second] = read.paymentInformation;
    expect(first).toMatchObject({
      method: "DD",
      serviceLevel: "SEPA",
      localInstrument: "CORE",
      sequenceType: "RCUR",
      creditorName: "Kontor Systemhaus GmbH",
      creditorIban: CREDITOR_IBAN,
      creditorAgent: { bic: "BYLADEM1001", other: undefined },
      chargeBearer: "SLEV",
      creditorId: CREDITOR_ID,
      creditorIdScheme: "SEPA",
    });
    expect(first?.transactions[0]).toEqual({
      endToEndId: "RE-2026-000501",
      amount: "1190.00",
      currency: "EUR",
      mandateId: "MANDAT-10042",
      mandateSignedOn: "2025-03-14",
      debtorAgent: { bic: undefined, other: "NOTPROVIDED" },
      debtorName: "Mueller + Soehne GmbH",
      debtorIban: "DE89370400440532013000",
      remittance: "Rechnung RE-2026-000501 vom 17.11.2026",
    });
    // With a BIC the agent is BICFI; names lose their umlauts.
    expect(second?.transactions[0]).toMatchObject({ debtorAgent: { bic: "INGDDEFFXXX", other: undefined }, debtorName: "Praxis Dr. Oezdemir" });
  });

  it("follows the element order of the pain.008.001.08 XSD", () => {
    const xml = unwrap(writeSepaDirectDebitFile(fileInput())).xml;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08">\n  <CstmrDrctDbtInitn>')).toBe(true);
    expect(childOrder(xml, "Document/CstmrDrctDbtInitn")).toEqual(["GrpHdr", "PmtInf", "PmtInf"]);
    expect(childOrder(xml, "Document/CstmrDrctDbtInitn/GrpHdr")).toEqual(["MsgId", "CreDtTm", "NbOfTxs", "CtrlSum", "InitgPty"]);
    expect(childOrder(xml, "Document/CstmrDrctDbtInitn/PmtInf")).toEqual([
      "PmtInfId", "PmtMtd", "NbOfTxs", "CtrlSum", "PmtTpInf", "ReqdColltnDt", "Cdtr", "CdtrAcct", "CdtrAgt", "ChrgBr", "CdtrSchmeId", "DrctDbtTxInf", "DrctDbtTxInf",
    ]);
    expect(childOrder(xml, "Document/CstmrDrctDbtInitn/PmtInf/PmtTpInf")).toEqual(["SvcLvl", "LclInstrm", "SeqTp"]);
    expect(childOrder(xml, "Document/CstmrDrctDbtInitn/PmtInf/CdtrSchmeId/Id/PrvtId/Othr")).toEqual(["Id", "SchmeNm"]);
    expect(childOrder(xml, "Document/CstmrDrctDbtInitn/PmtInf/DrctDbtTxInf")).toEqual(["PmtId", "InstdAmt", "DrctDbtTx", "DbtrAgt", "Dbtr", "DbtrAcct", "RmtInf"]);
    expect(childOrder(xml, "Document/CstmrDrctDbtInitn/PmtInf/DrctDbtTxInf/DrctDbtTx/MndtRltdInf")).toEqual(["MndtId", "DtOfSgntr"]);
  });

  it("CreDtTm is the UTC instant to the second, whatever offset and fraction the input has", () => {
    const read = readPain008(unwrap(writeSepaDirectDebitFile(fileInput())).xml);
    expect(read.createdAt).toBe("2026-11-20T09:30:00Z"); // from 2026-11-20T10:30:00.123+01:00
    const utc = readPain008(unwrap(writeSepaDirectDebitFile(fileInput(undefined, { createdAt: "2026-12-31T23:59:59Z" }))).xml);
    expect(utc.createdAt).toBe("2026-12-31T23:59:59Z");
    expect(failed(writeSepaDirectDebitFile(fileInput(undefined, { createdAt: "2026-11-20 10:30" })))).toEqual([["INVALID_INPUT", "createdAt"]]);
    expect(failed(writeSepaDirectDebitFile(fileInput(undefined, { createdAt: "2026-11-20T10:30:00" })))).toEqual([["INVALID_INPUT", "createdAt"]]);
  });

  it("converts names to the SEPA set (Müller GmbH & Co. KG → Mueller GmbH + Co. KG) and cuts a 200-character remittance to 140", () => {
    const remittance = `Rechnung RE-2026-000501 vom 17.11.2026 ${"Miete Server und Arbeitsplätze Dezember ".repeat(5)}`.slice(0, 200);
    expect(remittance).toHaveLength(200);
    const file = unwrap(
      writeSepaDirectDebitFile(
        fileInput([collection({ debtor: { name: "Müller GmbH & Co. KG", iban: "DE89 3704 0044 0532 0130 00" }, remittance })], {
          initiatingParty: "Kontor Systemhaus GmbH & Co. KG",
          creditor: { name: "Kontor Systemhaus GmbH & Co. KG", iban: CREDITOR_IBAN },
        }),
      ),
    );
    const read = readPain008(file.xml);
    const block = read.paymentInformation[0];
    const transaction = block?.transactions[0];
    expect(transaction?.debtorName).toBe("Mueller GmbH + Co. KG");
    expect(transaction?.debtorIban).toBe("DE89370400440532013000"); // electronic form
    expect(transaction?.remittance).toHaveLength(140);
    expect(transaction?.remittance).toBe(remittance.replaceAll("ä", "ae").slice(0, 140).trimEnd());
    expect(read.initiatingParty).toBe("Kontor Systemhaus GmbH + Co. KG");
    expect(block?.creditorName).toBe("Kontor Systemhaus GmbH + Co. KG");
    expect(block?.creditorAgent).toEqual({ bic: undefined, other: "NOTPROVIDED" });
    expect(file.xml).not.toContain("&amp;");
  });

  it("refuses an identifier with // at its path: identifiers are never converted", () => {
    expect(failed(writeSepaDirectDebitFile(fileInput([collection({ endToEndId: "RE//2026-000501" })])))).toEqual([["INVALID_INPUT", "collections.0.endToEndId"]]);
    expect(failed(writeSepaDirectDebitFile(fileInput(undefined, { messageId: "LS/2026//1" })))).toEqual([["INVALID_INPUT", "messageId"]]);
    const mandate = { reference: "MANDAT-MÜLLER", signedOn: "2025-03-14" };
    expect(failed(writeSepaDirectDebitFile(fileInput([collection(), collection({ endToEndId: "RE-2026-000502", mandate })])))).toEqual([
      ["INVALID_INPUT", "collections.1.mandate.reference"],
    ]);
  });

  it("refuses a bad IBAN at its path (check digits of one mistyped character)", () => {
    const collections = threeInvoices();
    collections[2] = collection({ endToEndId: "RE-2026-000502", debtor: { name: "Hofladen Bäumer", iban: "DE40700202700012345679" } });
    expect(failed(writeSepaDirectDebitFile(fileInput(collections)))).toEqual([["INVALID_INPUT", "collections.2.debtor.iban"]]);
    expect(failed(writeSepaDirectDebitFile(fileInput(undefined, { creditor: { name: "Kontor", iban: "DE02120300000000202052" } })))).toEqual([
      ["INVALID_INPUT", "creditor.iban"],
    ]);
    expect(failed(writeSepaDirectDebitFile(fileInput([collection({ debtor: { name: "Müller", iban: "DE89370400440532013000", bic: "bylademm" } })])))).toEqual([
      ["INVALID_INPUT", "collections.0.debtor.bic"],
    ]);
  });

  it("refuses a non-EUR amount with DIRECT_DEBIT_CURRENCY", () => {
    const usd = collection({ endToEndId: "RE-2026-000502", amount: { amount: "595.00", currency: "USD" } });
    const result = writeSepaDirectDebitFile(fileInput([collection(), usd]));
    expect(failed(result)).toEqual([["DIRECT_DEBIT_CURRENCY", "collections.1.amount.currency"]]);
    expect(result.ok ? "" : result.errors[0]?.message).toContain("USD");
  });

  it("refuses amounts outside 0.01 … 999999999.99 or with more than two decimals", () => {
    for (const amount of ["0.00", "0", "-1.00", "10.005", "1000000000.00"]) {
      expect(failed(writeSepaDirectDebitFile(fileInput([collection({ amount: { amount, currency: "EUR" } })]))), amount).toEqual([
        ["INVALID_INPUT", "collections.0.amount.amount"],
      ]);
    }
    const extremes = unwrap(
      writeSepaDirectDebitFile(
        fileInput([
          collection({ amount: { amount: "0.01", currency: "EUR" } }),
          collection({ endToEndId: "RE-2026-000502", amount: { amount: "999999999.99", currency: "EUR" } }),
          collection({ endToEndId: "RE-2026-000503", amount: { amount: "12.5", currency: "EUR" } }),
        ]),
      ),
    );
    expect(extremes.controlSum.toFixed()).toBe("1000000012.50");
    expect(readPain008(extremes.xml).paymentInformation[0]?.transactions.map((transaction) => transaction.amount)).toEqual(["0.01", "999999999.99", "12.50"]);
  });

  it("refuses a duplicate end-to-end ID within one file at the later collection", () => {
    const collections = [...threeInvoices(), collection({ collectionDate: "2026-12-16" })];
    const result = writeSepaDirectDebitFile(fileInput(collections));
    expect(failed(result)).toEqual([["DIRECT_DEBIT_DUPLICATE_END_TO_END_ID", "collections.3.endToEndId"]]);
    expect(result.ok ? "" : result.errors[0]?.message).toContain("collection 1");
    // The same invoice in a later file is no error here.
    expect(writeSepaDirectDebitFile(fileInput([collection()], { messageId: "LS-2026-12-20-001" })).ok).toBe(true);
  });

  it("one PmtInf per (date, sequence type, creditor ID); one date keeps the order its first collection was given", () => {
    const file = unwrap(
      writeSepaDirectDebitFile(
        fileInput([
          collection({ endToEndId: "RE-1", collectionDate: "2026-12-16" }),
          collection({ endToEndId: "RE-2", creditorId: OTHER_CREDITOR_ID }),
          collection({ endToEndId: "RE-3", sequenceType: "FRST" }),
          collection({ endToEndId: "RE-4" }),
          collection({ endToEndId: "RE-5", creditorId: OTHER_CREDITOR_ID }),
          collection({ endToEndId: "RE-6", collectionDate: "2026-12-01", sequenceType: "OOFF" }),
        ]),
      ),
    );
    const read = readPain008(file.xml);
    expect(read.paymentInformation.map((block) => [block.id, block.collectionDate, block.sequenceType, block.creditorId, block.transactions.map((transaction) => transaction.endToEndId)])).toEqual([
      ["LS-2026-11-20-001-1", "2026-12-01", "OOFF", CREDITOR_ID, ["RE-6"]],
      ["LS-2026-11-20-001-2", "2026-12-02", "RCUR", OTHER_CREDITOR_ID, ["RE-2", "RE-5"]],
      ["LS-2026-11-20-001-3", "2026-12-02", "FRST", CREDITOR_ID, ["RE-3"]],
      ["LS-2026-11-20-001-4", "2026-12-02", "RCUR", CREDITOR_ID, ["RE-4"]],
      ["LS-2026-11-20-001-5", "2026-12-16", "RCUR", CREDITOR_ID, ["RE-1"]],
    ]);
    expect(file.paymentInformation.map((block) => block.numberOfTransactions)).toEqual([1, 2, 1, 1, 1]);
  });

  it("refuses a message ID that leaves no room for the PmtInf IDs, no collections, and a mandate signed after the collection", () => {
    expect(unwrap(writeSepaDirectDebitFile(fileInput([collection()], { messageId: "M".repeat(33) }))).paymentInformation[0]?.id).toBe(`${"M".repeat(33)}-1`);
    expect(failed(writeSepaDirectDebitFile(fileInput(undefined, { messageId: "M".repeat(34) })))).toEqual([["INVALID_INPUT", "messageId"]]);
    expect(failed(writeSepaDirectDebitFile(fileInput([])))).toEqual([["INVALID_INPUT", "collections"]]);
    expect(failed(writeSepaDirectDebitFile(fileInput([collection({ mandate: { reference: "MANDAT-10042", signedOn: "2026-12-03" } })])))).toEqual([
      ["INVALID_INPUT", "collections.0.mandate.signedOn"],
    ]);
    expect(writeSepaDirectDebitFile(fileInput([collection({ mandate: { reference: "MANDAT-10042", signedOn: "2026-12-02" } })])).ok).toBe(true);
    expect(failed(writeSepaDirectDebitFile({ ...fileInput(), extra: true }))).toEqual([["INVALID_INPUT", ""]]);
  });

  it("returns a frozen result whose XML holds the debtors' IBANs (the caller stores it sealed)", () => {
    const file = unwrap(writeSepaDirectDebitFile(fileInput()));
    expect(Object.isFrozen(file)).toBe(true);
    expect(Object.isFrozen(file.paymentInformation)).toBe(true);
    expect(file.xml).toContain("<IBAN>DE89370400440532013000</IBAN>");
  });
});
