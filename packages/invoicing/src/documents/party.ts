import { z } from "zod";
import { validateVatId, VAT_ID_FORMATS } from "@kontor/terms";

/** zod schema of a postal address (EN 16931 BG-5 / BG-8). */
export const postalAddressSchema = z
  .object({
    /** Street and house number, then optional additional lines (BT-35, BT-36, BT-162). */
    lines: z.array(z.string().min(1).max(200)).min(1).max(3),
    /** Postcode (BT-38); XRechnung requires it for seller and buyer (BR-DE-4, BR-DE-9). */
    postcode: z.string().min(1).max(20),
    /** City (BT-37). */
    city: z.string().min(1).max(100),
    /** ISO 3166-1 alpha-2 country code (BT-40). */
    countryCode: z.string().regex(/^[A-Z]{2}$/, "Expected an ISO 3166-1 alpha-2 code like DE"),
  })
  .strict();

/** A postal address. */
export type PostalAddress = z.output<typeof postalAddressSchema>;

/** zod schema of a contact person (EN 16931 BG-6 / BG-9). */
export const contactSchema = z
  .object({
    name: z.string().min(1).max(200),
    phone: z.string().min(1).max(50),
    email: z.email(),
  })
  .strict();

/** A contact person with phone and e-mail. */
export type Contact = z.output<typeof contactSchema>;

/**
 * zod schema of a VAT identification number: country prefix and 2–12 characters
 * (`DE136695976`). An EU member state's (or `XI`) is checked with `@kontor/terms`'
 * `validateVatId` for its country's format and, where published, its check digits (T4: an
 * invalid ID is a clear error, never a silent 0 % reverse charge); another country's tax
 * number (a Swiss `CHE…`) keeps only the shape check.
 */
export const vatIdSchema = z
  .string()
  .regex(/^[A-Z]{2}[0-9A-Z+*]{2,12}$/, "Expected a VAT ID like DE136695976")
  .check((context) => {
    if (VAT_ID_FORMATS[context.value.slice(0, 2)] === undefined) return;
    const checked = validateVatId(context.value, []);
    if (!checked.ok) context.issues.push({ code: "custom", message: checked.errors[0]?.message ?? "Invalid VAT ID", input: context.value });
  });

/**
 * zod schema of an electronic address (BT-34 / BT-49), mandatory in XRechnung 3: a scheme from
 * the EAS code list (`EM` e-mail, `0204` Leitweg-ID, `9930` German VAT ID, …) and the value.
 */
export const electronicAddressSchema = z
  .object({
    scheme: z.string().regex(/^[0-9A-Z]{2,4}$/, "Expected an EAS scheme code like EM or 0204"),
    value: z.string().min(1).max(200),
  })
  .strict();

/** An electronic address for e-invoice delivery. */
export type ElectronicAddress = z.output<typeof electronicAddressSchema>;

/** zod schema of a party (seller or buyer) on a document. */
export const partySchema = z
  .object({
    /** Legal name (BT-27 / BT-44). */
    name: z.string().min(1).max(200),
    /** Own ID of the party, e.g. the customer number (BT-29 / BT-46). */
    id: z.string().min(1).max(100).optional(),
    address: postalAddressSchema,
    /** VAT identification number (BT-31 / BT-48), `schemeID="VA"`. */
    vatId: vatIdSchema.optional(),
    /** German tax number, Steuernummer (BT-32), `schemeID="FC"`. */
    taxNumber: z.string().min(1).max(50).optional(),
    /** Commercial register entry, e.g. `HRB 12345, Amtsgericht Münster` (BT-30). */
    legalRegistration: z.string().min(1).max(200).optional(),
    contact: contactSchema.optional(),
    electronicAddress: electronicAddressSchema.optional(),
  })
  .strict();

/** A seller or buyer. */
export type Party = z.output<typeof partySchema>;
/** The input form of a {@link Party}. */
export type PartyInput = z.input<typeof partySchema>;

/**
 * zod schema of the seller: XRechnung requires the seller's contact with name, phone and e-mail
 * (BR-DE-2, BR-DE-5..7) and an electronic address (BT-34).
 */
export const sellerSchema = partySchema.extend({
  contact: contactSchema,
  electronicAddress: electronicAddressSchema,
});

/** The seller of a document. */
export type Seller = z.output<typeof sellerSchema>;
/** The input form of a {@link Seller}. */
export type SellerInput = z.input<typeof sellerSchema>;

/** zod schema of the buyer: XRechnung requires an electronic address (BT-49). */
export const buyerSchema = partySchema.extend({
  electronicAddress: electronicAddressSchema,
});

/** The buyer of a document. */
export type Buyer = z.output<typeof buyerSchema>;
/** The input form of a {@link Buyer}. */
export type BuyerInput = z.input<typeof buyerSchema>;
