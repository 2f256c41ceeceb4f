import { z } from "zod";
import { identifierSchema, type SeatHistory } from "../history/seat-event.js";
import type { SeatResult } from "../seat-error.js";
import type { Instant } from "../time/instant.js";
import type { SeatCommandOptions } from "./command-options.js";
import { runCommand } from "./run-command.js";
import type { SeatCommandOutcome } from "./seat-command-outcome.js";

/** Input of {@link buyLicenses} and {@link renewLicenses}. */
export interface LicenseQuantityInput {
  readonly id: string;
  readonly productId: string;
  readonly quantity: number;
}

/** zod schema of {@link LicenseQuantityInput}. */
export const licenseQuantityInputSchema = z
  .object({
    id: identifierSchema,
    productId: identifierSchema,
    quantity: z.number().int().positive().max(10_000_000),
  })
  .strict();

/**
 * S4 remedy "buy more licenses": paid licenses added at `asOf`. They shrink the deficit at once
 * and give users on the "no access" list their access back (S9).
 */
export function buyLicenses(
  history: SeatHistory,
  input: LicenseQuantityInput,
  asOf: Instant,
  options?: SeatCommandOptions,
): SeatResult<SeatCommandOutcome> {
  return runCommand(
    history,
    input,
    licenseQuantityInputSchema,
    (command, at) => ({
      type: "licenses-bought",
      id: command.id,
      at,
      productId: command.productId,
      quantity: command.quantity,
    }),
    asOf,
    options,
  );
}
