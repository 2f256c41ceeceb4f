import { z } from "zod";

/**
 * A named number series: a format with a year and a zero-padded sequence, such as
 * `RE-{YYYY}-{SEQ:6}` for `RE-2026-000123`.
 *
 * Tokens: `{YYYY}` four-digit year, `{YY}` two-digit year, `{SEQ:n}` the sequence with `n`
 * digits (1–12). Everything else is literal and limited to letters, digits and `-_/.`, so a
 * number is safe in file names, XML and PDF metadata.
 *
 * The library formats, parses and validates numbers; uniqueness and gap-free issuing are
 * guaranteed by the database that hands out the next sequence (§14 Abs. 4 Nr. 4 UStG).
 */
export interface NumberSeries {
  /** Stable ID of the series, e.g. `"invoices"`. */
  readonly id: string;
  /** The format, e.g. `"RE-{YYYY}-{SEQ:6}"`. */
  readonly format: string;
  /** Whether the sequence starts again at 1 every year (needs a year token). */
  readonly resetsYearly: boolean;
}

const FORMAT = /^(?:[A-Za-z0-9\-_/.]|\{YYYY\}|\{YY\}|\{SEQ:(?:[1-9]|1[0-2])\})+$/;

/** zod schema of a {@link NumberSeries}. */
export const numberSeriesSchema = z
  .object({
    id: z.string().min(1).max(64),
    format: z
      .string()
      .regex(FORMAT, "Use letters, digits, -_/. and the tokens {YYYY}, {YY}, {SEQ:n}")
      .refine((format) => (format.match(/\{SEQ:\d+\}/g) ?? []).length === 1, {
        message: "The format needs exactly one {SEQ:n} token",
      })
      .refine((format) => (format.match(/\{YYYY\}|\{YY\}/g) ?? []).length <= 1, {
        message: "The format may contain at most one year token",
      }),
    resetsYearly: z.boolean().default(true),
  })
  .strict()
  .refine((series) => !series.resetsYearly || /\{YYYY\}|\{YY\}/.test(series.format), {
    message: "A series that resets yearly needs {YYYY} or {YY} in its format",
    path: ["resetsYearly"],
  });

/** The input form of a {@link NumberSeries} (`resetsYearly` defaults to true). */
export type NumberSeriesInput = z.input<typeof numberSeriesSchema>;

/** Default series: invoices `RE-2026-000123`. */
export const INVOICE_NUMBER_SERIES: NumberSeries = Object.freeze({
  id: "invoices",
  format: "RE-{YYYY}-{SEQ:6}",
  resetsYearly: true,
});

/**
 * Default series: credit notes `RK-2026-000001` (Rechnungskorrektur). Not "Gutschrift": in
 * §14 Abs. 2 UStG that word means self-billing by the buyer.
 */
export const CREDIT_NOTE_NUMBER_SERIES: NumberSeries = Object.freeze({
  id: "credit-notes",
  format: "RK-{YYYY}-{SEQ:6}",
  resetsYearly: true,
});

/** Default series: delivery notes `LS-2026-000001` (Lieferschein). */
export const DELIVERY_NOTE_NUMBER_SERIES: NumberSeries = Object.freeze({
  id: "delivery-notes",
  format: "LS-{YYYY}-{SEQ:6}",
  resetsYearly: true,
});

/** Default series: order confirmations `AB-2026-000001` (Auftragsbestätigung). */
export const ORDER_CONFIRMATION_NUMBER_SERIES: NumberSeries = Object.freeze({
  id: "order-confirmations",
  format: "AB-{YYYY}-{SEQ:6}",
  resetsYearly: true,
});
