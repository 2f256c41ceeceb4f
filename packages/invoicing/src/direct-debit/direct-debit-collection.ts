import { moneyJsonSchema } from "@kontor/money";
import { z } from "zod";
import { bicSchema } from "../banking/bic.js";
import { ibanSchema } from "../banking/iban.js";
import { sepaCreditorIdSchema } from "../banking/sepa-creditor-id.js";
import { isoDateSchema } from "../documents/iso-date.js";
import { SEPA_NAME_MAX_LENGTH, SEPA_REMITTANCE_MAX_LENGTH, sepaIdentifierSchema, sepaTextSchema } from "./sepa-text.js";
import { SEPA_SEQUENCE_TYPES } from "./sepa-sequence-type.js";

// 0.01 … 999999999.99 with at most two decimals: the SEPA amount range (EPC rulebook AT-06).
const SEPA_AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
const ZERO = /^0+(\.0+)?$/;

/**
 * zod schema of a collected amount: the JSON form of money (`{ amount: "1190.00", currency:
 * "EUR" }`, as `@kontor/money`'s `moneyJsonSchema`) with an amount of 0.01 to 999999999.99 and at
 * most two decimals. It stays JSON (not `Money`): a collection is stored and sent as it is. The
 * currency is any ISO 4217 code here; `writeSepaDirectDebitFile` refuses all but EUR with
 * `DIRECT_DEBIT_CURRENCY`.
 */
export const sepaAmountSchema = moneyJsonSchema.check((context) => {
  const amount = context.value.amount;
  if (!SEPA_AMOUNT.test(amount) || ZERO.test(amount)) {
    context.issues.push({
      code: "custom",
      message: `A SEPA amount is 0.01 to 999999999.99 with at most two decimals, not ${amount}`,
      input: context.value,
      path: ["amount"],
    });
  }
});

/**
 * zod schema of one collection of a SEPA direct debit file (one `DrctDbtTxInf` of pain.008):
 * which invoice (`endToEndId`, the invoice number), how much, on which day, under which creditor
 * ID and mandate, from whose account, with which remittance text.
 *
 * Identifiers (`endToEndId`, `mandate.reference`) must already be SEPA identifiers (1–35
 * characters of the SEPA set, no leading or trailing `/`, no `//`); names (70) and the remittance
 * (140) are converted to the SEPA character set and cut (`toSepaText`). IBANs come out in their
 * electronic form. A mandate signed after the collection date is refused at `mandate.signedOn`.
 */
export const directDebitCollectionSchema = z
  .strictObject({
    /** The invoice number (BT-1): the debtor's bank statement shows it, a return names it. */
    endToEndId: sepaIdentifierSchema,
    /** What is collected: the invoice's open amount (never more). */
    amount: sepaAmountSchema,
    /** The requested collection date (`ReqdColltnDt`): the pre-notified due date (T7). */
    collectionDate: isoDateSchema,
    /** `SeqTp`; default `RCUR` (every collection under a recurring mandate). */
    sequenceType: z.enum(SEPA_SEQUENCE_TYPES).default("RCUR"),
    /** The seller's SEPA creditor identifier (BT-90). */
    creditorId: sepaCreditorIdSchema,
    mandate: z.strictObject({
      /** Mandate reference (`MndtId`, BT-89). */
      reference: sepaIdentifierSchema,
      /** The day the debtor signed the mandate (`DtOfSgntr`). */
      signedOn: isoDateSchema,
    }),
    debtor: z.strictObject({
      /** The account holder (`Dbtr/Nm`), converted to the SEPA set, at most 70 characters. */
      name: sepaTextSchema(SEPA_NAME_MAX_LENGTH),
      /** The debited account (BT-91). */
      iban: ibanSchema,
      /** The debtor's bank; optional in SEPA (`NOTPROVIDED` without it). */
      bic: bicSchema.optional(),
    }),
    /** Unstructured remittance information (`RmtInf/Ustrd`), converted, at most 140 characters. */
    remittance: sepaTextSchema(SEPA_REMITTANCE_MAX_LENGTH),
  })
  .refine((collection) => collection.mandate.signedOn <= collection.collectionDate, {
    message: "The mandate is signed after the collection date",
    path: ["mandate", "signedOn"],
  });

/** A collection as given to `writeSepaDirectDebitFile` (before validation; `sequenceType` optional). */
export type DirectDebitCollectionInput = z.input<typeof directDebitCollectionSchema>;

/**
 * A validated collection: identifiers checked, texts in the SEPA character set, IBANs in
 * electronic form, `sequenceType` set. Plain JSON (the amount is `MoneyJson`), so it can be
 * stored, sent and passed to `writeSepaDirectDebitFile` again unchanged.
 */
export type DirectDebitCollection = z.output<typeof directDebitCollectionSchema>;
