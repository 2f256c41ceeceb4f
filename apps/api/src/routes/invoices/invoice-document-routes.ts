import { findInvoicePdf, findInvoiceXml } from "@kontor/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { conflict } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { visibleInvoice } from "./visible-invoice.js";

/** A binary body: Fastify sends Buffers as they are; OpenAPI shows a binary string. */
const pdfBodySchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: "string", format: "binary", description: "PDF/A-3b document (application/pdf)" });

function notFinalized(id: string) {
  return conflict(`Invoice ${id} is a draft: its documents are rendered when it is finalized`, "INVOICE_NOT_FINALIZED");
}

/**
 * The documents stored at finalization, byte for byte as issued: the PDF/A-3 with embedded
 * `factur-x.xml`, and the XRechnung 3 CII XML (EN 16931).
 */
export const invoiceDocumentRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/invoices/:id/pdf",
    {
      schema: {
        tags: ["invoices"],
        summary: "The invoice as PDF/A-3 with embedded factur-x.xml, as rendered at finalization",
        params: idParamsSchema,
        produces: ["application/pdf", "application/problem+json"],
        response: { 200: pdfBodySchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const row = await visibleInvoice(deps, request, request.params.id);
      const pdf = await findInvoicePdf(deps.database.db, row.id);
      if (pdf === null || pdf === undefined) throw notFinalized(row.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${row.number ?? row.id}.pdf"`)
        .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    },
  );

  app.get(
    "/v1/invoices/:id/xml",
    {
      schema: {
        tags: ["invoices"],
        summary: "The e-invoice in UN/CEFACT CII syntax, XRechnung 3 (EN 16931), as written at finalization",
        params: idParamsSchema,
        produces: ["application/xml", "application/problem+json"],
        response: { 200: z.string().describe("CII XML (application/xml)"), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const row = await visibleInvoice(deps, request, request.params.id);
      const xml = await findInvoiceXml(deps.database.db, row.id);
      if (xml === null || xml === undefined) throw notFinalized(row.id);
      return reply
        .type("application/xml; charset=utf-8")
        .header("content-disposition", `inline; filename="${row.number ?? row.id}.xml"`)
        .send(xml);
    },
  );
};
