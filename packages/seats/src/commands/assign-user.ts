import { z } from "zod";
import { identifierSchema, type SeatHistory, type UserAssignedEvent } from "../history/seat-event.js";
import type { SeatResult } from "../seat-error.js";
import type { Instant } from "../time/instant.js";
import type { SeatCommandOptions } from "./command-options.js";
import { runCommand } from "./run-command.js";
import type { SeatCommandOutcome } from "./seat-command-outcome.js";

/** Input of {@link assignUser}. */
export interface AssignUserInput {
  readonly id: string;
  readonly productId: string;
  readonly userId: string;
  readonly email?: string | undefined;
  readonly displayName?: string | undefined;
}

/** zod schema of {@link AssignUserInput}. */
export const assignUserInputSchema = z
  .object({
    id: identifierSchema,
    productId: identifierSchema,
    userId: identifierSchema,
    email: z.string().min(1).max(320).optional(),
    displayName: z.string().min(1).max(200).optional(),
  })
  .strict();

/**
 * S1, S3: assigns a user to a product at `asOf`, taking a free license (paid, or unpaid within
 * its window). The user gets the S1 "access granted" mail. Refused with `S3_NO_LICENSE_AVAILABLE`
 * when every license is taken and with `S3_ALREADY_ASSIGNED` for a user who has one.
 */
export function assignUser(
  history: SeatHistory,
  input: AssignUserInput,
  asOf: Instant,
  options?: SeatCommandOptions,
): SeatResult<SeatCommandOutcome> {
  return runCommand(
    history,
    input,
    assignUserInputSchema,
    (command, at) => {
      const event: { -readonly [K in keyof UserAssignedEvent]: UserAssignedEvent[K] } = {
        type: "user-assigned",
        id: command.id,
        at,
        productId: command.productId,
        userId: command.userId,
      };
      if (command.email !== undefined) event.email = command.email;
      if (command.displayName !== undefined) event.displayName = command.displayName;
      return event;
    },
    asOf,
    options,
  );
}
