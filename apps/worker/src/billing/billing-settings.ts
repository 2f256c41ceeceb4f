import { readFileSync } from "node:fs";
import { paymentMeansSchema, sellerSchema, type PaymentMeansInput, type SellerInput } from "@kontor/invoicing";
import { z } from "zod";

/** Who bills the month-end invoices and how customers pay them. */
export interface BillingSettings {
  /** The installation's company: seller on invoices and issuer of service reports (C8). */
  readonly seller: SellerInput;
  /** How contingent invoices are paid (EN 16931 BG-16). */
  readonly paymentMeans: PaymentMeansInput;
  /** Days after the issue date until an invoice is due (T1 "net 30"). */
  readonly netDays: number;
}

/** The Systemhaus of seed 004 (CSM MeinSystemhaus): SEPA credit transfer, net 30. The demo's seller; a real installation names its own in `KONTOR_BILLING_SETTINGS_FILE`. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  seller: {
    name: "CSM MeinSystemhaus GmbH",
    address: { lines: ["Am Hellweg 12"], postcode: "48231", city: "Warendorf", countryCode: "DE" },
    vatId: "DE136695976",
    taxNumber: "304/5678/9012",
    contact: { name: "Sabrina Bruns", phone: "+49 2581 94142183", email: "rechnung@meinsystemhaus.de" },
    electronicAddress: { scheme: "EM", value: "rechnung@meinsystemhaus.de" },
  },
  paymentMeans: { kind: "sepa-credit-transfer", iban: "DE02 1203 0000 0000 2020 51", bic: "BYLADEM1001", accountName: "CSM MeinSystemhaus GmbH" },
  netDays: 30,
};

/** JSON form of {@link BillingSettings}: the file `KONTOR_BILLING_SETTINGS_FILE` names. */
export const billingSettingsSchema = z
  .object({
    seller: sellerSchema,
    paymentMeans: paymentMeansSchema,
    netDays: z.number().int().min(0).max(365),
  })
  .strict();

/**
 * Reads and checks the installation's billing settings from a JSON file. Every problem names the
 * file and the field, so a worker with a wrong seller or IBAN refuses to start instead of
 * putting it on invoices.
 */
export function readBillingSettingsFile(path: string): BillingSettings {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`KONTOR_BILLING_SETTINGS_FILE ${path} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = billingSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`KONTOR_BILLING_SETTINGS_FILE ${path}: ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  // The checked input, not zod's output: the documents compose from the input form (seller, IBAN as written).
  return json as BillingSettings;
}
