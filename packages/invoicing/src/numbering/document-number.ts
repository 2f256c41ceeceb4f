import { issue, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import type { NumberSeries } from "./number-series.js";

/** The parts of a document number: the year (when the format has one) and the sequence. */
export interface DocumentNumberParts {
  /** The four-digit year, or `null` when the format has no year token. */
  readonly year: number | null;
  /** The sequence, starting at 1. */
  readonly sequence: number;
}

/**
 * One part of a series format: literal text, the year (`{YYYY}` 4, `{YY}` 2 digits) or the
 * zero-padded sequence (`{SEQ:n}`). Internal: shared with the number search of the bank
 * statement import, not exported from the package.
 */
export type NumberFormatToken =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "year"; readonly digits: 2 | 4 }
  | { readonly kind: "sequence"; readonly digits: number };

type Token = NumberFormatToken;

interface CompiledSeries {
  readonly tokens: readonly Token[];
  readonly pattern: RegExp;
  readonly sequenceDigits: number;
}

// Series are few and formats are reused for every number: compile once.
const compiled = new Map<string, CompiledSeries>();

function compile(format: string): CompiledSeries {
  const cached = compiled.get(format);
  if (cached !== undefined) return cached;
  const tokens: Token[] = [];
  let source = "^";
  let sequenceDigits = 0;
  for (const match of format.matchAll(/\{YYYY\}|\{YY\}|\{SEQ:(\d+)\}|[^{]+/g)) {
    const text = match[0];
    if (text === "{YYYY}" || text === "{YY}") {
      const digits = text === "{YYYY}" ? 4 : 2;
      tokens.push({ kind: "year", digits });
      source += `(\\d{${digits}})`;
    } else if (match[1] !== undefined) {
      sequenceDigits = Number(match[1]);
      tokens.push({ kind: "sequence", digits: sequenceDigits });
      source += `(\\d{${sequenceDigits}})`;
    } else {
      tokens.push({ kind: "literal", text });
      source += text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    }
  }
  const result = { tokens, pattern: new RegExp(`${source}$`), sequenceDigits };
  compiled.set(format, result);
  return result;
}

/** The tokens of a series format, compiled once per format (see {@link NumberFormatToken}). */
export function numberFormatTokens(format: string): readonly NumberFormatToken[] {
  return compile(format).tokens;
}

/**
 * Formats the number with `sequence` in `year`: `formatDocumentNumber(INVOICE_NUMBER_SERIES,
 * { year: 2026, sequence: 123 })` is `RE-2026-000123`.
 */
export function formatDocumentNumber(
  series: NumberSeries,
  parts: { readonly year: number; readonly sequence: number },
): Result<string> {
  const { tokens, sequenceDigits } = compile(series.format);
  const errors: InvoicingIssue[] = [];
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1) {
    errors.push(issue("INVALID_INPUT", "The sequence starts at 1", ["sequence"]));
  } else if (String(parts.sequence).length > sequenceDigits) {
    errors.push(
      issue(
        "NUMBER_SEQUENCE_EXHAUSTED",
        `Series ${series.id} has ${sequenceDigits} sequence digits; ${parts.sequence} does not fit`,
        ["sequence"],
      ),
    );
  }
  if (!Number.isSafeInteger(parts.year) || parts.year < 1000 || parts.year > 9999) {
    errors.push(issue("INVALID_INPUT", "The year must have four digits", ["year"]));
  }
  if (errors.length > 0) return failure(errors);
  const text = tokens
    .map((token) => {
      switch (token.kind) {
        case "literal":
          return token.text;
        case "year":
          return String(parts.year).slice(4 - token.digits);
        case "sequence":
          return String(parts.sequence).padStart(token.digits, "0");
      }
    })
    .join("");
  return success(text);
}

/**
 * Reads a number of `series` back into its parts. A two-digit year is read as 20YY.
 * Fails with `NUMBER_FORMAT_INVALID` for anything that does not match the format exactly.
 */
