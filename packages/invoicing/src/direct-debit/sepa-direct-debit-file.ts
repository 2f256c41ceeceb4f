import type { Money } from "@kontor/money";
import type { IsoDate } from "../documents/iso-date.js";
import type { SepaSequenceType } from "./sepa-sequence-type.js";

/** One payment information block (`PmtInf`) of a pain.008 file: the collections of one day. */
export interface SepaPaymentInformation {
  /** `PmtInfId`: `<messageId>-<n>`, n counting from 1 in file order. */
  readonly id: string;
  /** `ReqdColltnDt`. */
  readonly collectionDate: IsoDate;
  readonly sequenceType: SepaSequenceType;
  /** The creditor identifier the block collects under (`CdtrSchmeId`). */
  readonly creditorId: string;
  /** `NbOfTxs` of the block. */
  readonly numberOfTransactions: number;
  /** `CtrlSum` of the block: the sum of its collections, EUR. */
  readonly controlSum: Money;
}

/**
 * A written SEPA direct debit file (ISO 20022 pain.008.001.08) with the totals it declares. The
 * XML holds the debtors' IBANs: store it sealed.
 */
export interface SepaDirectDebitFile {
  /** The UTF-8 XML document. */
  readonly xml: string;
  /** `GrpHdr/MsgId`. */
  readonly messageId: string;
  /** `GrpHdr/NbOfTxs`: all collections of the file. */
  readonly numberOfTransactions: number;
  /** `GrpHdr/CtrlSum`: the sum of all collections, EUR. */
  readonly controlSum: Money;
  /**
   * The `PmtInf` blocks in file order: one per (collection date, sequence type, creditor ID),
   * by ascending collection date, so the first and last entries give the file's first and last
   * collection date.
   */
  readonly paymentInformation: readonly SepaPaymentInformation[];
}
