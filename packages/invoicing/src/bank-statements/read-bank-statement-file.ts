import { isCurrencyCode, Money } from "@kontor/money";
import { ibanProblem, normalizeIban } from "../banking/iban.js";
import { isoDateSchema, type IsoDate } from "../documents/iso-date.js";
import { issue, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { at, child, children } from "../xml/xml-tree.js";
import type { BankEntry, BankParty, BankStatement, BankStatementFile, BankTransaction, BankTransactionCode } from "./bank-statement-file.js";
import { parseCamtDocument } from "./camt-document.js";

/** At most this many problems are reported for one file. */
const MAX_ISSUES = 50;

const AMOUNT = /^\d{1,18}(\.\d{1,5})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}/;
const STATUS = { BOOK: "booked", PDNG: "pending", INFO: "info" } as const;
const DIRECTION = { CRDT: "credit", DBIT: "debit" } as const;
const BOOLEAN: Readonly<Record<string, boolean>> = { true: true, "1": true, false: false, "0": false };
const NOT_PROVIDED = "NOTPROVIDED";

type Path = readonly (string | number)[];

/** The text of an element: a plain string, or `#text` of an element with attributes; `undefined` when absent. */
function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === "string") return node;
  if (typeof node === "object") {
    const value = (node as Record<string, unknown>)["#text"];
    return typeof value === "string" ? value : "";
  }
  // parseTagValue is off: every value is a string, an element with attributes or children an object.
  return undefined;
}

/** The text at `path` below `node`, `null` when absent or empty. */
function optionalText(node: unknown, path: string): string | null {
  const value = textOf(at(node, path));
  return value === undefined || value === "" ? null : value;
}

// Collects the problems of one file; every reader goes on after a problem, so all are reported.
class Problems {
  readonly issues: InvoicingIssue[] = [];

  report(where: string, message: string, path: Path): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue("BANK_STATEMENT_INVALID", `${where}: ${message}`, path));
  }

  /** The required text at `element` below `node`; `""` (reported) when absent or empty. */
  required(node: unknown, element: string, where: string, path: Path): string {
    const value = optionalText(node, element);
    if (value === null) this.report(`${where}/${element}`, "missing", path);
    return value ?? "";
  }

  /** An amount element with its `Ccy`: a decimal above 0 in a known currency (P3: read as text, never a number). */
  amount(node: unknown, where: string, path: Path): Money {
    const text = textOf(node) ?? "";
    const currency = typeof node === "object" && node !== null ? (node as Record<string, unknown>)["@Ccy"] : undefined;
    let valid = true;
    if (!AMOUNT.test(text)) {
      this.report(where, `${text === "" ? "(empty)" : text} is not a decimal amount`, path);
      valid = false;
    } else if (/^[0.]+$/.test(text)) {
      this.report(where, `${text} is not above 0`, path);
      valid = false;
    }
    if (typeof currency !== "string" || !CURRENCY.test(currency)) {
      this.report(`${where}/@Ccy`, `${typeof currency === "string" ? currency : "(missing)"} is not a currency code`, [...path, "currency"]);
      valid = false;
    } else if (!isCurrencyCode(currency)) {
      this.report(`${where}/@Ccy`, `${currency} is not a supported currency`, [...path, "currency"]);
      valid = false;
    }
    return valid && typeof currency === "string" ? Money.of(text, currency) : Money.zero("EUR");
  }

  /** `Dt` or the date part of `DtTm` of a date element (`BookgDt`, `ValDt`); `null` when the element is absent. */
  date(node: unknown, where: string, path: Path): IsoDate | null {
    if (node === undefined) return null;
    const date = optionalText(node, "Dt");
    if (date !== null) {
      if (isoDateSchema.safeParse(date).success) return date;
      this.report(`${where}/Dt`, `${date} is not a date`, path);
      return null;
    }
    const dateTime = optionalText(node, "DtTm");
    if (dateTime !== null) {
      const day = DATE_TIME.exec(dateTime)?.[1];
      if (day !== undefined && isoDateSchema.safeParse(day).success) return day;
      this.report(`${where}/DtTm`, `${dateTime} is not a date-time`, path);
      return null;
    }
    this.report(where, "has neither Dt nor DtTm", path);
    return null;
  }

  /** An IBAN in electronic form with valid check digits; `null` when absent. */
  iban(text: string | null, where: string, path: Path): string | null {
    if (text === null) return null;
    const iban = normalizeIban(text);
    const problem = ibanProblem(iban);
    if (problem !== undefined) this.report(where, `${text} is not an IBAN (${problem})`, path);
    return iban;
  }

  /** A code of `codes`; reported when it is anything else. */
  code<T>(codes: Readonly<Record<string, T>>, text: string | null, where: string, path: Path): T | undefined {
    if (text === null) {
      this.report(where, "missing", path);
      return undefined;
    }
    if (Object.hasOwn(codes, text)) return codes[text];
    this.report(where, `${text} is not one of ${Object.keys(codes).join(", ")}`, path);
    return undefined;
  }
}

