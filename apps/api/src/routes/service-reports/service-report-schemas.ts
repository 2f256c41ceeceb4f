import { monthKeySchema } from "@kontor/contingent";
import { z } from "zod";
import { pageQuerySchema } from "../../http/pagination.js";
import { instantSchema } from "../../http/route-schemas.js";

/** Query of `GET /v1/service-reports` (K13): a keyset page, optionally of one organization, contract or month. */
export const serviceReportListQuerySchema = pageQuerySchema.extend({
  organizationId: z.string().min(1).max(100).optional().describe("Staff: only this organization's reports (a portal manager always sees only their own)"),
  contractId: z.string().min(1).max(100).optional().describe("Only this contract's reports"),
  month: monthKeySchema.optional().describe("Only reports of this month (`YYYY-MM`)"),
});

/** A stored service report as the API answers it, without the PDF (C8, K13). */
export const serviceReportResponseSchema = z
  .object({
    id: z.string().describe("The service-report ID the invoice prints (C8), `SR-<contract>-<YYYY-MM>`"),
    contractId: z.string(),
    organizationId: z.string(),
    month: monthKeySchema.describe("The closed contract month it reports"),
    storedAt: instantSchema.describe("When the worker stored it at month close, in the transaction that e-mails it to the customer (C8)"),
    sizeBytes: z.int().min(0).describe("Size of the PDF (`GET /v1/service-reports/{id}/pdf`) in bytes"),
  })
  .meta({ id: "StoredServiceReport" });

/** A binary body: Fastify sends Buffers as they are; OpenAPI shows a binary string. */
export const serviceReportPdfSchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: "string", format: "binary", description: "The service report PDF (application/pdf), byte for byte as stored and mailed" });
