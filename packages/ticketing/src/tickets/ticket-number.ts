import { DateTime } from "luxon";
import { z } from "zod";
import { issue } from "../errors/ticketing-error.js";
import { fail, ok, type Result } from "../errors/result.js";
import { DEFAULT_ZONE, resolveZone, toEpochMs, type Instant } from "../time/instant.js";
import { dammCheckDigit, isValidDamm } from "./damm-check-digit.js";

/**
 * zod schema of the installation's ticket number format (K1): `prefix`, optional four-digit year,
 * zero-padded sequence and a Damm check digit over year and sequence, joined by `separator`.
 * The default yields `T-2026-000123-8`.
 */
export const ticketNumberFormatSchema = z
  .object({
    prefix: z.string().regex(/^[A-Z]{1,6}$/, "Expected 1–6 upper-case letters"),
    separator: z.enum(["-", "/", "."]),
    includeYear: z.boolean(),
    sequenceDigits: z.number().int().min(3).max(10),
  })
  .strict();

/** The installation's ticket number format (K1). */
export type TicketNumberFormat = z.infer<typeof ticketNumberFormatSchema>;

/** The shipped format: `T-2026-000123-8`. */
export const DEFAULT_TICKET_NUMBER_FORMAT: TicketNumberFormat = {
  prefix: "T",
  separator: "-",
  includeYear: true,
  sequenceDigits: 6,
};

/** A parsed ticket number. */
export interface ParsedTicketNumber {
  /** The canonical number as printed, e.g. `T-2026-000123-8`. */
  readonly number: string;
  /** The year part, when the format has one. */
  readonly year?: number;
  /** The sequence within the year (or the installation). */
  readonly sequence: number;
  /** The Damm check digit. */
  readonly checkDigit: number;
}

/**
 * zod schema of the sequence state that makes numbers unique per installation: the last sequence
 * handed out and, for formats with a year, the year it belongs to.
 */
export const ticketNumberSequenceSchema = z
  .object({
    year: z.number().int().min(1).max(9999).optional(),
    lastSequence: z.number().int().nonnegative(),
  })
  .strict();

/** The installation's ticket number sequence (persisted by the app, one row). */
export type TicketNumberSequence = z.infer<typeof ticketNumberSequenceSchema>;

const ESCAPE = /[.*+?^${}()|[\]\\/-]/g;
const patternCache = new Map<string, RegExp>();

function formatKey(format: TicketNumberFormat): string {
  return `${format.prefix}|${format.separator}|${String(format.includeYear)}|${format.sequenceDigits}`;
}

/**
 * The anchored pattern of a format, compiled once per distinct format (the intake hot path calls
 * this for every tagged subject).
 */
function numberPattern(format: TicketNumberFormat): RegExp {
  const key = formatKey(format);
  const cached = patternCache.get(key);
  if (cached !== undefined) return cached;
  const sep = format.separator.replace(ESCAPE, "\\$&");
  const year = format.includeYear ? `(\\d{4})${sep}` : "()";
  const pattern = new RegExp(`^${format.prefix}${sep}${year}(\\d{${format.sequenceDigits}})${sep}(\\d)$`, "i");
  patternCache.set(key, pattern);
  return pattern;
}

/** Formats year and sequence as a ticket number with its check digit. */
export function formatTicketNumber(format: TicketNumberFormat, sequence: number, year?: number): string {
  const sequencePart = String(sequence).padStart(format.sequenceDigits, "0");
  const yearPart = format.includeYear ? String(year ?? 0).padStart(4, "0") : "";
  const check = dammCheckDigit(`${yearPart}${sequencePart}`) ?? 0;
  const parts = format.includeYear
    ? [format.prefix, yearPart, sequencePart, String(check)]
    : [format.prefix, sequencePart, String(check)];
  return parts.join(format.separator);
}

/**
 * Parses and validates a ticket number (K1). A wrong shape is `K1_TICKET_NUMBER_FORMAT`; a
 * mistyped digit is `K1_TICKET_NUMBER_CHECK_DIGIT` (the Damm digit catches every single-digit
 * error and every swap of neighbouring digits). Letters are accepted in any case.
 */
export function parseTicketNumber(format: TicketNumberFormat, text: string): Result<ParsedTicketNumber> {
  const match = numberPattern(format).exec(text.trim());
  if (match === null) {
    return fail(issue("K1_TICKET_NUMBER_FORMAT", `"${text}" is not a ticket number like ${formatTicketNumber(format, 123, 2026)}`, ["number"]));
  }
  const yearPart = match[1] ?? "";
  const sequencePart = match[2] ?? "";
  const checkPart = match[3] ?? "";
  if (!isValidDamm(`${yearPart}${sequencePart}${checkPart}`)) {
    return fail(issue("K1_TICKET_NUMBER_CHECK_DIGIT", `Ticket number "${text}" has a wrong check digit (mistyped?)`, ["number"]));
  }
  const sequence = Number(sequencePart);
  const checkDigit = Number(checkPart);
  const year = format.includeYear ? Number(yearPart) : undefined;
  return ok({
    number: formatTicketNumber(format, sequence, year),
    ...(year === undefined ? {} : { year }),
    sequence,
    checkDigit,
  });
}

/** The result of {@link allocateTicketNumber}: the new number and the sequence to persist. */
export interface AllocatedTicketNumber {
  readonly number: string;
  readonly sequence: TicketNumberSequence;
}

/**
 * Hands out the next ticket number (K1). Formats with a year restart the sequence at 1 in a new
 * year (of `zone` at `asOf`); the year in the number keeps them unique. Exhausting the sequence
 * digits is `K1_TICKET_NUMBER_EXHAUSTED` rather than a silently longer number.
 *
 * @param format the installation's format
 * @param sequence the persisted sequence state
 * @param asOf creation instant
 * @param zone zone whose calendar year counts (default `Europe/Berlin`)
 */
export function allocateTicketNumber(
  format: TicketNumberFormat,
  sequence: TicketNumberSequence,
  asOf: Instant,
  zone: string = DEFAULT_ZONE,
): Result<AllocatedTicketNumber> {
  const year = format.includeYear ? DateTime.fromMillis(toEpochMs(asOf), { zone: resolveZone(zone) }).year : undefined;
  if (year !== undefined && sequence.year !== undefined && year < sequence.year) {
    // A number for an earlier year would restart at 1 and collide with numbers already issued.
    return fail(issue("K1_TICKET_NUMBER_OUT_OF_ORDER", `Cannot allocate a ${year} number after numbers of ${sequence.year} were issued`, ["asOf"]));
  }
  const restart = year !== undefined && sequence.year !== year;
  const next = restart ? 1 : sequence.lastSequence + 1;
  if (next >= 10 ** format.sequenceDigits) {
    return fail(issue("K1_TICKET_NUMBER_EXHAUSTED", `The ticket number sequence has no ${format.sequenceDigits}-digit number left`, ["sequence", "lastSequence"]));
  }
  return ok({
    number: formatTicketNumber(format, next, year),
    sequence: year === undefined ? { lastSequence: next } : { year, lastSequence: next },
  });
}
