import type { Money } from "@kontor/money";
import type { IsoDate } from "../documents/iso-date.js";

/**
 * A bank statement file as {@link readBankStatementFile} reads it: an ISO 20022 camt.053 account
 * statement (`BkToCstmrStmt`) or a camt.054 debit/credit notification (`BkToCstmrDbtCdtNtfctn`).
 * Nothing is interpreted here: what the bank's entries mean for invoices is
 * {@link matchBankTransaction}'s question.
 */
export interface BankStatementFile {
  /** `statement` for camt.053, `notification` for camt.054. */
  readonly kind: "statement" | "notification";
  /** The message and version from the `Document` namespace, e.g. `"camt.053.001.08"`. */
  readonly messageType: string;
  /** `GrpHdr/MsgId`: the bank's ID of the file. */
  readonly messageId: string;
  /** `GrpHdr/CreDtTm` as given (a date-time with or without offset). */
  readonly createdAt: string;
  /** The `Stmt` (camt.053) or `Ntfctn` (camt.054) blocks, in file order; at least one. */
  readonly statements: readonly BankStatement[];
}

/** One `Stmt` or `Ntfctn`: the entries of one account. */
export interface BankStatement {
  /** `Stmt/Id` or `Ntfctn/Id`. */
  readonly id: string;
  /** `Acct/Id/IBAN` in its electronic form (no spaces, upper case). */
  readonly accountIban: string;
  /** `Acct/Ccy`, or `null` when the bank leaves it out. */
  readonly accountCurrency: string | null;
  /** The `Ntry` elements in file order (a statement without movements has none). */
  readonly entries: readonly BankEntry[];
}

/** The ISO 20022 bank transaction code (`BkTxCd/Domn`), e.g. `PMNT` / `RCDT` / `ESCT` for a SEPA credit transfer received. */
export interface BankTransactionCode {
  /** `Domn/Cd`, e.g. `PMNT`. */
  readonly domain: string;
  /** `Domn/Fmly/Cd`, e.g. `RCDT` (received credit transfers) or `IDDT` (issued direct debits). */
  readonly family: string;
  /** `Domn/Fmly/SubFmlyCd`, e.g. `ESCT` or `UPDD` (reversal due to return/unpaid direct debit). */
  readonly subFamily: string;
}

/** One `Ntry`: one booking on the account, with one or more transactions (a batch booking has several). */
export interface BankEntry {
  /** `Ntry/Amt` with its `Ccy`: always above 0; the direction says which way it went. Exact (P3). */
  readonly amount: Money;
  /** `CdtDbtInd`: `CRDT` money in, `DBIT` money out. */
  readonly direction: "credit" | "debit";
  /** `RvslInd`: the bank took back an earlier entry of the opposite direction. */
  readonly reversal: boolean;
  /** `Sts` (text up to version .07, `Sts/Cd` from .08): `BOOK`, `PDNG` or `INFO`. */
  readonly status: "booked" | "pending" | "info";
  /** `BookgDt/Dt`, or the date part of `BookgDt/DtTm` as written. */
  readonly bookingDate: IsoDate | null;
  /** `ValDt/Dt` or the date part of `ValDt/DtTm`: the day the money counts (T6). */
  readonly valueDate: IsoDate | null;
  /** `Ntry/AcctSvcrRef`: the bank's reference of the booking. */
  readonly accountServicerReference: string | null;
  /** `BkTxCd/Domn`, or `null` when the bank gives only a proprietary code. */
  readonly bankTransactionCode: BankTransactionCode | null;
  /** `NtryDtls/TxDtls` of all `NtryDtls` in file order; an entry without details has one built from the entry. */
  readonly transactions: readonly BankTransaction[];
}

/** A party of a transaction: the debtor (who paid) or the creditor (who was paid). */
export interface BankParty {
  /** `RltdPties/Dbtr/Pty/Nm` (from .08) or `RltdPties/Dbtr/Nm` (up to .07); likewise `Cdtr`. */
  readonly name: string | null;
  /** `RltdPties/DbtrAcct/Id/IBAN` (or `CdtrAcct`), electronic form; `null` when absent. */
  readonly iban: string | null;
}

/** One `TxDtls`: a single payment within an entry. */
export interface BankTransaction {
  /** `TxDtls/Amt`, else `TxDtls/AmtDtls/TxAmt/Amt`, else (the entry's only transaction) the entry's amount. */
  readonly amount: Money;
  /**
   * The bank's reference: `TxDtls/Refs/AcctSvcrRef`, else the entry's `AcctSvcrRef` (with
   * `#<n>`, counting from 1, when the entry has several transactions); `null` when neither exists.
   */
  readonly bankReference: string | null;
  /** `Refs/EndToEndId`; `NOTPROVIDED` is `null`. A collection's end-to-end ID is its invoice number (C8). */
  readonly endToEndId: string | null;
  /** `Refs/MndtId`: the mandate of a direct debit. */
  readonly mandateReference: string | null;
  /** Who paid. */
  readonly debtor: BankParty;
  /** Who was paid. */
  readonly creditor: BankParty;
  /** All `RmtInf/Ustrd` joined with a space; `""` when there is none. */
  readonly remittanceText: string;
  /** `RmtInf/Strd/CdtrRefInf/Ref` (the first one), e.g. an ISO 11649 `RF…` reference. */
  readonly creditorReference: string | null;
  /** `RtrInf/Rsn/Cd` of a returned payment, e.g. `MD06` (refund claimed by the debtor) or `AM04` (insufficient funds). */
  readonly returnReason: string | null;
  /** `TxDtls/AddtlTxInf`, else `Ntry/AddtlNtryInf`. */
  readonly additionalInfo: string | null;
}
