import { z } from "zod";
import { identifierSchema, type SeatHistory } from "../history/seat-event.js";
import type { SeatResult } from "../seat-error.js";
import { instantStringSchema, type Instant } from "../time/instant.js";
import type { SeatCommandOptions } from "./command-options.js";
import { runCommand } from "./run-command.js";
import type { SeatCommandOutcome } from "./seat-command-outcome.js";

/** Input of {@link openRenewalPeriod}. */
export interface OpenRenewalPeriodInput {
  readonly id: string;
  readonly productId: string;
  /** End of the period (exclusive), ISO 8601 with offset. */
  readonly endsAt: string;
}

/** zod schema of {@link OpenRenewalPeriodInput}. */
export const openRenewalPeriodInputSchema = z
  .object({ id: identifierSchema, productId: identifierSchema, endsAt: instantStringSchema })
  .strict();

/** S3: opens a product's renewal period at `asOf`; the paid licenses held now are due. */
export function openRenewalPeriod(
  history: SeatHistory,
  input: OpenRenewalPeriodInput,
  asOf: Instant,
  options?: SeatCommandOptions,
): SeatResult<SeatCommandOutcome> {
  return runCommand(
    history,
    input,
    openRenewalPeriodInputSchema,
    (command, at) => ({
      type: "renewal-period-opened",
      id: command.id,
      at,
      productId: command.productId,
      endsAt: command.endsAt,
    }),
    asOf,
    options,
  );
}
