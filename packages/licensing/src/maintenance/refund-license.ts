import { type Instant, type IsoDate, instantSchema } from "@kontor/calendar";
import { z } from "zod";
import { type BillingModel, billingModelSchema } from "../catalog/billing-model.js";
import { type Edition, editionSchema, isSelfManaged } from "../catalog/edition.js";
import { parseWith } from "../errors/from-zod.js";
import { licensingError, withPathPrefix } from "../errors/licensing-error.js";
import { type LicensingResult, fail, failAll, ok } from "../errors/result.js";
import { vendorPolicyOn } from "../policies/policy-set.js";
import { type RuleContext, resolveContext } from "../policies/rule-context.js";
import { readInstant } from "../time/evaluation-time.js";
import { formatLocalDate, toInstantString } from "../time/local-date.js";
import { dateSchema } from "../time/zone-fields.js";
import { type LicenseRefund, licenseRefundSchema } from "./license-refund.js";
import { type RefundableLicense, refundWindow, refusedAsRefunded } from "./refund-eligibility.js";

/**
 * A license as far as a refund is concerned (L17): what it is, when it was bought and paid, and
 * whether it was refunded already. Other fields of the caller's record (product, tier, term,
 * SEN, …) are allowed and kept as they are.
 */
export interface RefundableLicenseRecord {
  readonly vendorId: string;
  readonly edition: Edition;
  readonly billingModel: BillingModel;
  /** The original purchase from the vendor; `null`: not purchased (nothing to refund). */
  readonly purchasedAt: Instant | null;
  /** The day the license was paid, in the customer's zone; cloud windows run from it. */
  readonly paidOn?: IsoDate | null | undefined;
  /** Set once the license is refunded; see {@link refundLicense}. */
  readonly refund?: LicenseRefund | null | undefined;
}

/** zod schema of a {@link RefundableLicenseRecord}; unknown fields pass through. */
export const refundableLicenseRecordSchema = z.looseObject({
  vendorId: z.string().min(1),
  edition: editionSchema,
  billingModel: billingModelSchema,
  purchasedAt: instantSchema.nullable(),
  paidOn: dateSchema.nullable().optional(),
  refund: licenseRefundSchema.nullable().optional(),
});

