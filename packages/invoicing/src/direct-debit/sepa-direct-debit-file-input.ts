import { z } from "zod";
import { bicSchema } from "../banking/bic.js";
import { ibanSchema } from "../banking/iban.js";
import { directDebitCollectionSchema } from "./direct-debit-collection.js";
import { SEPA_NAME_MAX_LENGTH, sepaIdentifierSchema, sepaTextSchema } from "./sepa-text.js";

/**
 * zod schema of what `writeSepaDirectDebitFile` writes into one pain.008.001.08 file: the
 * message ID (`MsgId`, unique per file, a SEPA identifier that also leaves room for the payment
 * information IDs `<messageId>-<n>`), the instant the file is created (ISO 8601 with `Z` or an
 * offset; written as UTC without fraction, P2: never read from the clock), the initiating party's
 * name, the creditor (the seller: name, IBAN, optional BIC) and at least one collection.
 */
export const sepaDirectDebitFileInputSchema = z.strictObject({
  messageId: sepaIdentifierSchema,
  createdAt: z.iso.datetime({ offset: true }),
  /** Who sends the file (`InitgPty/Nm`), usually the seller; converted, at most 70 characters. */
  initiatingParty: sepaTextSchema(SEPA_NAME_MAX_LENGTH),
  creditor: z.strictObject({
    /** `Cdtr/Nm`; converted, at most 70 characters. */
    name: sepaTextSchema(SEPA_NAME_MAX_LENGTH),
    /** The account the money is collected to (`CdtrAcct`). */
    iban: ibanSchema,
    /** The creditor's bank (`CdtrAgt`); `NOTPROVIDED` without it. */
    bic: bicSchema.optional(),
  }),
  collections: z.array(directDebitCollectionSchema).min(1),
});

/** The input of `writeSepaDirectDebitFile`, as given. */
export type SepaDirectDebitFileInput = z.input<typeof sepaDirectDebitFileInputSchema>;
