import { randomUUID } from "node:crypto";
import { insertLicenses, listLicenses, openLicenseKey } from "@kontor/db";
import { checkRefund, priceTierUpgrade, readLicenseKey, renewMaintenance, termPeriodSchema } from "@kontor/licensing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime } from "luxon";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { ProblemError, badRequest, fieldError } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema, instantSchema } from "../../http/route-schemas.js";
import { installationLicensingPolicies } from "../installation-policies/domains/licensing-policy-domain.js";
import { requireLicensingRead, requireLicensingStaff } from "./licensing-access.js";
import { licenseToResponse as toResponse, unwrapLicenseResult, visibleLicense, type StoredLicenseRecord as LicenseRecord } from "./license-views.js";
import { RESELLER_PARTY_ID, loadCatalog, organizationFor, toJson } from "./licensing-context.js";
import { licenseResponseSchema, organizationFilterSchema } from "./licensing-schemas.js";

const registerBodySchema = z
  .object({
    organizationId: z.string().min(1).max(100),
    productId: z.string().min(1),
    userTier: z.number().int().positive(),
    quantity: z.number().int().positive().default(1),
    sen: z.string().trim().min(1).optional(),
    siteUrl: z.url().optional(),
    key: z.string().trim().min(1).optional().describe("Stored sealed (AES-256-GCM), readable per L13 only"),
    purchasedBy: z.enum(["reseller", "customer"]).describe("Who bought it from the vendor: its original purchaser (L13)"),
    purchasedAt: instantSchema,
    paidOn: z.iso.date().optional(),
    term: termPeriodSchema.optional().describe("The current maintenance or subscription term (L15, L19)"),
  })
  .strict();

const keyResponseSchema = z.object({ licenseId: z.string(), key: z.string() });

