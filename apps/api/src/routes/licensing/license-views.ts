import { findLicense, type LicenseRow } from "@kontor/db";
import type { LicenseRefund } from "@kontor/licensing";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import type { DomainResult } from "../../http/domain-result.js";
import { unwrap } from "../../http/domain-result.js";
import { conflict, notFound } from "../../http/problem.js";
import { requireLicensingRead } from "./licensing-access.js";
import type { licenseResponseSchema } from "./licensing-schemas.js";

/** The fields of a stored license record (`licenses.record`) the license routes read. */
export interface StoredLicenseRecord {
  readonly productId: string;
  readonly vendorId: string;
  readonly edition: string;
  readonly userTier: number;
  readonly billingModel: string;
  readonly purchasedAt: string | null;
  readonly paidOn: string | null;
  readonly term: { from: string; to: string } | null;
  /** Set once the license is refunded (L17); the license is void from then on. */
  readonly refund?: LicenseRefund | null;
}

/** A license as the API shows it: never its key (L13). */
export function licenseToResponse(row: LicenseRow): z.infer<typeof licenseResponseSchema> {
  return {
    id: row.id,
    organizationId: row.organizationId,
    orderId: row.orderId,
    originalPurchaserId: row.originalPurchaserId,
    hasKey: row.keySealed !== null,
    license: row.record as z.infer<typeof licenseResponseSchema>["license"],
  };
}

/** The license `id` if the caller may see it (`contract:read`); 404 otherwise, also for foreign organizations (K10). */
export async function visibleLicense(deps: ApiDeps, request: FastifyRequest, id: string): Promise<LicenseRow> {
  const row = await findLicense(deps.database.db, id);
  if (row === undefined) throw notFound(`License ${id}`);
  requireLicensingRead(request, row.organizationId, `License ${id}`);
  return row;
}

/** L17 codes that describe the license's state, not the request: a refunded license. */
const REFUNDED_CODES: ReadonlySet<string> = new Set(["L17_ALREADY_REFUNDED", "L17_LICENSE_REFUNDED"]);

/**
 * The value of a `@kontor/licensing` result on one license. A refunded license (L17) is a 409
 * with the rule code (`L17_ALREADY_REFUNDED`, `L17_LICENSE_REFUNDED`): the request was fine,
 * the license's state forbids it. Every other refusal is a 422 with the rule codes and paths.
 */
export function unwrapLicenseResult<T>(result: DomainResult<T>): T {
  if (!result.ok) {
    const refunded = result.errors.find((error) => REFUNDED_CODES.has(error.code));
    if (refunded !== undefined) throw conflict(refunded.message, refunded.code);
  }
  return unwrap(result);
}
