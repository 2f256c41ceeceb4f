import { z } from "zod";
import { mod97 } from "./mod97.js";

/**
 * IBAN lengths of the SEPA countries (ISO 13616 registry). A country not listed is checked for
 * the general shape and its check digits only.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27,
  VA: 22,
};

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** An IBAN as written on paper (`"DE02 1203 …"`, lower case) in its electronic form: no spaces, upper case. */
export function normalizeIban(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

/**
 * Why an IBAN (electronic form) is not valid, or `undefined` when it is: the shape, the length
 * of its country and the check digits (ISO 13616: the number with its first four characters
 * moved to the end leaves remainder 1 modulo 97), which catch every single mistyped character
 * and every swap of two neighbouring ones.
 */
export function ibanProblem(iban: string): string | undefined {
  if (!IBAN_SHAPE.test(iban)) return "Expected an IBAN like DE02120300000000202051";
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return `An IBAN of ${iban.slice(0, 2)} has ${String(length)} characters, not ${String(iban.length)}`;
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return "The IBAN's check digits do not match: a character is mistyped";
  return undefined;
}

/** Whether `text` (spaces and lower case allowed) is a valid IBAN; see {@link ibanProblem}. */
export function isValidIban(text: string): boolean {
  return ibanProblem(normalizeIban(text)) === undefined;
}

/**
 * zod schema of an IBAN: spaces and lower case are accepted and removed; the result is the
 * electronic form with valid check digits (EN 16931 BT-84, BT-91).
 */
export const ibanSchema = z
  .string()
  .transform(normalizeIban)
  .check((context) => {
    const problem = ibanProblem(context.value);
    if (problem !== undefined) context.issues.push({ code: "custom", message: problem, input: context.value });
  });
