import { readFileSync } from "node:fs";
import { billingSettingsSchema, type BillingSettings } from "@kontor/invoicing";

// The schema and type live in @kontor/invoicing, so the API checks what it stores with the same
// schema the worker reads files and stored rows with; re-exported for the worker's callers.
export { billingSettingsSchema, type BillingSettings };

/**
 * The Systemhaus of seed 004 (CSM MeinSystemhaus): SEPA credit transfer, net 30, and the
 * Bundesbank's example creditor ID for direct debits of rental and hosting months (C8, T7). The
 * demo's seller; a real installation names its own in `KONTOR_BILLING_SETTINGS_FILE`.
 */
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
  sepaCreditorId: "DE98ZZZ09999999999",
};

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
