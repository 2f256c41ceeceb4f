import { describe, expect, it } from "vitest";
import { readBankStatementFile, unwrap, type InvoicingErrorCode, type Result } from "../index.js";
import { CAMT_053_V02, CAMT_053_V08, CAMT_054_V08, creditEntry, MAIN_ACCOUNT, SECOND_ACCOUNT, statementWith } from "./test-support.js";

function problems<T>(result: Result<T>): { code: InvoicingErrorCode; path: string; message: string }[] {
  return result.ok ? [] : result.errors.map((error) => ({ code: error.code, path: error.path.join("."), message: error.message }));
}

describe("readBankStatementFile: camt.053.001.08 of a German bank", () => {
  const file = unwrap(readBankStatementFile(CAMT_053_V08));
  const [main, second] = file.statements;
  const [transfer, batch, returned] = main?.entries ?? [];

  it("reads the header, two Stmt blocks (two accounts) and their entries in file order", () => {
    expect([file.kind, file.messageType, file.messageId, file.createdAt]).toEqual([
      "statement",
      "camt.053.001.08",
      "STMT-2026-12-08-0001",
      "2026-12-08T22:15:03.000+01:00",
    ]);
    expect(file.statements.map((statement) => [statement.id, statement.accountIban, statement.accountCurrency, statement.entries.length])).toEqual([
      ["0202051-2026-234", MAIN_ACCOUNT, "EUR", 3],
      ["7075030-2026-112", SECOND_ACCOUNT, null, 1],
    ]);
    expect(Object.isFrozen(file)).toBe(true);
  });

  it("T6: the transfer RE-2026-000002 of 1,487.50 EUR keeps value date 2026-12-08 apart from booking date 2026-12-09", () => {
    expect(transfer?.amount.toFixed()).toBe("1487.50");
    expect(transfer?.amount.currency).toBe("EUR");
    expect([transfer?.direction, transfer?.reversal, transfer?.status, transfer?.bookingDate, transfer?.valueDate]).toEqual([
      "credit",
      false,
      "booked",
      "2026-12-09",
      "2026-12-08",
    ]);
    expect(transfer?.accountServicerReference).toBe("2026120800017");
    expect(transfer?.bankTransactionCode).toEqual({ domain: "PMNT", family: "RCDT", subFamily: "ESCT" });
    const [transaction] = transfer?.transactions ?? [];
    expect({ ...transaction, amount: transaction?.amount.toFixed() }).toEqual({
      amount: "1487.50",
      bankReference: "2026120800017",
      endToEndId: null, // NOTPROVIDED
      mandateReference: null,
      debtor: { name: "Bäckerei Schmidt e.K.", iban: "DE89370400440532013000" },
      creditor: { name: "Kontor Systemhaus GmbH", iban: MAIN_ACCOUNT },
      remittanceText: "RE-2026-000002 Bäckerei Schmidt",
      creditorReference: null,
      returnReason: null,
      additionalInfo: "SEPA-GUTSCHRIFT", // the entry's AddtlNtryInf
    });
  });

  it("splits a batch credit of 357.00 into its two TxDtls: 119.00 (TxDtls/Amt) and 238.00 (AmtDtls/TxAmt)", () => {
    expect(batch?.amount.toFixed()).toBe("357.00");
    // BookgDt/DtTm: the date part as written.
    expect([batch?.bookingDate, batch?.valueDate]).toEqual(["2026-12-08", "2026-12-08"]);
    expect(batch?.transactions.map((transaction) => transaction.amount.toFixed())).toEqual(["119.00", "238.00"]);
    const [first, secondTx] = batch?.transactions ?? [];
    // Own reference, else the entry's with #<n> (the entry has two transactions).
    expect([first?.bankReference, secondTx?.bankReference]).toEqual(["2026120800018-A", "2026120800018#2"]);
    expect([first?.endToEndId, first?.creditorReference, first?.remittanceText]).toEqual(["RE-2026-000003", "RF18539007547034", ""]);
    // An IBAN with spaces is read in its electronic form.
    expect(first?.debtor).toEqual({ name: "Praxis Dr. Özdemir", iban: "DE44500105175407324931" });
    expect([secondTx?.remittanceText, secondTx?.additionalInfo, secondTx?.debtor.iban]).toEqual(["Rechnung re 2026 000004", "SAMMLER-GUTSCHRIFT", null]);
  });

  it("C8: reads the direct debit return (DBIT, MD06) with the bank's fee: 1,193.00 for a 1,190.00 collection", () => {
    expect([returned?.direction, returned?.amount.toFixed(), returned?.bookingDate, returned?.valueDate]).toEqual(["debit", "1193.00", "2026-12-08", "2026-12-07"]);
    expect(returned?.bankTransactionCode?.subFamily).toBe("UPDD");
    const [transaction] = returned?.transactions ?? [];
    expect(transaction?.amount.toFixed()).toBe("1193.00"); // AmtDtls/TxAmt, not InstdAmt
    expect([transaction?.endToEndId, transaction?.mandateReference, transaction?.returnReason]).toEqual(["RE-2026-000501", "MANDAT-10042", "MD06"]);
    expect(transaction?.debtor.name).toBe("Müller & Söhne GmbH");
    expect(transaction?.additionalInfo).toBe("RUECKLASTSCHRIFT");
  });

  it("decodes character references in texts (M&#252;ller, &#x2013;) as well as &amp;", () => {
    const encoded = CAMT_053_V08.replace("Müller &amp; Söhne GmbH", "M&#252;ller &amp; S&#xF6;hne GmbH").replace(
      "Rechnung RE-2026-000501 vom 17.11.2026",
      "Rechnung RE-2026-000501 &#x2013; vom 17.11.2026",
    );
    expect(encoded).not.toBe(CAMT_053_V08);
    const [, , again] = unwrap(readBankStatementFile(encoded)).statements[0]?.entries ?? [];
    const [transaction] = again?.transactions ?? [];
    expect(transaction?.debtor.name).toBe("Müller & Söhne GmbH");
    expect(transaction?.remittanceText).toBe("Rechnung RE-2026-000501 – vom 17.11.2026");
  });

  it("reads a pending entry without TxDtls as one transaction built from the entry", () => {
    const [pending] = second?.entries ?? [];
    expect([pending?.status, pending?.bookingDate, pending?.valueDate, pending?.bankTransactionCode]).toEqual(["pending", null, "2026-12-09", null]);
    expect(pending?.transactions.map((transaction) => [transaction.amount.toFixed(), transaction.bankReference, transaction.remittanceText, transaction.additionalInfo])).toEqual([
      ["50.00", "2026120800020", "", "VORMERKPOSTEN"],
    ]);
  });
});

