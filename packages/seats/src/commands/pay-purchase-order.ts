import { z } from "zod";
import { identifierSchema, type SeatHistory } from "../history/seat-event.js";
import type { SeatResult } from "../seat-error.js";
import type { Instant } from "../time/instant.js";
import type { SeatCommandOptions } from "./command-options.js";
import { runCommand } from "./run-command.js";
import type { SeatCommandOutcome } from "./seat-command-outcome.js";

/** Input of {@link payPurchaseOrder}. */
export interface PayPurchaseOrderInput {
  readonly id: string;
  readonly poId: string;
}

/** zod schema of {@link PayPurchaseOrderInput}. */
export const payPurchaseOrderInputSchema = z
  .object({ id: identifierSchema, poId: identifierSchema })
  .strict();

/**
 * S2, S9: records that payment of a whole purchase order was arranged at `asOf`. Within the window
 * its licenses become paid; after it, suspended licenses return and users on the "no access"
 * list regain access (effects `access-restored`, mails `access-restored`).
 */
export function payPurchaseOrder(
  history: SeatHistory,
  input: PayPurchaseOrderInput,
  asOf: Instant,
  options?: SeatCommandOptions,
): SeatResult<SeatCommandOutcome> {
  return runCommand(
    history,
    input,
    payPurchaseOrderInputSchema,
    (command, at) => ({ type: "purchase-order-paid", id: command.id, at, poId: command.poId }),
    asOf,
    options,
  );
}