function party(problems: Problems, tx: unknown, role: "Dbtr" | "Cdtr", where: string, path: Path): BankParty {
  const name = optionalText(tx, `RltdPties/${role}/Pty/Nm`) ?? optionalText(tx, `RltdPties/${role}/Nm`);
  const iban = problems.iban(optionalText(tx, `RltdPties/${role}Acct/Id/IBAN`), `${where}/RltdPties/${role}Acct/Id/IBAN`, [...path, "iban"]);
  return Object.freeze({ name, iban });
}

function bankTransactionCode(ntry: unknown): BankTransactionCode | null {
  const domain = at(ntry, "BkTxCd/Domn");
  if (domain === undefined) return null;
  return Object.freeze({
    domain: optionalText(domain, "Cd") ?? "",
    family: optionalText(domain, "Fmly/Cd") ?? "",
    subFamily: optionalText(domain, "Fmly/SubFmlyCd") ?? "",
  });
}

interface EntryFacts {
  readonly amount: Money;
  readonly reference: string | null;
  readonly additionalInfo: string | null;
  readonly count: number;
}

function transaction(problems: Problems, tx: unknown, index: number, entry: EntryFacts, where: string, path: Path): BankTransaction {
  const amountPath = [...path, "amount"];
  let amount: Money;
  if (at(tx, "Amt") !== undefined) amount = problems.amount(at(tx, "Amt"), `${where}/Amt`, amountPath);
  else if (at(tx, "AmtDtls/TxAmt/Amt") !== undefined) amount = problems.amount(at(tx, "AmtDtls/TxAmt/Amt"), `${where}/AmtDtls/TxAmt/Amt`, amountPath);
  else if (entry.count === 1) amount = entry.amount;
  else {
    problems.report(`${where}/Amt`, `missing (the entry has ${String(entry.count)} transactions)`, amountPath);
    amount = entry.amount;
  }
  const ownReference = optionalText(tx, "Refs/AcctSvcrRef");
  const entryReference = entry.reference === null ? null : entry.count > 1 ? `${entry.reference}#${String(index + 1)}` : entry.reference;
  const endToEndId = optionalText(tx, "Refs/EndToEndId");
  const remittance = at(tx, "RmtInf");
  const creditorReference =
    children(remittance, "Strd")
      .map((structured) => optionalText(structured, "CdtrRefInf/Ref"))
      .find((reference) => reference !== null) ?? null;
  return Object.freeze({
    amount,
    bankReference: ownReference ?? entryReference,
    endToEndId: endToEndId === NOT_PROVIDED ? null : endToEndId,
    mandateReference: optionalText(tx, "Refs/MndtId"),
    debtor: party(problems, tx, "Dbtr", where, [...path, "debtor"]),
    creditor: party(problems, tx, "Cdtr", where, [...path, "creditor"]),
    remittanceText: children(remittance, "Ustrd")
      .map((line) => textOf(line) ?? "")
      .filter((line) => line !== "")
      .join(" "),
    creditorReference,
    returnReason: optionalText(tx, "RtrInf/Rsn/Cd") ?? optionalText(tx, "RtrInf/Rsn/Prtry"),
    additionalInfo: optionalText(tx, "AddtlTxInf") ?? entry.additionalInfo,
  });
}

function entryOf(problems: Problems, ntry: unknown, where: string, path: Path): BankEntry {
  const amount = problems.amount(child(ntry, "Amt"), `${where}/Amt`, [...path, "amount"]);
  const direction = problems.code(DIRECTION, optionalText(ntry, "CdtDbtInd"), `${where}/CdtDbtInd`, [...path, "direction"]) ?? "credit";
  const reversalText = optionalText(ntry, "RvslInd");
  const reversal = reversalText === null ? false : (problems.code(BOOLEAN, reversalText, `${where}/RvslInd`, [...path, "reversal"]) ?? false);
  // Up to version .07 Sts is the code itself, from .08 it is Sts/Cd.
  const statusNode = child(ntry, "Sts");
  const statusText = typeof statusNode === "object" && statusNode !== null ? optionalText(statusNode, "Cd") : optionalText(ntry, "Sts");
  const status = problems.code(STATUS, statusText, `${where}/Sts`, [...path, "status"]) ?? "info";
  const reference = optionalText(ntry, "AcctSvcrRef");
  const additionalInfo = optionalText(ntry, "AddtlNtryInf");
  const details = children(ntry, "NtryDtls").flatMap((block, blockIndex) =>
    children(block, "TxDtls").map((tx, txIndex) => ({ tx, where: `${where}/NtryDtls[${String(blockIndex + 1)}]/TxDtls[${String(txIndex + 1)}]` })),
  );
  const facts: EntryFacts = { amount, reference, additionalInfo, count: details.length };
  const transactions =
    details.length === 0
      ? [
          Object.freeze({
            amount,
            bankReference: reference,
            endToEndId: null,
            mandateReference: null,
            debtor: Object.freeze({ name: null, iban: null }),
            creditor: Object.freeze({ name: null, iban: null }),
            remittanceText: "",
            creditorReference: null,
            returnReason: null,
            additionalInfo,
          }),
        ]
      : details.map((detail, index) => transaction(problems, detail.tx, index, facts, detail.where, [...path, "transactions", index]));
  return Object.freeze({
    amount,
    direction,
    reversal,
    status,
    bookingDate: problems.date(child(ntry, "BookgDt"), `${where}/BookgDt`, [...path, "bookingDate"]),
    valueDate: problems.date(child(ntry, "ValDt"), `${where}/ValDt`, [...path, "valueDate"]),
    accountServicerReference: reference,
    bankTransactionCode: bankTransactionCode(ntry),
    transactions: Object.freeze(transactions),
  });
}

