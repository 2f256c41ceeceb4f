import type { z } from "zod";
import { type SeatError, type SeatErrorCode, type SeatErrorPath, seatError } from "./seat-error.js";

/** The `params.code` a custom zod issue may carry to choose its {@link SeatErrorCode}. */
export interface SeatIssueParams {
  readonly seatErrorCode?: SeatErrorCode;
}

/**
 * Turns zod issues into {@link SeatError} values under `prefix`, so that schema failures come back
 * with the same shape as rule failures. A custom issue may name its own code in
 * `params.seatErrorCode`.
 */
export function zodIssuesToErrors(
  error: z.ZodError,
  prefix: SeatErrorPath,
  code: SeatErrorCode = "S10_INVALID_INPUT",
): SeatError[] {
  return error.issues.map((issue) => {
    const params = issue.code === "custom" ? (issue.params as SeatIssueParams | undefined) : undefined;
    return seatError(params?.seatErrorCode ?? code, issue.message, [
      ...prefix,
      ...issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)),
    ]);
  });
}
