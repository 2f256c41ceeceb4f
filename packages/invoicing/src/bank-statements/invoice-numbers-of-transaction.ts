import type { NumberSeries } from "../numbering/number-series.js";
import type { BankTransaction } from "./bank-statement-file.js";
import { documentNumbersIn } from "./document-numbers-in.js";

/** The texts a payer can put an invoice number in, in the order they are searched. */
function textsOf(transaction: BankTransaction): string[] {
  return [transaction.remittanceText, transaction.creditorReference, transaction.endToEndId, transaction.additionalInfo].filter(
    (text): text is string => text !== null && text !== "",
  );
}

/**
 * The invoice numbers of `series` a transaction names: in its remittance text, creditor
 * reference, end-to-end ID and additional information (in that order), each once. The API reads
 * the same texts to look the invoices up before matching.
 */
export function invoiceNumbersOfTransaction(series: NumberSeries, transaction: BankTransaction): string[] {
  const numbers: string[] = [];
  for (const text of textsOf(transaction)) {
    for (const number of documentNumbersIn(series, text)) if (!numbers.includes(number)) numbers.push(number);
  }
  return numbers;
}
