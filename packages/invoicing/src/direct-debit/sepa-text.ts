import { z } from "zod";
import { issue, type InvoicingIssue } from "../errors/invoicing-issue.js";

/** The longest name (creditor, debtor, initiating party) a SEPA file carries (`Max70Text`). */
export const SEPA_NAME_MAX_LENGTH = 70;
/** The longest unstructured remittance information (`RmtInf/Ustrd`, `Max140Text`). */
export const SEPA_REMITTANCE_MAX_LENGTH = 140;
/** The longest identifier (`MsgId`, `PmtInfId`, `EndToEndId`, `MndtId`; `Max35Text`). */
export const SEPA_IDENTIFIER_MAX_LENGTH = 35;

// The SEPA Latin character set (EPC217-08): what every SEPA bank must carry. Anything else may
// be rejected or garbled on the way to the debtor's bank.
const NOT_SEPA_CHARACTER = /[^A-Za-z0-9/\-?:().,'+ ]/g;
const SEPA_IDENTIFIER = /^[A-Za-z0-9/\-?:().,'+ ]+$/;

// German transliteration first: NFD would turn "Müller" into "Muller", which is not how the name
// is spelt without umlauts.
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  Ä: "Ae",
  Ö: "Oe",
  Ü: "Ue",
  ß: "ss",
  ẞ: "SS",
  "&": "+",
};

/**
 * `text` in the SEPA Latin character set `A-Z a-z 0-9 / - ? : ( ) . , ' + space`, at most
 * `maxLength` characters: ä→ae ö→oe ü→ue Ä→Ae Ö→Oe Ü→Ue ß→ss, `&`→`+`, other letters lose their
 * diacritics (`é`→`e`), every other character becomes a space; runs of whitespace become one
 * space, the ends are trimmed, and the result is cut to `maxLength` (and trimmed again).
 *
 * `toSepaText("Müller GmbH & Co. KG", 70)` is `"Mueller GmbH + Co. KG"`. The result can be empty
 * (a name in Chinese script); callers refuse that.
 */
export function toSepaText(text: string, maxLength: number): string {
  return text
    .normalize("NFC")
    .replace(/[äöüÄÖÜßẞ&]/g, (character) => TRANSLITERATIONS[character] ?? " ")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(NOT_SEPA_CHARACTER, " ")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, maxLength)
    .trimEnd();
}

/**
 * Why `value` is no SEPA identifier, or `undefined` when it is one: 1–35 characters of the SEPA
 * character set that neither start nor end with `/` and contain no `//` (EPC rulebook).
 */
export function sepaIdentifierProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > SEPA_IDENTIFIER_MAX_LENGTH) {
    return `A SEPA identifier has 1 to ${String(SEPA_IDENTIFIER_MAX_LENGTH)} characters, not ${String(value.length)}`;
  }
  if (!SEPA_IDENTIFIER.test(value)) {
    return `${JSON.stringify(value)} has characters outside the SEPA set A-Z a-z 0-9 / - ? : ( ) . , ' + space`;
  }
  if (value.startsWith("/") || value.endsWith("/") || value.includes("//")) {
    return `${JSON.stringify(value)} starts or ends with "/" or contains "//", which SEPA identifiers must not`;
  }
  return undefined;
}

/**
 * The `INVALID_INPUT` issue at `path` when `value` is no SEPA identifier (see
 * {@link sepaIdentifierProblem}), else `undefined`. Identifiers are never converted like text:
 * the bank reports them back (returns, statements), so they must reach it exactly as stored.
 */
export function sepaIdentifierIssue(value: string, path: readonly (string | number)[]): InvoicingIssue | undefined {
  const problem = sepaIdentifierProblem(value);
  return problem === undefined ? undefined : issue("INVALID_INPUT", problem, path);
}

/** zod schema of a SEPA identifier (`MsgId`, `EndToEndId`, `MndtId`): checked, never converted. */
export const sepaIdentifierSchema = z.string().check((context) => {
  const problem = sepaIdentifierProblem(context.value);
  if (problem !== undefined) context.issues.push({ code: "custom", message: problem, input: context.value });
});

/**
 * zod schema of a SEPA text field of at most `maxLength` characters: any string, converted with
 * {@link toSepaText}; refused when nothing is left after the conversion.
 */
export function sepaTextSchema(maxLength: number) {
  return z
    .string()
    .transform((text) => toSepaText(text, maxLength))
    .refine((text) => text.length > 0, "Nothing is left in the SEPA character set (A-Z a-z 0-9 / - ? : ( ) . , ' + space)");
}
