import { z } from "zod";
import { identifierSchema, type SeatHistory } from "../history/seat-event.js";
import type { SeatResult } from "../seat-error.js";
import type { Instant } from "../time/instant.js";
import type { SeatCommandOptions } from "./command-options.js";
import { runCommand } from "./run-command.js";
import type { SeatCommandOutcome } from "./seat-command-outcome.js";

/** Input of {@link unassignUser}. */
export interface UnassignUserInput {
  readonly id: string;
  readonly productId: string;
  readonly userId: string;
}

/** zod schema of {@link UnassignUserInput}. */
export const unassignUserInputSchema = z
  .object({ id: identifierSchema, productId: identifierSchema, userId: identifierSchema })
  .strict();

/**
 * S4, S7: removes a user's assignment at `asOf`. If the user held a paid license, the first user
 * of the "must be paid" list moves onto it (effect `moved-onto-paid-license`); the notice keeps
 * counting the unpaid licenses. Unassigning a user on the "no access" list removes them from it.
 */
export function unassignUser(
  history: SeatHistory,
  input: UnassignUserInput,
  asOf: Instant,
  options?: SeatCommandOptions,
): SeatResult<SeatCommandOutcome> {
  return runCommand(
    history,
    input,
    unassignUserInputSchema,
    (command, at) => ({
      type: "user-unassigned",
      id: command.id,
      at,
      productId: command.productId,
      userId: command.userId,
    }),
    asOf,
    options,
  );
}
