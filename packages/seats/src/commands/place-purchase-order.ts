import { z } from "zod";
import {
  type PurchaseOrderLine,
  identifierSchema,
  purchaseOrderLinesSchema,
  type SeatHistory,
} from "../history/seat-event.js";
import type { SeatResult } from "../seat-error.js";
import type { Instant } from "../time/instant.js";
import type { SeatCommandOptions } from "./command-options.js";
import { runCommand } from "./run-command.js";
import type { SeatCommandOutcome } from "./seat-command-outcome.js";

/** Input of {@link placePurchaseOrder}. */
export interface PlacePurchaseOrderInput {
  /** Id of the event to append (unique in the history). */
  readonly id: string;
  readonly poId: string;
  readonly lines: readonly PurchaseOrderLine[];
}

/** zod schema of {@link PlacePurchaseOrderInput}. */
export const placePurchaseOrderInputSchema = z
  .object({ id: identifierSchema, poId: identifierSchema, lines: purchaseOrderLinesSchema })
  .strict();

/**
 * S1, S2: places a purchase order at `asOf`; its licenses are usable at once and unpaid, and its
 * window starts. Refused with `S8_PURCHASE_ORDERS_BLOCKED` while payment is outstanding.
 */
export function placePurchaseOrder(
  history: SeatHistory,
  input: PlacePurchaseOrderInput,
  asOf: Instant,
  options?: SeatCommandOptions,
): SeatResult<SeatCommandOutcome> {
  return runCommand(
    history,
    input,
    placePurchaseOrderInputSchema,
    (command, at) => ({
      type: "purchase-order-placed",
      id: command.id,
      at,
      poId: command.poId,
      lines: command.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    }),
    asOf,
    options,
  );
}
