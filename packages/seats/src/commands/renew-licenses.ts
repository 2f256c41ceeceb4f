import type { SeatHistory } from "../history/seat-event.js";
import type { SeatResult } from "../seat-error.js";
import type { Instant } from "../time/instant.js";
import { type LicenseQuantityInput, licenseQuantityInputSchema } from "./buy-licenses.js";
import type { SeatCommandOptions } from "./command-options.js";
import { runCommand } from "./run-command.js";
import type { SeatCommandOutcome } from "./seat-command-outcome.js";

/** S3: renews `quantity` of the licenses due in the open renewal period. */
export function renewLicenses(
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
      type: "licenses-renewed",
      id: command.id,
      at,
      productId: command.productId,
      quantity: command.quantity,
    }),
    asOf,
    options,
  );
}
