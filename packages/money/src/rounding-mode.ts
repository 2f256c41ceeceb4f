import { z } from "zod";
import type { Decimal as DecimalJs } from "decimal.js";
import { Decimal } from "./decimal.js";

/**
 * How a value is rounded to a currency's minor unit:
 * - `half-up`: ties away from zero (2.345 → 2.35, −2.345 → −2.35); the default (P3)
 * - `half-even`: ties to the even digit, "banker's rounding" (2.345 → 2.34)
 * - `half-down`: ties toward zero (2.345 → 2.34, −2.345 → −2.34)
 * - `up`: away from zero (2.341 → 2.35)
 * - `down`: toward zero, truncation (2.349 → 2.34)
 */
export type RoundingMode = "half-up" | "half-even" | "half-down" | "up" | "down";

/** zod schema of a {@link RoundingMode}. */
export const roundingModeSchema = z.enum(["half-up", "half-even", "half-down", "up", "down"]);

/** decimal.js rounding constants by mode, looked up once. */
export const DECIMAL_ROUNDING: Readonly<Record<RoundingMode, DecimalJs.Rounding>> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  "half-down": Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};
