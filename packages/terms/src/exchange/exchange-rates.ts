import { currencyCodeSchema, decimalStringSchema, Money, type CurrencyCode } from "@kontor/money";
import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import { fail, guard, ok, type Result } from "../errors/terms-error.js";

/**
 * Exchange rates as an input (no network calls): one unit of `base` buys `rates[X]` units of X,
 * the way the ECB publishes its reference rates (`{ base: "EUR", rates: { USD: "1.0830" } }`).
 * Any two listed currencies convert through the base.
 */
export const exchangeRatesSchema = z.object({
  base: currencyCodeSchema,
  /** Day the rates were published; informational, shown in reasons. */
  date: isoDateSchema.optional(),
  rates: z.partialRecord(currencyCodeSchema, decimalStringSchema.refine((rate) => !/^-|^0*(\.0*)?$/.test(rate), "Rates must be positive")),
});

/** See {@link exchangeRatesSchema}. */
export type ExchangeRates = z.infer<typeof exchangeRatesSchema>;

function rateOf(rates: ExchangeRates, currency: CurrencyCode): string | undefined {
  return currency === rates.base ? "1" : rates.rates[currency];
}

/**
 * `amount` in `target` currency through `rates`, rounded half-up to the target's minor unit.
 * Same currency: `amount` unchanged. A missing rate is `EXCHANGE_RATE_MISSING`.
 */
export function convertMoney(amount: Money, target: CurrencyCode, rates: ExchangeRates | undefined): Result<Money> {
  if (amount.currency === target) return ok(amount);
  if (rates === undefined) {
    return fail("EXCHANGE_RATE_MISSING", `Converting ${amount.currency} to ${target} needs exchange rates`, ["exchangeRates"]);
  }
  const from = rateOf(rates, amount.currency);
  const to = rateOf(rates, target);
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? amount.currency : target;
    return fail("EXCHANGE_RATE_MISSING", `No ${rates.base}/${missing} rate given`, ["exchangeRates", "rates", missing]);
  }
  return guard(() => ok(Money.of(amount.multiply(to).divide(from).amount, target).round("half-up")));
}
