import { findLicensingProduct, listLicensingProducts, loadLicensingCatalog, upsertLicensingProduct, upsertLicensingVendor, type LicensingProductRow } from "@kontor/db";
import { catalogSchema, productSchema, vendorSchema } from "@kontor/licensing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { principal } from "../../auth/authenticate.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { requireStaff } from "../../auth/access.js";
import { toJson } from "./licensing-context.js";
import { productResponseSchema } from "./licensing-schemas.js";

const productBodySchema = z.object({ vendor: vendorSchema, product: productSchema });

function toResponse(row: LicensingProductRow, vendorName: string) {
  return { product: row.record as z.infer<typeof productResponseSchema>["product"], vendor: { id: row.vendorId, name: vendorName }, version: row.version };
}

/**
 * The licensing catalog (vendors, products, tiers, add-ons). The package ships policies, not a
 * catalog, so staff keep the products here; every authenticated user may read it (M1: customers
 * order from it).
 */
export const catalogRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/catalog/products",
    {
      schema: {
        tags: ["licensing"],
        summary: "Add or replace a catalog product (with its vendor)",
        body: productBodySchema,
        response: { 201: productResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, ["admin", "account-manager"], "catalog");
      const { vendor, product } = request.body;
      const now = deps.clock.now();
      const row = await deps.database.db.transaction(async (tx) => {
        await upsertLicensingVendor(tx, vendor, now);
        const stored = await upsertLicensingProduct(tx, { id: product.id, vendorId: product.vendorId, record: toJson(product) }, now);
        // The catalog must stay consistent as a whole (vendor ids, unique ids).
        const { vendors, products } = await loadLicensingCatalog(tx);
        catalogSchema.parse({ vendors: vendors.map((item) => ({ id: item.id, name: item.name })), products: products.map((item) => item.record) });
        return stored;
      });
      return reply.status(201).header("location", `/v1/catalog/products/${row.id}`).send(toResponse(row, vendor.name));
    },
  );

  app.get(
    "/v1/catalog/products",
    {
      schema: {
        tags: ["licensing"],
        summary: "List catalog products",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(productResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      principal(request);
      const page = await listLicensingProducts(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
      const { vendors } = await loadLicensingCatalog(deps.database.db);
      const names = new Map(vendors.map((vendor) => [vendor.id, vendor.name]));
      return toPageBody(page, (row) => toResponse(row, names.get(row.vendorId) ?? row.vendorId));
    },
  );

  app.get(
    "/v1/catalog/products/:id",
    {
      schema: {
        tags: ["licensing"],
        summary: "One catalog product",
        params: idParamsSchema,
        response: { 200: productResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      principal(request);
      const row = await findLicensingProduct(deps.database.db, request.params.id);
      if (row === undefined) throw notFound(`Product ${request.params.id}`);
      return toResponse(row, row.vendorName);
    },
  );
};
