import { z } from "zod";

/** ISO 9362: four letters of the institution, two of the country, two of the location, three optional of the branch. */
const BIC_SHAPE = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** Whether `text` is a BIC (ISO 9362) of 8 or 11 characters in upper case, e.g. `BYLADEM1001`. */
export function isValidBic(text: string): boolean {
  return BIC_SHAPE.test(text);
}

/**
 * zod schema of a BIC (EN 16931 BT-86; `BICFI` in ISO 20022 messages): 8 or 11 characters, upper
 * case, no spaces.
 */
export const bicSchema = z.string().regex(BIC_SHAPE, "Expected a BIC like BYLADEM1001");
