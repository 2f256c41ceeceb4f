import { z } from "zod";
import { fail, ok, type Result } from "../errors/terms-error.js";
import { CHECK_DIGITS } from "./check-digits.js";
import { VAT_ID_FORMATS, type VatIdCountry } from "./vat-id-formats.js";

/** A VAT ID that passed the format (and, where published, check-digit) validation. */
export interface VatId {
  /** Normalized form: prefix + number, upper case, no separators (`"DE136695976"`). */
  readonly value: string;
  /** The 2-letter prefix (`"EL"` for Greece, `"XI"` for Northern Ireland). */
  readonly prefix: string;
  /** The national number after the prefix. */
  readonly number: string;
  /** ISO country of the prefix (`"GR"` for `EL`), or `"XI"`. */
  readonly country: VatIdCountry;
  /** `verified` when a published check-digit algorithm was applied; `format-only` otherwise. */
  readonly checkDigit: "verified" | "format-only";
}

/** zod schema of a VAT ID string as typed by people (separators allowed). */
export const vatIdInputSchema = z.string().min(3).max(20);

/**
 * The normalized form of a typed VAT ID: upper case, without spaces, dots, hyphens, slashes or
 * colons (`"de 136.695.976"` → `"DE136695976"`).
 */
export function normalizeVatId(input: string): string {
  return input.toUpperCase().replace(/[\s.\-/:]/g, "");
}

/**
 * Checks a VAT ID before it is used (RULES.md T4): the prefix must be an EU member state's (or
 * `XI`), the number must have the country's format, and where the algorithm is published its
 * check digits must match. An invalid ID is an error with a stable code — never a silent 0 %.
 * This does not ask VIES whether the ID is registered; it proves the ID is well-formed.
 *
 * @example
 * ```ts
 * validateVatId("DE 136 695 976"); // ok: { value: "DE136695976", country: "DE", checkDigit: "verified" }
 * validateVatId("DE136695977");    // error T4_VAT_ID_CHECK_DIGIT
 * ```
 */
export function validateVatId(input: string, path: readonly (string | number)[] = ["vatId"]): Result<VatId> {
  const value = normalizeVatId(input);
  const prefix = value.slice(0, 2);
  const number = value.slice(2);
  const format = VAT_ID_FORMATS[prefix];
  if (format === undefined) {
    return fail("T4_VAT_ID_UNKNOWN_PREFIX", `${JSON.stringify(input)} does not start with the VAT prefix of an EU member state or XI`, path);
  }
  if (!format.pattern.test(number)) {
    return fail("T4_VAT_ID_FORMAT", `${JSON.stringify(input)} does not have the ${prefix} format (${format.description})`, path);
  }
  const check = CHECK_DIGITS[prefix]?.(number);
  if (check === false) return fail("T4_VAT_ID_CHECK_DIGIT", `${JSON.stringify(input)} fails the ${prefix} check-digit test`, path);
  return ok({ value, prefix, number, country: format.country, checkDigit: check === true ? "verified" : "format-only" });
}