/** What staff give when they refund a license (L17). */
export const licenseRefundInputSchema = z
  .object({
    /** Why the license is refunded; kept on the license and printed on the credit note. */
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

/** Input of {@link refundLicense}. */
export type LicenseRefundInput = z.input<typeof licenseRefundInputSchema>;

/** Context of {@link refundLicense}: `asOf`, the customer's `zone`, policies, and who refunds. */
export interface LicenseRefundContext extends RuleContext {
  /** Who carries out the refund (a staff user id), kept as `refund.refundedBy`. */
  readonly actor?: string;
}

/** What a refund caused, for the apps to carry out (a credit note, a notice to the vendor). */
export interface LicenseRefundedEvent {
  readonly type: "license-refunded";
  /** The instant of the refund (UTC). */
  readonly at: string;
  readonly refund: LicenseRefund;
}

/** The result of {@link refundLicense}: the license with its refund, and the event it caused. */
export interface LicenseRefundTransition<L extends RefundableLicenseRecord> {
  /** The caller's record, unchanged apart from `refund`. */
  readonly license: Omit<L, "refund"> & { readonly refund: LicenseRefund };
  readonly refund: LicenseRefund;
  readonly events: readonly [LicenseRefundedEvent];
}

/** Which L17 window a license has; `undefined` for billing models without one. */
function refundKind(edition: Edition, billingModel: BillingModel): RefundableLicense | undefined {
  if (isSelfManaged(edition)) return "self-managed";
  if (billingModel === "annual-subscription") return "cloud-annual";
  if (billingModel === "monthly-subscription") return "cloud-monthly";
  return undefined;
}

/**
 * L17: refunds a license, if it is still in its refund window at `context.asOf`: self-managed
 * licenses within 30 days of the original purchase (bought 2026-03-02: through 2026-04-01),
 * cloud annual within 30 days after payment (`paidOn`), cloud monthly within the first paid
 * month (paid 2026-01-31: through 2026-02-27). Days are calendar days in the customer's `zone`
 * (default `Europe/Berlin`); the numbers come from the vendor policy in force (P1).
 *
 * Returns the license record with `refund` set ({@link LicenseRefund}; every other field kept)
 * and a `license-refunded` event. A refunded license is void: `readLicenseKey` (L13),
 * `renewMaintenance` (L15) and `priceTierUpgrade` (L19) refuse it with `L17_LICENSE_REFUNDED`,
 * `checkRefund` with `L17_ALREADY_REFUNDED`.
 *
 * Refused, in this order, each changing nothing:
 * - malformed license or input: `INVALID_INPUT` at `license.<field>` or `reason` (1–500 characters);
 * - a license refunded already: `L17_ALREADY_REFUNDED` at `license.refund`;
 * - a license not purchased, or billed as a monthly rental (M1–M7 end by cancellation, not by
 *   refund): `L17_NOT_REFUNDABLE`;
 * - a cloud subscription without recorded payment: `L17_NOT_PAID` at `license.paidOn`;
 * - too late: `L17_REFUND_DEADLINE_PASSED` at `asOf`, the message naming the window's last day
 *   (details `deadline`, `day`, `basis`).
 *
 * @param license the license record (extra fields are kept)
 * @param input the reason
 * @param context `asOf`: the instant of the refund; `zone`: the customer's; `actor`: who refunds
 */
export function refundLicense<L extends RefundableLicenseRecord>(
  license: L,
  input: LicenseRefundInput,
  context: LicenseRefundContext,
): LicensingResult<LicenseRefundTransition<L>> {
  const record = parseWith(refundableLicenseRecordSchema, license, ["license"]);
  if (!record.ok) return record;
  const request = parseWith(licenseRefundInputSchema, input);
  if (!request.ok) return request;
  const resolved = resolveContext(context);
  if (!resolved.ok) return resolved;
  const { time, policies } = resolved.value;

  const refunded = refusedAsRefunded(record.value.refund);
  if (!refunded.ok) return failAll(withPathPrefix(["license"], refunded.errors));

  const kind = refundKind(record.value.edition, record.value.billingModel);
  if (kind === undefined) {
    return fail(
      licensingError(
        "L17_NOT_REFUNDABLE",
        `A ${record.value.edition} license billed as ${record.value.billingModel} has no refund window (L17); rentals end by cancellation`,
        ["license", "billingModel"],
      ),
    );
  }
  if (record.value.purchasedAt === null) {
    return fail(licensingError("L17_NOT_REFUNDABLE", "The license has not been purchased from the vendor: there is nothing to refund", ["license", "purchasedAt"]));
  }
  let windowStart: IsoDate;
  if (kind === "self-managed") {
    const purchased = readInstant(record.value.purchasedAt, ["license", "purchasedAt"]);
    if (!purchased.ok) return purchased;
    windowStart = formatLocalDate(purchased.value, time.zone);
  } else {
    const paidOn = record.value.paidOn;
    if (paidOn === undefined || paidOn === null) {
      return fail(
        licensingError(
          "L17_NOT_PAID",
          `The refund window of a ${kind} subscription runs from its payment, and no payment is recorded for the license`,
          ["license", "paidOn"],
        ),
      );
    }
    windowStart = paidOn;
  }

  const policy = vendorPolicyOn(policies, record.value.vendorId, time.today);
  if (!policy.ok) return policy;
  const eligibility = refundWindow(kind, windowStart, time, policy.value);
  if (!eligibility.ok) return eligibility;

  const at = toInstantString(time.instant);
  const refund: LicenseRefund = Object.freeze({
    refundedAt: at,
    refundedOn: time.today,
    reason: request.value.reason,
    refundedBy: context.actor ?? null,
    ...eligibility.value,
  });
  return ok({
    license: { ...license, refund },
    refund,
    events: [{ type: "license-refunded", at, refund }],
  });
}
