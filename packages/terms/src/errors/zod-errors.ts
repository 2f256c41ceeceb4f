import type { z } from "zod";
import type { TermsError, TermsErrorCode } from "./terms-error.js";

/** The issues of a failed zod parse as {@link TermsError} values with the given code. */
export function zodErrors(error: z.ZodError, code: TermsErrorCode = "INVALID_INPUT"): TermsError[] {
  return error.issues.map((issue) => ({
    code,
    message: issue.message,
    path: issue.path.map((segment) => (typeof segment === "number" ? segment : String(segment))),
  }));
}
