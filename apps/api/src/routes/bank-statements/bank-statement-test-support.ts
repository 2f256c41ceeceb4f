import { expect } from "vitest";
import type { TestApi } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "../invoices/invoice-fixtures.js";

/** Kontor's own account, the one the statements are about. */
export const KONTOR_IBAN = "DE89370400440532013000";
/** Bäckerei Schmidt's account, paying by transfer. */
export const SCHMIDT_IBAN = "DE12500105170648489890";

/** A transaction (TxDtls) of a camt entry. */
export interface CamtTransaction {
  readonly bankReference?: string;
  readonly amount?: string;
  readonly endToEndId?: string;
  readonly mandateReference?: string;
  readonly debtor?: { readonly name: string; readonly iban: string };
  readonly creditor?: { readonly name: string; readonly iban: string };
  readonly remittance?: readonly string[];
  readonly returnReason?: string;
}

/** An entry (Ntry) of a camt statement or notification. */
export interface CamtEntry {
  readonly amount: string;
  readonly direction: "CRDT" | "DBIT";
  readonly status?: "BOOK" | "PDNG";
  readonly bookingDate: string;
  readonly valueDate: string;
  readonly bankReference: string;
  /** Bank transaction code (family, sub-family) in domain PMNT. */
  readonly code: readonly [string, string];
  readonly transactions: readonly CamtTransaction[];
}

/** A camt.053.001.08 statement or camt.054.001.08 notification of Kontor's account. */
export interface CamtFile {
  readonly kind: "camt.053" | "camt.054";
  readonly messageId: string;
  readonly createdAt: string;
  readonly statementId: string;
  readonly entries: readonly CamtEntry[];
}

const escape = (text: string): string => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

function party(role: "Dbtr" | "Cdtr", who: { name: string; iban: string } | undefined): string {
  if (who === undefined) return "";
  return `<${role}><Pty><Nm>${escape(who.name)}</Nm></Pty></${role}><${role}Acct><Id><IBAN>${who.iban}</IBAN></Id></${role}Acct>`;
}

function transactionXml(entry: CamtEntry, transaction: CamtTransaction): string {
  const refs = [
    transaction.bankReference === undefined ? "" : `<AcctSvcrRef>${transaction.bankReference}</AcctSvcrRef>`,
    `<EndToEndId>${escape(transaction.endToEndId ?? "NOTPROVIDED")}</EndToEndId>`,
    transaction.mandateReference === undefined ? "" : `<MndtId>${escape(transaction.mandateReference)}</MndtId>`,
  ].join("");
  const amount = transaction.amount ?? entry.amount;
  return [
    "<TxDtls>",
    `<Refs>${refs}</Refs>`,
    `<Amt Ccy="EUR">${amount}</Amt>`,
    `<CdtDbtInd>${entry.direction}</CdtDbtInd>`,
    `<AmtDtls><TxAmt><Amt Ccy="EUR">${amount}</Amt></TxAmt></AmtDtls>`,
    `<RltdPties>${party("Dbtr", transaction.debtor)}${party("Cdtr", transaction.creditor)}</RltdPties>`,
    transaction.remittance === undefined ? "" : `<RmtInf>${transaction.remittance.map((line) => `<Ustrd>${escape(line)}</Ustrd>`).join("")}</RmtInf>`,
    transaction.returnReason === undefined ? "" : `<RtrInf><Rsn><Cd>${transaction.returnReason}</Cd></Rsn></RtrInf>`,
    "</TxDtls>",
  ].join("");
}

function entryXml(entry: CamtEntry): string {
  return [
    "<Ntry>",
    `<Amt Ccy="EUR">${entry.amount}</Amt>`,
    `<CdtDbtInd>${entry.direction}</CdtDbtInd>`,
    "<RvslInd>false</RvslInd>",
    `<Sts><Cd>${entry.status ?? "BOOK"}</Cd></Sts>`,
    `<BookgDt><Dt>${entry.bookingDate}</Dt></BookgDt>`,
    `<ValDt><Dt>${entry.valueDate}</Dt></ValDt>`,
    `<AcctSvcrRef>${entry.bankReference}</AcctSvcrRef>`,
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${entry.code[0]}</Cd><SubFmlyCd>${entry.code[1]}</SubFmlyCd></Fmly></Domn></BkTxCd>`,
    `<NtryDtls>${entry.transactions.map((transaction) => transactionXml(entry, transaction)).join("")}</NtryDtls>`,
    "</Ntry>",
  ].join("\n");
}

/** The XML of `file`, as a German bank writes it (UTF-8, default namespace, version 001.08). */
export function camtXml(file: CamtFile): string {
  const [root, block] = file.kind === "camt.053" ? ["BkToCstmrStmt", "Stmt"] : ["BkToCstmrDbtCdtNtfctn", "Ntfctn"];
  const balances =
    file.kind === "camt.053"
      ? '<Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-08</Dt></Dt></Bal>'
      : "";
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${file.kind}.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    `<${root}>`,
    `<GrpHdr><MsgId>${file.messageId}</MsgId><CreDtTm>${file.createdAt}</CreDtTm></GrpHdr>`,
    `<${block}>`,
    `<Id>${file.statementId}</Id>`,
    `<CreDtTm>${file.createdAt}</CreDtTm>`,
    `<Acct><Id><IBAN>${KONTOR_IBAN}</IBAN></Id><Ccy>EUR</Ccy><Svcr><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></Svcr></Acct>`,
    balances,
    ...file.entries.map(entryXml),
    `</${block}>`,
    `</${root}>`,
    "</Document>",
  ].join("\n");
}

/** The body of `POST /v1/bank-statements` for `xml`. */
export function uploadOf(xml: string, filename?: string): { filename?: string; contentBase64: string } {
  return { ...(filename === undefined ? {} : { filename }), contentBase64: Buffer.from(xml, "utf8").toString("base64") };
}

/**
 * A finalized invoice to Müller GmbH, issued `issueDate` (default 2026-11-25), of one line of
 * `net` EUR at 19 % VAT (1250.00 → 1487.50, 100.00 → 119.00, 200.00 → 238.00); the API's clock
 * is set to the issue date.
 */
export async function finalizedInvoiceOf(api: TestApi, buyerReference: string, net: string, issueDate = "2026-11-25"): Promise<{ id: string; number: string; amountDue: string }> {
  api.clock.set(new Date(`${issueDate}T09:00:00Z`));
  const draft = await api.request({
    method: "POST",
    url: "/v1/invoices",
    token: api.tokens.backOffice,
    payload: muellerInvoiceInput({
      buyerReference,
      issueDate,
      lines: [{ kind: "time-and-material", description: "Einrichtung Serverraum", quantity: "1", unitPrice: { amount: net, currency: "EUR" }, vat: { category: "S", rate: "19" } }],
    }),
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const { id } = draft.json<{ id: string }>();
  const finalized = await api.request({ method: "POST", url: `/v1/invoices/${id}/finalization`, token: api.tokens.backOffice });
  expect(finalized.statusCode, finalized.body).toBe(200);
  const body = finalized.json<{ number: string; totals: { amountDue: { amount: string } } }>();
  return { id, number: body.number, amountDue: body.totals.amountDue.amount };
}
