import { findCustomerPriceList, saveCustomerPriceList, type CustomerPriceListRow } from "@kontor/db";
import { customerPriceListSchema, findRentalProduct, rentalPrice, type Catalog, type CustomerPriceList } from "@kontor/licensing";
import { moneyJsonSchema } from "@kontor/money";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { unwrap } from "../../http/domain-result.js";
import { conflict, ruleViolation } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { visibleOrganization } from "../organizations/organization-routes.js";
import { requireLicensingRead } from "./licensing-access.js";
import { loadCatalog } from "./licensing-context.js";
import { moneyJsonSchema as moneyResponseSchema } from "./licensing-schemas.js";

/** Who agrees prices with a customer (M1): its account manager, or an admin. */
const PRICE_LIST_ROLES = ["admin", "account-manager"] as const;

const priceListBodySchema = z.strictObject({
  prices: z.array(z.strictObject({ productId: z.string().min(1).max(100), pricePerUser: moneyJsonSchema })).max(500),
  /** 0 for the first list of the organization, else the version read (optimistic locking). */
  expectedVersion: z.number().int().min(0),
});

const priceListResponseSchema = z.object({
  organizationId: z.string(),
  prices: z.array(z.object({ productId: z.string(), pricePerUser: moneyResponseSchema })),
  /** 0 while none is stored: the customer pays list prices. */
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

const rentalPriceQuerySchema = z.strictObject({
  organizationId: z.string().min(1).max(100),
  productId: z.string().min(1).max(100),
  quantity: z.coerce.number().int().min(1).max(1_000_000),
});

const rentalPriceResponseSchema = z.object({
  organizationId: z.string(),
  productId: z.string(),
  quantity: z.number().int(),
  pricePerUser: moneyResponseSchema,
  monthlyTotal: moneyResponseSchema,
  /** Where the price per user comes from: the customer's price list or the catalog. */
  source: z.enum(["customer-price-list", "list-price"]),
});

type PriceListResponse = z.infer<typeof priceListResponseSchema>;

function toResponse(organizationId: string, row: CustomerPriceListRow | undefined): PriceListResponse {
  if (row === undefined) return { organizationId, prices: [], version: 0, updatedBy: null, updatedAt: null };
  return { organizationId, prices: row.prices as PriceListResponse["prices"], version: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/**
 * The organization's stored price list checked again (a row written by hand or an older release
 * may no longer parse: that fails loudly instead of charging list prices), or `undefined`.
 */
export async function customerPriceListOf(executor: Parameters<typeof findCustomerPriceList>[0], organizationId: string): Promise<CustomerPriceList | undefined> {
  const row = await findCustomerPriceList(executor, organizationId);
  if (row === undefined) return undefined;
  return customerPriceListSchema.parse({ customerId: organizationId, prices: row.prices });
}

/** M1: every price names a rental product of the catalog once, in the product's currency, not below zero. */
function checkPrices(prices: z.output<typeof priceListBodySchema>["prices"], catalog: Catalog): void {
  const errors: { code: string; message: string; path: (string | number)[] }[] = [];
  const seen = new Set<string>();
  prices.forEach((price, index) => {
    if (seen.has(price.productId)) {
      errors.push({ code: "M1_DUPLICATE_PRICE", message: `${price.productId} is priced twice`, path: ["prices", index, "productId"] });
    }
    seen.add(price.productId);
    const product = findRentalProduct(catalog, price.productId);
    if (!product.ok) {
      errors.push(...product.errors.map((error) => ({ code: error.code, message: error.message, path: ["prices", index, "productId"] })));
      return;
    }
    if (price.pricePerUser.currency !== product.value.currency) {
      errors.push({
        code: "M1_PRICE_CURRENCY",
        message: `${product.value.name} is sold in ${product.value.currency}, not ${price.pricePerUser.currency}`,
        path: ["prices", index, "pricePerUser", "currency"],
      });
    }
    if (price.pricePerUser.amount.startsWith("-")) {
      errors.push({ code: "M1_NEGATIVE_PRICE", message: `A price per user cannot be negative (${price.pricePerUser.amount})`, path: ["prices", index, "pricePerUser", "amount"] });
    }
  });
  if (errors.length > 0) throw ruleViolation(errors);
}

/**
 * M1: customer-specific rental prices. Account managers agree a price per user and month for
 * a product with a customer; the order form's price (`GET /v1/rental-prices`) and every rental
 * the customer places from then on use it, and products not on the list cost the list price.
 * A placed rental keeps the price it was ordered at.
 */
export const priceListRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/organizations/:id/rental-price-list",
    {
      schema: {
        tags: ["licensing"],
        summary: "The customer's rental prices per user and month (M1); version 0 and no prices while it pays list prices",
        params: idParamsSchema,
        response: { 200: priceListResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      requireLicensingRead(request, organization.id, `Organization ${organization.id}`);
      return toResponse(organization.id, await findCustomerPriceList(deps.database.db, organization.id));
    },
  );

  app.put(
    "/v1/organizations/:id/rental-price-list",
    {
      schema: {
        tags: ["licensing"],
        summary: "Replace the customer's rental prices (M1): account managers and admins; `expectedVersion` guards against lost updates",
        params: idParamsSchema,
        body: priceListBodySchema,
        response: { 200: priceListResponseSchema, 201: priceListResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      const who = requireStaff(request, PRICE_LIST_ROLES, `the price list of organization ${organization.id}`);
      const { prices, expectedVersion } = request.body;
      checkPrices(prices, await loadCatalog(deps.database.db));
      const saved = await saveCustomerPriceList(deps.database.db, { organizationId: organization.id, prices, updatedBy: who.userId }, expectedVersion, deps.clock.now());
      if (saved === undefined) {
        const current = await findCustomerPriceList(deps.database.db, organization.id);
        throw conflict(`The price list of ${organization.id} is at version ${String(current?.version ?? 0)}, not ${String(expectedVersion)}`, "VERSION_CONFLICT");
      }
      return reply.status(expectedVersion === 0 ? 201 : 200).send(toResponse(organization.id, saved));
    },
  );

  app.get(
    "/v1/rental-prices",
    {
      schema: {
        tags: ["licensing"],
        summary: "The order form's price (M1): the customer's price per user and the monthly total for a quantity",
        querystring: rentalPriceQuerySchema,
        response: { 200: rentalPriceResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { organizationId, productId, quantity } = request.query;
      const organization = await visibleOrganization(deps, request, organizationId);
      requireLicensingRead(request, organization.id, `Organization ${organization.id}`);
      const priceList = await customerPriceListOf(deps.database.db, organization.id);
      const price = unwrap(rentalPrice({ productId, quantity }, await loadCatalog(deps.database.db), priceList));
      const listed = priceList?.prices.some((entry) => entry.productId === price.productId) === true;
      return {
        organizationId: organization.id,
        productId: price.productId,
        quantity: price.quantity,
        // With the currency's minor digits, as the order form shows them (210.60, not 210.6).
        pricePerUser: { amount: price.pricePerUser.toFixed(), currency: price.pricePerUser.currency },
        monthlyTotal: { amount: price.monthlyTotal.toFixed(), currency: price.monthlyTotal.currency },
        source: listed ? ("customer-price-list" as const) : ("list-price" as const),
      };
    },
  );
};
