import { z } from "zod";
import { mod97 } from "./mod97.js";

const CREDITOR_ID_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/;

/**
 * Whether a SEPA creditor identifier (`DE98ZZZ09999999999`) is valid (EPC262-08): the country,
 * two check digits, a three-character business code that the check ignores, and the national
 * identifier; the national identifier followed by the country and the check digits leaves
 * remainder 1 modulo 97.
 */
export function isValidSepaCreditorId(text: string): boolean {
  if (!CREDITOR_ID_SHAPE.test(text)) return false;
  return mod97(text.slice(7) + text.slice(0, 4)) === 1;
}

/** zod schema of a SEPA creditor identifier (EN 16931 BT-90) with valid check digits. */
export const sepaCreditorIdSchema = z
  .string()
  .refine(isValidSepaCreditorId, "Expected a SEPA creditor ID like DE98ZZZ09999999999 with valid check digits");
