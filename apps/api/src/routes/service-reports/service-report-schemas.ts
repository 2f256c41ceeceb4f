import { monthKeySchema } from "@kontor/contingent";
import { z } from "zod";
import { pageQuerySchema } from "../../http/pagination.js";
import { instantSchema } from "../../http/route-schemas.js";

/** Query of `GET /v1/service-reports` (K13): a keyset page, optionally of one organization, contract or month. */
export const serviceReportListQuerySchema = pageQuerySchema.extend({
  organizationId: z.string().min(1).max(100).optional().describe("Staff: only this organization's reports (a portal manager always sees only their own)"),
  contractId: z.string().min(1).max(100).optional().describe("Only this contract's reports"),
  month: monthKeySchema.optional().describe("Only reports of this month (`YYYY-MM`)"),
  released: z
    .enum(["true", "false"])
    .optional()
    .describe("Staff: only reports released for billing (`true`) or only those held for the back office's release (`false`, K1). A portal manager sees released reports only"),
});

/** A stored service report as the API answers it, without the PDF (C8, K13). */
export const serviceReportResponseSchema = z
  .object({
    id: z.string().describe("The service-report ID the invoice prints (C8), `SR-<contract>-<YYYY-MM>`"),
    contractId: z.string(),
    organizationId: z.string(),
    month: monthKeySchema.describe("The closed contract month it reports"),
    storedAt: instantSchema.describe(
      "When the worker stored it at month close; released automatically, in the transaction that e-mails it to the customer (C8), else held for the back office's release (K1)",
    ),
    sizeBytes: z.int().min(0).describe("Size of the PDF (`GET /v1/service-reports/{id}/pdf`) in bytes"),
    released: z.boolean().describe("Released for billing (K1, C8): mailed to the customer, then invoiced. `false`: held for the back office (`POST /v1/service-reports/{id}/release`); portal users never see such a report"),
    releasedAt: instantSchema.nullable().describe("When it was released: at month close when the installation bills automatically, else by the back office; `null` while held"),
    releasedBy: z.string().nullable().describe("Who released it: the staff user's id, or `automatic` (month close); `null` while held"),
  })
  .meta({ id: "StoredServiceReport" });

/** Body of `POST /v1/service-reports/:id/release`: nothing to send (`{}` or no body). */
export const serviceReportReleaseBodySchema = z.object({}).strict().optional();

/** A binary body: Fastify sends Buffers as they are; OpenAPI shows a binary string. */
export const serviceReportPdfSchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: "string", format: "binary", description: "The service report PDF (application/pdf), byte for byte as stored and mailed" });
