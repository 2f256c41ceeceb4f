import type { IsoDate } from "@kontor/calendar";
import { z } from "zod";
import { type FieldPath, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { dateSchema, instantStringSchema } from "../time/zone-fields.js";

/** What a refund window is counted from (L17): the purchase, the payment, or the first paid month. */
export const REFUND_BASES = ["purchase", "payment", "first-paid-month"] as const;

/** What the refund window is counted from; see {@link REFUND_BASES}. */
export type RefundBasis = (typeof REFUND_BASES)[number];

/**
 * The refund of a license as its record keeps it (L17). A license with a `refund` is void: its
 * key is not read any more (L13), its maintenance is not renewed (L15), its tier not upgraded
 * (L19) and it is not refunded a second time.
 */
export interface LicenseRefund {
  /** The instant the refund was carried out (the command's `asOf`, UTC). */
  readonly refundedAt: string;
  /** The day of `refundedAt` in the customer's zone. */
  readonly refundedOn: IsoDate;
  /** Why the license was refunded, for people (1–500 characters). */
  readonly reason: string;
  /** Who carried out the refund (the context's `actor`); `null`: not named. */
  readonly refundedBy: string | null;
  /** What the window was counted from. */
  readonly basis: RefundBasis;
  /** The first day of the window (day 0), in the customer's zone. */
  readonly windowStart: IsoDate;
  /** The last day of the window, in the customer's zone. */
  readonly deadline: IsoDate;
  /** Which day of the window the refund was carried out on (0 … days of the window). */
  readonly day: number;
  /** The vendor policy (P1) whose window applied. */
  readonly policyId: string;
}

/**
 * zod schema of a {@link LicenseRefund}, as stored on a license record. Fields added by later
 * versions are dropped, never refused, so records refunded earlier stay readable.
 */
export const licenseRefundSchema = z.object({
  refundedAt: instantStringSchema,
  refundedOn: dateSchema,
  reason: z.string().min(1).max(500),
  refundedBy: z.string().min(1).nullable(),
  basis: z.enum(REFUND_BASES),
  windowStart: dateSchema,
  deadline: dateSchema,
  day: z.number().int().min(0),
  policyId: z.string().min(1),
});

/**
 * The guard every command on one license runs before anything else it decides: a refunded
 * license (L17) is void, so the command is refused with `L17_LICENSE_REFUNDED` at `path`
 * (details: `refundedAt`, `refundedOn`). `refund` is the license's `refund` field; `undefined`
 * and `null` mean not refunded.
 *
 * @param refund the license's refund, if any
 * @param consequence what is refused, for the message ("its key cannot be read", …)
 * @param path where the refund sits in the caller's input
 */
export function checkNotRefunded(
  refund: Pick<LicenseRefund, "refundedAt" | "refundedOn"> | null | undefined,
  consequence: string,
  path: FieldPath = ["refund"],
): LicensingResult<void> {
  if (refund === undefined || refund === null) return ok(undefined);
  return fail(
    licensingError(
      "L17_LICENSE_REFUNDED",
      `The license was refunded on ${refund.refundedOn} and is void: ${consequence}`,
      path,
      { refundedAt: refund.refundedAt, refundedOn: refund.refundedOn },
    ),
  );
}