export function parseDocumentNumber(series: NumberSeries, text: string): Result<DocumentNumberParts> {
  const { tokens, pattern } = compile(series.format);
  const match = pattern.exec(text);
  if (match === null) {
    return failure([
      issue(
        "NUMBER_FORMAT_INVALID",
        `"${text}" is not a number of series ${series.id} (${series.format})`,
        [],
      ),
    ]);
  }
  let group = 1;
  let year: number | null = null;
  let sequence = 0;
  for (const token of tokens) {
    if (token.kind === "literal") continue;
    const value = Number(match[group]);
    group += 1;
    if (token.kind === "year") year = token.digits === 4 ? value : 2000 + value;
    else sequence = value;
  }
  if (sequence < 1) {
    return failure([issue("NUMBER_FORMAT_INVALID", `"${text}" has sequence 0; sequences start at 1`)]);
  }
  return success(Object.freeze({ year, sequence }));
}

/** Whether `text` is a well-formed number of `series`. */
export function isDocumentNumber(series: NumberSeries, text: string): boolean {
  return parseDocumentNumber(series, text).ok;
}

/**
 * The number that follows `lastIssued` in `year`: the next sequence, or 1 in a new year when
 * the series resets yearly, or 1 when nothing was issued yet. The database calls this inside
 * the transaction that reserves the number, so no number is skipped or issued twice.
 */
export function nextDocumentNumber(
  series: NumberSeries,
  options: { readonly year: number; readonly lastIssued: string | null },
): Result<string> {
  if (options.lastIssued === null) return formatDocumentNumber(series, { year: options.year, sequence: 1 });
  const last = parseDocumentNumber(series, options.lastIssued);
  if (!last.ok) return failure(last.errors.map((item) => ({ ...item, path: ["lastIssued"] })));
  const { year, sequence } = last.value;
  if (year !== null && year > options.year) {
    return failure([
      issue(
        "NUMBER_YEAR_MISMATCH",
        `The last number ${options.lastIssued} is from ${year}, after ${options.year}`,
        ["year"],
      ),
    ]);
  }
  const newYear = year !== null && year < options.year;
  const next = newYear && series.resetsYearly ? 1 : sequence + 1;
  return formatDocumentNumber(series, { year: options.year, sequence: next });
}

/**
 * Checks that `issued` (numbers of one series, any order) are unique and gap-free: per year
 * (or overall when the series does not reset) the sequences are exactly 1..n. Reports every
 * duplicate (`NUMBER_DUPLICATE`), malformed number (`NUMBER_FORMAT_INVALID`) and missing number
 * (`NUMBER_GAP`, with the missing numbers in the message).
 */
export function checkNumberSequence(series: NumberSeries, issued: readonly string[]): Result<true> {
  const errors: InvoicingIssue[] = [];
  const seen = new Set<string>();
  const byYear = new Map<string, number[]>();
  const yearOf = new Map<string, number>();
  issued.forEach((text, index) => {
    if (seen.has(text)) {
      errors.push(issue("NUMBER_DUPLICATE", `${text} was issued twice`, [index]));
      return;
    }
    seen.add(text);
    const parts = parseDocumentNumber(series, text);
    if (!parts.ok) {
      errors.push(...parts.errors.map((item) => ({ ...item, path: [index] })));
      return;
    }
    const key = series.resetsYearly ? String(parts.value.year) : "all";
    if (parts.value.year !== null) yearOf.set(key, parts.value.year);
    const list = byYear.get(key) ?? [];
    list.push(parts.value.sequence);
    byYear.set(key, list);
  });
  for (const [key, sequences] of byYear) {
    const present = new Set(sequences);
    const max = sequences.reduce((highest, sequence) => Math.max(highest, sequence), 0);
    const missing: string[] = [];
    for (let sequence = 1; sequence <= max && missing.length <= 10; sequence += 1) {
      if (!present.has(sequence)) {
        // Without a yearly reset the year of a missing number is unknown: name its sequence.
        const year = series.resetsYearly ? yearOf.get(key) : undefined;
        const formatted = year === undefined ? undefined : formatDocumentNumber(series, { year, sequence });
        missing.push(formatted?.ok === true ? formatted.value : `sequence ${sequence}`);
      }
    }
    if (missing.length > 0) {
      errors.push(
        issue(
          "NUMBER_GAP",
          `Series ${series.id} has a gap: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""} missing`,
        ),
      );
    }
  }
  return errors.length > 0 ? failure(errors) : success(true);
}