function statementOf(problems: Problems, block: unknown, where: string, path: Path): BankStatement {
  const id = problems.required(block, "Id", where, [...path, "id"]);
  const ibanText = optionalText(block, "Acct/Id/IBAN");
  if (ibanText === null) problems.report(`${where}/Acct/Id/IBAN`, "missing", [...path, "accountIban"]);
  const accountIban = problems.iban(ibanText, `${where}/Acct/Id/IBAN`, [...path, "accountIban"]) ?? "";
  const accountCurrency = optionalText(block, "Acct/Ccy");
  if (accountCurrency !== null && !CURRENCY.test(accountCurrency)) {
    problems.report(`${where}/Acct/Ccy`, `${accountCurrency} is not a currency code`, [...path, "accountCurrency"]);
  }
  const entries = children(block, "Ntry").map((ntry, index) =>
    entryOf(problems, ntry, `${where}/Ntry[${String(index + 1)}]`, [...path, "entries", index]),
  );
  return Object.freeze({ id, accountIban, accountCurrency, entries: Object.freeze(entries) });
}

/**
 * Reads an ISO 20022 bank-to-customer file: a **camt.053** account statement
 * (`BkToCstmrStmt/Stmt`) or a **camt.054** debit/credit notification
 * (`BkToCstmrDbtCdtNtfctn/Ntfctn`), versions 001.02 to 001.13 (the version comes from the
 * `Document` namespace). Both spellings that changed between versions are read: `Sts` as text
 * (up to .07) or `Sts/Cd` (from .08), parties as `Dbtr/Nm` or `Dbtr/Pty/Nm`. Amounts stay exact
 * decimal strings (P3); dates are `YYYY-MM-DD` (a `DtTm` gives its date part as written).
 *
 * Safety: a `<!DOCTYPE` is refused before the XML is parsed, so no entity is ever expanded.
 *
 * Errors (all problems of the file, at most 50):
 * - `BANK_STATEMENT_DOCTYPE`: the file has a DOCTYPE
 * - `BANK_STATEMENT_MALFORMED`: not well-formed XML; the message names line and column
 * - `BANK_STATEMENT_UNSUPPORTED`: not camt.053/054 in a supported version; the message says what it is
 * - `BANK_STATEMENT_INVALID`: a required element is missing or a value is not valid (amount
 *   `^\d{1,18}(\.\d{1,5})?$` above 0, currency code, `CdtDbtInd`, `Sts`, `RvslInd`, dates, IBANs
 *   with their check digits). The message names the element (`Stmt[1]/Ntry[4]/Amt: 12,50 is not a
 *   decimal amount`, positions from 1), the path the field (`["statements", 0, "entries", 3,
 *   "amount"]`, positions from 0; a transaction's index counts across the entry's `NtryDtls`).
 */
export function readBankStatementFile(xml: string): Result<BankStatementFile> {
  const parsed = parseCamtDocument(xml);
  if (!parsed.ok) return failure(parsed.errors);
  const { type, message } = parsed.value;
  const problems = new Problems();
  if (message === undefined || typeof message !== "object" || message === null) {
    problems.report(`Document/${type.root}`, `missing (the namespace says ${type.messageType})`, []);
    return failure(problems.issues);
  }
  const messageId = problems.required(message, "GrpHdr/MsgId", type.root, ["messageId"]);
  const createdAt = problems.required(message, "GrpHdr/CreDtTm", type.root, ["createdAt"]);
  const blocks = children(message, type.item);
  if (blocks.length === 0) problems.report(`${type.root}/${type.item}`, "missing: the file has no statement", ["statements"]);
  const statements = blocks.map((block, index) => statementOf(problems, block, `${type.item}[${String(index + 1)}]`, ["statements", index]));
  if (problems.issues.length > 0) return failure(problems.issues);
  return success(Object.freeze({ kind: type.kind, messageType: type.messageType, messageId, createdAt, statements: Object.freeze(statements) }));
}