describe("readBankStatementFile: older and other messages", () => {
  it("reads camt.053.001.02: ns2 prefixes, Sts as text, Dbtr/Nm without Pty, Ustrd in two lines joined with a space", () => {
    const file = unwrap(readBankStatementFile(CAMT_053_V02));
    expect([file.kind, file.messageType, file.messageId, file.statements[0]?.accountIban]).toEqual(["statement", "camt.053.001.02", "052026120700001", MAIN_ACCOUNT]);
    const entry = file.statements[0]?.entries[0];
    expect([entry?.status, entry?.reversal, entry?.amount.toFixed(), entry?.bankTransactionCode]).toEqual(["booked", false, "1487.50", null]);
    const transaction = entry?.transactions[0];
    // No TxDtls/Amt and one transaction: the entry's amount.
    expect(transaction?.amount.toFixed()).toBe("1487.50");
    expect(transaction?.debtor).toEqual({ name: "Bäckerei Schmidt e.K.", iban: "DE89370400440532013000" });
    expect(transaction?.remittanceText).toBe("Rechnung RE-2026-000002 vom 0 1.12.2026 Kd-Nr. 10042");
    expect(transaction?.endToEndId).toBe("E2E-88341");
  });

  it("reads a camt.054.001.08 notification (Ntfctn) with a value date given as DtTm", () => {
    const file = unwrap(readBankStatementFile(CAMT_054_V08));
    expect([file.kind, file.messageType, file.messageId]).toEqual(["notification", "camt.054.001.08", "NTFCTN-2026-12-10-17"]);
    const entry = file.statements[0]?.entries[0];
    expect([file.statements[0]?.id, entry?.valueDate, entry?.transactions[0]?.bankReference, entry?.transactions[0]?.additionalInfo]).toEqual([
      "NTFCTN-2026-12-10-17-1",
      "2026-12-10",
      "2026121000042",
      "Gutschrift RE-2026-000004",
    ]);
  });

  it("accepts every version from 001.02 to 001.13 and a byte order mark", () => {
    for (const version of ["02", "04", "10", "13"]) {
      const xml = `\uFEFF${CAMT_053_V08.replace("camt.053.001.08", `camt.053.001.${version}`)}`;
      expect(unwrap(readBankStatementFile(xml)).messageType).toBe(`camt.053.001.${version}`);
    }
  });

  it("P3: keeps amounts exact, from 0.01 to 99,999,999.99 and 18 digits with 5 decimals", () => {
    const file = unwrap(readBankStatementFile(statementWith(creditEntry("0.01"), creditEntry("99999999.99"), creditEntry("123456789012345678.12345"))));
    expect(file.statements[0]?.entries.map((entry) => entry.amount.toString())).toEqual(["0.01", "99999999.99", "123456789012345678.12345"]);
    expect(file.statements[0]?.entries.map((entry) => entry.transactions[0]?.amount.toFixed())).toEqual(["0.01", "99999999.99", "123456789012345678.12"]);
  });
});

