import { z } from "zod";
import { type Edition, editionSchema, isSelfManaged } from "../catalog/edition.js";
import { parseWith } from "../errors/from-zod.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { vendorPolicyOn } from "../policies/policy-set.js";
import { type RuleContext, resolveContext } from "../policies/rule-context.js";
import { type LicenseRefund, checkNotRefunded, licenseRefundSchema } from "../maintenance/license-refund.js";

/** A purchased license as far as key access is concerned (L13). */
export interface LicenseKeyRecord {
  readonly licenseId: string;
  readonly vendorId: string;
  readonly edition: Edition;
  /** The license key; cloud licenses have none (L5), self-managed ones get it on delivery. */
  readonly key: string | null;
  /** The party (reseller or customer id) that originally bought the license. */
  readonly originalPurchaserId: string;
  /** Set when the license was refunded (L17): its key is then not read any more. */
  readonly refund?: LicenseRefund | null | undefined;
}

/** zod schema of a {@link LicenseKeyRecord}. */
export const licenseKeyRecordSchema = z
  .object({
    licenseId: z.string().min(1),
    vendorId: z.string().min(1),
    edition: editionSchema,
    key: z.string().min(1).nullable(),
    originalPurchaserId: z.string().min(1),
    refund: licenseRefundSchema.nullable().optional(),
  })
  .strict();

/**
 * L13: the key of a self-managed license, readable only by its original purchaser (vendor policy
 * `keyAccess` in force at `asOf`). `L13_NOT_ORIGINAL_PURCHASER` for anyone else,
 * `L13_CLOUD_LICENSE_HAS_NO_KEY` for cloud licenses, `L5_LICENSE_KEY_MISSING` before delivery.
 * A refunded license (L17) is void: its key is read by no one, `L17_LICENSE_REFUNDED`.
 *
 * @param license the license
 * @param requesterId the party asking to read the key
 */
export function readLicenseKey(license: LicenseKeyRecord, requesterId: string, context: RuleContext): LicensingResult<string> {
  const parsed = parseWith(licenseKeyRecordSchema, license, ["license"]);
  if (!parsed.ok) return parsed;
  const resolved = resolveContext(context);
  if (!resolved.ok) return resolved;
  const policy = vendorPolicyOn(resolved.value.policies, license.vendorId, resolved.value.time.today);
  if (!policy.ok) return policy;
  if (!isSelfManaged(license.edition)) {
    return fail(
      licensingError("L13_CLOUD_LICENSE_HAS_NO_KEY", `License ${license.licenseId} is a cloud license and has no key`, ["license", "edition"]),
    );
  }
  const refunded = checkNotRefunded(parsed.value.refund, `its key cannot be read any more`, ["license", "refund"]);
  if (!refunded.ok) return refunded;
  if (policy.value.keyAccess === "original-purchaser" && requesterId !== license.originalPurchaserId) {
    return fail(
      licensingError("L13_NOT_ORIGINAL_PURCHASER", `Only the original purchaser of license ${license.licenseId} may read its key`, ["requesterId"], {
        licenseId: license.licenseId,
      }),
    );
  }
  if (license.key === null) {
    return fail(licensingError("L5_LICENSE_KEY_MISSING", `License ${license.licenseId} has not been delivered with a key yet`, ["license", "key"]));
  }
  return ok(license.key);
}
