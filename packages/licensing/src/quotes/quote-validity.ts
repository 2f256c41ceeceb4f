import { type Instant, isoDateSchema, zoneSchema } from "@kontor/calendar";
import { z } from "zod";
import { parseWith } from "../errors/from-zod.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { readEvaluationTime } from "../time/evaluation-time.js";
import type { Quote } from "./quote.js";

/** zod schema of what {@link checkQuoteValid} reads from a (stored) quote. */
export const quoteValidityInputSchema = z.object({ quoteId: z.string().min(1), validUntil: isoDateSchema, zone: zoneSchema });

/** The part of a {@link Quote} that decides its validity. */
export type QuoteValidityInput = Pick<Quote, "quoteId" | "validUntil" | "zone">;

/**
 * L8: a quote can be accepted through the end of its `validUntil` day in the quote's zone;
 * afterwards `L8_QUOTE_EXPIRED` (details: `validUntil`).
 *
 * @param quote the quote (or its stored `quoteId`, `validUntil` and `zone`)
 * @param asOf the instant of acceptance
 */
export function checkQuoteValid(quote: QuoteValidityInput, asOf: Instant): LicensingResult<QuoteValidityInput> {
  const parsed = parseWith(quoteValidityInputSchema, { quoteId: quote.quoteId, validUntil: quote.validUntil, zone: quote.zone }, ["quote"]);
  if (!parsed.ok) return parsed;
  const time = readEvaluationTime(asOf, quote.zone);
  if (!time.ok) return time;
  if (time.value.today > quote.validUntil) {
    return fail(
      licensingError("L8_QUOTE_EXPIRED", `Quote ${quote.quoteId} was valid until ${quote.validUntil} (${quote.zone})`, ["asOf"], {
        validUntil: quote.validUntil,
      }),
    );
  }
  return ok(quote);
}