describe("readBankStatementFile: refusals", () => {
  it("BANK_STATEMENT_DOCTYPE: refuses a DOCTYPE before parsing (no entity expansion)", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>${CAMT_053_V08.replace(/^<\?xml[^>]*>/, "").replace("<MsgId>STMT-2026-12-08-0001", "<MsgId>&lol2;")}`;
    expect(problems(readBankStatementFile(bomb))).toEqual([
      { code: "BANK_STATEMENT_DOCTYPE", path: "", message: "The file has a <!DOCTYPE>: camt files have none, and its entities are not expanded" },
    ]);
    expect(problems(readBankStatementFile(`<!doctype x>${CAMT_053_V08}`))[0]?.code).toBe("BANK_STATEMENT_DOCTYPE");
  });

  it("BANK_STATEMENT_MALFORMED: names line and column", () => {
    const broken = CAMT_053_V08.replace("</MsgId>", "</MsgID>");
    const [problem] = problems(readBankStatementFile(broken));
    expect(problem?.code).toBe("BANK_STATEMENT_MALFORMED");
    expect(problem?.path).toBe("");
    expect(problem?.message).toMatch(/^Not well-formed XML at line 5, column \d+: /);
    expect(problems(readBankStatementFile(""))[0]?.code).toBe("BANK_STATEMENT_MALFORMED");
  });

  it("BANK_STATEMENT_UNSUPPORTED: says what the file is instead", () => {
    const cases: [string, string][] = [
      [CAMT_053_V08.replace("camt.053.001.08", "pain.008.001.08"), "The file is pain.008.001.08, not camt.053 or camt.054 (versions 001.02 to 001.13)"],
      [CAMT_053_V08.replace("camt.053.001.08", "camt.052.001.08"), "The file is camt.052.001.08, not camt.053 or camt.054 (versions 001.02 to 001.13)"],
      [CAMT_053_V08.replace("camt.053.001.08", "camt.053.001.14"), "The file is camt.053.001.14, not camt.053 or camt.054 (versions 001.02 to 001.13)"],
      [CAMT_053_V08.replace("camt.053.001.08", "camt.053.001.01"), "The file is camt.053.001.01, not camt.053 or camt.054 (versions 001.02 to 001.13)"],
      [CAMT_053_V08.replace(/xmlns="[^"]*"/, ""), "The file is a Document without an ISO 20022 namespace, not camt.053 or camt.054 (versions 001.02 to 001.13)"],
      ['<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>', "The file has root element <Invoice>, not an ISO 20022 <Document> of camt.053 or camt.054"],
    ];
    for (const [xml, message] of cases) expect(problems(readBankStatementFile(xml))).toEqual([{ code: "BANK_STATEMENT_UNSUPPORTED", path: "", message }]);
  });

  it("BANK_STATEMENT_INVALID: an amount with a decimal comma, at its element and field path", () => {
    const xml = statementWith(creditEntry("1.00"), creditEntry("2.00"), creditEntry("3.00"), creditEntry("12,50").replace('<Amt Ccy="EUR">12,50</Amt><RmtInf>', '<Amt Ccy="EUR">12.50</Amt><RmtInf>'));
    expect(problems(readBankStatementFile(xml))).toEqual([
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.3.amount", message: "Stmt[1]/Ntry[4]/Amt: 12,50 is not a decimal amount" },
    ]);
  });

  it("BANK_STATEMENT_INVALID: amounts of zero, six decimals, 19 digits or a negative sign; currency codes", () => {
    const xml = statementWith(
      creditEntry("0.00"),
      creditEntry("1.123456"),
      creditEntry("1234567890123456789"),
      creditEntry("-5.00"),
      creditEntry("5.00").replace('<Amt Ccy="EUR">5.00</Amt><CdtDbtInd>', '<Amt Ccy="eur">5.00</Amt><CdtDbtInd>'),
      creditEntry("5.00").replace('<Amt Ccy="EUR">5.00</Amt><RmtInf>', '<Amt Ccy="XYZ">5.00</Amt><RmtInf>'),
      creditEntry("5.00").replace('<Amt Ccy="EUR">5.00</Amt><CdtDbtInd>', "<Amt>5.00</Amt><CdtDbtInd>"),
    );
    expect(problems(readBankStatementFile(xml))).toEqual([
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.0.amount", message: "Stmt[1]/Ntry[1]/Amt: 0.00 is not above 0" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.0.transactions.0.amount", message: "Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/Amt: 0.00 is not above 0" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.1.amount", message: "Stmt[1]/Ntry[2]/Amt: 1.123456 is not a decimal amount" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.1.transactions.0.amount", message: "Stmt[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]/Amt: 1.123456 is not a decimal amount" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.2.amount", message: "Stmt[1]/Ntry[3]/Amt: 1234567890123456789 is not a decimal amount" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.2.transactions.0.amount", message: "Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[1]/Amt: 1234567890123456789 is not a decimal amount" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.3.amount", message: "Stmt[1]/Ntry[4]/Amt: -5.00 is not a decimal amount" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.3.transactions.0.amount", message: "Stmt[1]/Ntry[4]/NtryDtls[1]/TxDtls[1]/Amt: -5.00 is not a decimal amount" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.4.amount.currency", message: "Stmt[1]/Ntry[5]/Amt/@Ccy: eur is not a currency code" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.5.transactions.0.amount.currency", message: "Stmt[1]/Ntry[6]/NtryDtls[1]/TxDtls[1]/Amt/@Ccy: XYZ is not a supported currency" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.6.amount.currency", message: "Stmt[1]/Ntry[7]/Amt/@Ccy: (missing) is not a currency code" },
    ]);
  });

  it("BANK_STATEMENT_INVALID: CdtDbtInd, Sts, RvslInd, dates and IBANs, all problems of the file at once", () => {
    const entry = creditEntry("10.00");
    const xml = statementWith(
      entry.replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>CRED</CdtDbtInd>"),
      entry.replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Cd>BOOKED</Cd></Sts>"),
      entry.replace("<Sts>", "<RvslInd>yes</RvslInd><Sts>"),
      entry.replace("<BookgDt><Dt>2026-12-08</Dt></BookgDt>", "<BookgDt><Dt>2026-02-30</Dt></BookgDt>"),
      entry.replace("<ValDt><Dt>2026-12-08</Dt></ValDt>", "<ValDt><DtTm>08.12.2026 10:00</DtTm></ValDt>"),
      entry.replace("<TxDtls>", "<TxDtls><RltdPties><DbtrAcct><Id><IBAN>DE89370400440532013001</IBAN></Id></DbtrAcct></RltdPties>"),
      entry.replace("<CdtDbtInd>CRDT</CdtDbtInd>", ""),
    ).replace(`<IBAN>${MAIN_ACCOUNT}</IBAN>`, "<IBAN>DE02120300000000202052</IBAN>");
    expect(problems(readBankStatementFile(xml))).toEqual([
      {
        code: "BANK_STATEMENT_INVALID",
        path: "statements.0.accountIban",
        message: "Stmt[1]/Acct/Id/IBAN: DE02120300000000202052 is not an IBAN (The IBAN's check digits do not match: a character is mistyped)",
      },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.0.direction", message: "Stmt[1]/Ntry[1]/CdtDbtInd: CRED is not one of CRDT, DBIT" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.1.status", message: "Stmt[1]/Ntry[2]/Sts: BOOKED is not one of BOOK, PDNG, INFO" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.2.reversal", message: "Stmt[1]/Ntry[3]/RvslInd: yes is not one of 0, 1, true, false" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.3.bookingDate", message: "Stmt[1]/Ntry[4]/BookgDt/Dt: 2026-02-30 is not a date" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.4.valueDate", message: "Stmt[1]/Ntry[5]/ValDt/DtTm: 08.12.2026 10:00 is not a date-time" },
      {
        code: "BANK_STATEMENT_INVALID",
        path: "statements.0.entries.5.transactions.0.debtor.iban",
        message: "Stmt[1]/Ntry[6]/NtryDtls[1]/TxDtls[1]/RltdPties/DbtrAcct/Id/IBAN: DE89370400440532013001 is not an IBAN (The IBAN's check digits do not match: a character is mistyped)",
      },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.6.direction", message: "Stmt[1]/Ntry[7]/CdtDbtInd: missing" },
    ]);
  });

  it("BANK_STATEMENT_INVALID: required elements missing (MsgId, CreDtTm, Stmt/Id, account IBAN, a batch transaction's amount, Sts)", () => {
    const batch =
      '<Ntry><Amt Ccy="EUR">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><NtryDtls><TxDtls><Amt Ccy="EUR">10.00</Amt></TxDtls></NtryDtls><NtryDtls><TxDtls><Refs><EndToEndId>X</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>';
    const xml = statementWith(batch, creditEntry("5.00").replace("<Sts><Cd>BOOK</Cd></Sts>", ""))
      .replace("<MsgId>STMT-TEST</MsgId>", "")
      .replace("<CreDtTm>2026-12-08T22:15:03+01:00</CreDtTm>", "<CreDtTm></CreDtTm>")
      .replace("<Id>STMT-TEST-1</Id>", "")
      .replace(`<Id><IBAN>${MAIN_ACCOUNT}</IBAN></Id>`, "<Id><Othr><Id>0202051</Id></Othr></Id>");
    expect(problems(readBankStatementFile(xml))).toEqual([
      { code: "BANK_STATEMENT_INVALID", path: "messageId", message: "BkToCstmrStmt/GrpHdr/MsgId: missing" },
      { code: "BANK_STATEMENT_INVALID", path: "createdAt", message: "BkToCstmrStmt/GrpHdr/CreDtTm: missing" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.id", message: "Stmt[1]/Id: missing" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.accountIban", message: "Stmt[1]/Acct/Id/IBAN: missing" },
      // Transactions count across NtryDtls blocks.
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.0.transactions.1.amount", message: "Stmt[1]/Ntry[1]/NtryDtls[2]/TxDtls[1]/Amt: missing (the entry has 2 transactions)" },
      { code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.1.status", message: "Stmt[1]/Ntry[2]/Sts: missing" },
    ]);
  });

  it("BANK_STATEMENT_INVALID: a Document without its message element or without any Stmt", () => {
    expect(problems(readBankStatementFile(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrStmt/></Document>`))).toEqual([
      { code: "BANK_STATEMENT_INVALID", path: "", message: "Document/BkToCstmrDbtCdtNtfctn: missing (the namespace says camt.054.001.08)" },
    ]);
    const empty = statementWith().replace(/<Stmt>[\s\S]*<\/Stmt>/, "");
    expect(problems(readBankStatementFile(empty))).toEqual([
      { code: "BANK_STATEMENT_INVALID", path: "statements", message: "BkToCstmrStmt/Stmt: missing: the file has no statement" },
    ]);
  });

  it("reports at most 50 problems", () => {
    const xml = statementWith(...Array.from({ length: 40 }, () => creditEntry("1,00")));
    const found = problems(readBankStatementFile(xml));
    expect(found).toHaveLength(50);
    expect(found[49]).toEqual({ code: "BANK_STATEMENT_INVALID", path: "statements.0.entries.24.transactions.0.amount", message: "Stmt[1]/Ntry[25]/NtryDtls[1]/TxDtls[1]/Amt: 1,00 is not a decimal amount" });
  });
});