/** Licenses of customers (L13, L15, L17, L19): listing, registering, key reading and quote-style pricing. */
export const licenseRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/licenses",
    {
      schema: {
        tags: ["licensing"],
        summary: "Register a license bought before or elsewhere (by the reseller or by the customer itself)",
        body: registerBodySchema,
        response: { 201: licenseResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireLicensingStaff(request, "Licenses");
      const body = request.body;
      const organization = await organizationFor(deps.database.db, body.organizationId);
      const catalog = await loadCatalog(deps.database.db);
      const product = catalog.products.find((item) => item.id === body.productId);
      if (product === undefined) throw badRequest(fieldError("body", ["productId"], "CATALOG_UNKNOWN_PRODUCT", `Product ${body.productId} is not in the catalog`));
      const now = deps.clock.now();
      const [row] = await insertLicenses(
        deps.database.db,
        [
          {
            id: randomUUID(),
            organizationId: organization.id,
            orderId: null,
            vendorId: product.vendorId,
            productId: product.id,
            edition: product.edition,
            originalPurchaserId: body.purchasedBy === "reseller" ? RESELLER_PARTY_ID : organization.id,
            key: body.key ?? null,
            record: toJson({
              productId: product.id,
              productName: product.name,
              vendorId: product.vendorId,
              edition: product.edition,
              billingModel: product.billingModel,
              userTier: body.userTier,
              quantity: body.quantity,
              sen: body.sen ?? null,
              siteUrl: body.siteUrl ?? null,
              purchasedAt: body.purchasedAt,
              paidOn: body.paidOn ?? null,
              term: body.term ?? null,
            }),
          },
        ],
        now,
      );
      if (row === undefined) throw new Error("insert returned no row");
      return reply.status(201).header("location", `/v1/licenses/${row.id}`).send(toResponse(row));
    },
  );

  app.get(
    "/v1/licenses",
    {
      schema: {
        tags: ["licensing"],
        summary: "List licenses (a portal manager sees their organization's)",
        querystring: pageQuerySchema.extend(organizationFilterSchema.shape),
        response: { 200: pageSchema(licenseResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const organizationId = organizationScope(request, request.query.organizationId);
      // Staff grants do not depend on the organization; a portal user is scoped to their own.
      requireLicensingRead(request, organizationId ?? "", "Licenses");
      const page = await listLicenses(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor), organizationId });
      return toPageBody(page, toResponse);
    },
  );

  app.get(
    "/v1/licenses/:id",
    {
      schema: { tags: ["licensing"], summary: "One license (without its key)", params: idParamsSchema, response: { 200: licenseResponseSchema, ...standardErrorResponses } },
    },
    async (request) => toResponse(await visibleLicense(deps, request, request.params.id)),
  );

  app.get(
    "/v1/licenses/:id/key",
    {
      schema: {
        tags: ["licensing"],
        summary: "The license key: only for the license's original purchaser (L13)",
        params: idParamsSchema,
        response: { 200: keyResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const row = await visibleLicense(deps, request, request.params.id);
      const who = principal(request);
      // L13: staff read as the reseller; a portal manager as their organization.
      const requesterId = who.actor.kind === "staff" ? RESELLER_PARTY_ID : row.organizationId;
      const record = row.record as LicenseRecord;
      const result = readLicenseKey(
        {
          licenseId: row.id,
          vendorId: row.vendorId,
          edition: row.edition as "server" | "data-center" | "cloud",
          key: openLicenseKey(row),
          originalPurchaserId: row.originalPurchaserId,
          // L17: a refunded license is void; its key is read by no one (409 L17_LICENSE_REFUNDED).
          refund: record.refund ?? null,
        },
        requesterId,
        { asOf: deps.clock.now().toISOString(), policies: await installationLicensingPolicies(deps.database.db) },
      );
      if (!result.ok && result.errors[0]?.code === "L13_NOT_ORIGINAL_PURCHASER") {
        // The caller may see the license but the rule denies the key: 403, carrying the rule code.
        throw new ProblemError(403, "forbidden", "Forbidden", { detail: result.errors[0].message, code: "L13_NOT_ORIGINAL_PURCHASER" });
      }
      // Keys are secrets: never cached by intermediaries.
      return reply.header("cache-control", "no-store").send({ licenseId: row.id, key: unwrapLicenseResult(result) });
    },
  );

  app.post(
    "/v1/licenses/:id/renewal-quote",
    {
      schema: {
        tags: ["licensing"],
        summary: "Price a maintenance renewal in 12-month steps from the current end (L15)",
        params: idParamsSchema,
        body: z.object({ steps: z.number().int().min(1).max(10).default(1), currentEnd: z.iso.date().optional().describe("Default: the end of the stored term") }).strict(),
        response: { 200: z.record(z.string(), z.unknown()), ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleLicense(deps, request, request.params.id);
      requireLicensingStaff(request, "Licenses");
      const record = row.record as LicenseRecord;
      const currentEnd = request.body.currentEnd ?? record.term?.to;
      if (currentEnd === undefined) throw badRequest(fieldError("body", ["currentEnd"], "required", "the license has no stored term; give currentEnd"));
      const organization = await organizationFor(deps.database.db, row.organizationId);
      const catalog = await loadCatalog(deps.database.db);
      const renewal = unwrapLicenseResult(
        renewMaintenance({ productId: row.productId, userTier: record.userTier, currentEnd, steps: request.body.steps, refund: record.refund ?? null }, { asOf: deps.clock.now().toISOString(), zone: organization.zone, catalog, policies: await installationLicensingPolicies(deps.database.db) }),
      );
      return toJson(renewal);
    },
  );

  app.post(
    "/v1/licenses/:id/upgrade-quote",
    {
      schema: {
        tags: ["licensing"],
        summary: "Price a user-tier upgrade pro rata by day for the rest of the term (L19, L18)",
        params: idParamsSchema,
        body: z.object({ toTier: z.number().int().positive(), term: termPeriodSchema.optional(), effectiveOn: z.iso.date().optional() }).strict(),
        response: { 200: z.record(z.string(), z.unknown()), ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleLicense(deps, request, request.params.id);
      requireLicensingStaff(request, "Licenses");
      const record = row.record as LicenseRecord;
      const term = request.body.term ?? record.term;
      if (term === null) throw badRequest(fieldError("body", ["term"], "required", "the license has no stored term; give term"));
      const organization = await organizationFor(deps.database.db, row.organizationId);
      const catalog = await loadCatalog(deps.database.db);
      const policies = await installationLicensingPolicies(deps.database.db);
      const upgrade = unwrapLicenseResult(
        priceTierUpgrade(
          {
            productId: row.productId,
            fromTier: record.userTier,
            toTier: request.body.toTier,
            term,
            refund: record.refund ?? null,
            ...(request.body.effectiveOn === undefined ? {} : { effectiveOn: request.body.effectiveOn }),
          },
          { asOf: deps.clock.now().toISOString(), zone: organization.zone, catalog, policies },
        ),
      );
      return toJson(upgrade);
    },
  );

  app.post(
    "/v1/licenses/:id/refund-check",
    {
      schema: {
        tags: ["licensing"],
        summary: "Whether a refund can still be asked for now (L17); a refunded license answers 409 L17_ALREADY_REFUNDED",
        params: idParamsSchema,
        body: z.object({ paidAt: instantSchema.optional().describe("The payment instant; cloud windows run from it. Default: the license's recorded payment day") }).strict(),
        response: { 200: z.record(z.string(), z.unknown()), ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleLicense(deps, request, request.params.id);
      requireLicensingStaff(request, "Licenses");
      const record = row.record as LicenseRecord;
      if (record.purchasedAt === null) throw badRequest(fieldError("body", ["purchasedAt"], "required", "the license has not been purchased"));
      const license = row.edition !== "cloud" ? "self-managed" : record.billingModel === "monthly-subscription" ? "cloud-monthly" : "cloud-annual";
      const organization = await organizationFor(deps.database.db, row.organizationId);
      // L17: cloud windows run from the payment; the recorded payment day counts unless the request names the instant.
      const paidAt = request.body.paidAt ?? (record.paidOn === null ? undefined : (DateTime.fromISO(record.paidOn, { zone: organization.zone }).toISO() ?? undefined));
      const eligibility = unwrapLicenseResult(
        checkRefund(
          { vendorId: row.vendorId, license, purchasedAt: record.purchasedAt, ...(paidAt === undefined ? {} : { paidAt }), refund: record.refund ?? null },
          { asOf: deps.clock.now().toISOString(), zone: organization.zone, policies: await installationLicensingPolicies(deps.database.db) },
        ),
      );
      return toJson(eligibility);
    },
  );
};
