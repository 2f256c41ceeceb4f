import { randomUUID } from "node:crypto";
import { findSepaMandate, insertSepaMandate, listSepaMandates, revokeSepaMandate, type SepaMandateRow } from "@kontor/db";
import { ibanSchema } from "@kontor/invoicing";
import type { Organization } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { DateTime } from "luxon";
import type { ApiDeps } from "../../app/api-deps.js";
import { principal } from "../../auth/authenticate.js";
import type { Principal } from "../../auth/principal.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, forbidden, notFound, ruleViolation } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { visibleOrganization } from "./organization-routes.js";
import {
  sepaMandateCreateBodySchema,
  sepaMandateParamsSchema,
  sepaMandateResponseSchema,
  sepaMandateRevocationBodySchema,
} from "./sepa-mandate-schemas.js";

/** Staff roles that record and revoke mandates: the back office bills, admins may do everything. */
const MANDATE_MANAGERS: readonly string[] = ["back-office", "admin"];

/** A stored mandate as the API answers it: the IBAN masked, never in full (C8, T7). */
export function toSepaMandateResponse(row: SepaMandateRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    mandateReference: row.mandateReference,
    debtorName: row.debtorName,
    debtorIbanMasked: row.debtorIbanMasked,
    debtorIbanLast4: row.debtorIbanLast4,
    signedOn: row.signedOn,
    preNotificationDays: row.preNotificationDays,
    status: row.status,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Recording and revoking mandates is back-office and admin work. Call it after
 * `visibleOrganization` (another organization's users got 404 there): the organization's own
 * portal users and other staff roles get 403.
 */
function requireMandateManager(request: FastifyRequest): Principal {
  const who = principal(request);
  if (who.actor.kind !== "staff" || !MANDATE_MANAGERS.includes(who.actor.role)) throw forbidden("manage SEPA mandates");
  return who;
}

/**
 * K10: staff see every customer's mandates (masked); customer staff only their organization's,
 * and only portal managers (they see contract status and invoices, reporters do not). Call it
 * after `visibleOrganization`.
 */
function requireMandateReader(request: FastifyRequest): Principal {
  const who = principal(request);
  if (who.actor.kind === "portal" && who.actor.role !== "portal-manager") throw forbidden("read SEPA mandates");
  return who;
}

/**
 * SEPA direct-debit mandates of a customer (C8: rental and hosting customers are billed
 * separately by direct debit; T7: the pre-notification period agreed in the mandate). The
 * worker collects a rental or hosting month under the customer's latest signed active mandate.
 *
 * The debtor IBAN is write-only: checked with `@kontor/invoicing`'s `ibanSchema` (a wrong check
 * digit is 422 naming `body.debtorIban`), stored sealed (AES-256-GCM) and answered only masked.
 * No DELETE and no change of a mandate: a new mandate is recorded and the old one revoked, so
 * invoices that name a mandate reference keep pointing at what was signed.
 */
export const sepaMandateRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/organizations/:id/sepa-mandates",
    {
      schema: {
        tags: ["organizations"],
        summary: "Record a customer's SEPA direct-debit mandate (C8, T7); back office and admin. The IBAN is stored sealed and answered masked",
        description:
          "A wrong IBAN (check digits, country length) is 422 naming `body.debtorIban`; a `signedOn` after today in the customer's zone is 422 naming `body.signedOn`. " +
          "A mandate reference that exists already in the installation (regardless of case, revoked mandates included) is 409 `SEPA_MANDATE_REFERENCE_TAKEN`.",
        params: idParamsSchema,
        body: sepaMandateCreateBodySchema,
        response: { 201: sepaMandateResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      const who = requireMandateManager(request);
      const { mandateReference, debtorIban, debtorName, signedOn, preNotificationDays } = request.body;
      const iban = ibanSchema.safeParse(debtorIban);
      if (!iban.success) {
        throw ruleViolation([{ code: "SEPA_IBAN_INVALID", message: iban.error.issues[0]?.message ?? "not a valid IBAN", path: ["debtorIban"] }]);
      }
      const now = deps.clock.now();
      // P2: "today" is the customer's calendar day, never the server's.
      const today = DateTime.fromJSDate(now, { zone: (organization.record as Organization).zone }).toISODate();
      if (today !== null && signedOn > today) {
        throw ruleViolation([{ code: "SEPA_MANDATE_SIGNED_IN_FUTURE", message: `A mandate cannot be signed after today (${today})`, path: ["signedOn"] }]);
      }
      try {
        const row = await insertSepaMandate(
          deps.database.db,
          { id: randomUUID(), organizationId: organization.id, mandateReference, debtorIban: iban.data, debtorName, signedOn, preNotificationDays, createdBy: who.userId },
          now,
        );
        return await reply
          .status(201)
          .header("location", `/v1/organizations/${encodeURIComponent(organization.id)}/sepa-mandates/${encodeURIComponent(row.id)}`)
          .send(toSepaMandateResponse(row));
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`A mandate with reference ${mandateReference} exists already`, "SEPA_MANDATE_REFERENCE_TAKEN");
        throw error;
      }
    },
  );

  app.get(
    "/v1/organizations/:id/sepa-mandates",
    {
      schema: {
        tags: ["organizations"],
        summary: "List a customer's SEPA mandates, active and revoked, IBANs masked (C8, T7); staff and the customer's portal managers",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(sepaMandateResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      requireMandateReader(request);
      const page = await listSepaMandates(deps.database.db, { organizationId: organization.id, limit: request.query.limit, after: decodeCursor(request.query.cursor) });
      return toPageBody(page, toSepaMandateResponse);
    },
  );

  app.post(
    "/v1/organizations/:id/sepa-mandates/:mandateId/revocation",
    {
      schema: {
        tags: ["organizations"],
        summary: "Revoke a customer's SEPA mandate (C8); back office and admin. Later rental and hosting months are billed by credit transfer unless another mandate is active",
        description: "A mandate revoked already is 409 `SEPA_MANDATE_REVOKED`. An invoice issued before the revocation keeps its collection date.",
        params: sepaMandateParamsSchema,
        body: sepaMandateRevocationBodySchema,
        response: { 200: sepaMandateResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      const who = requireMandateManager(request);
      const { mandateId } = request.params;
      const revoked = await revokeSepaMandate(deps.database.db, organization.id, mandateId, who.userId, deps.clock.now());
      if (revoked !== undefined) return toSepaMandateResponse(revoked);
      const stored = await findSepaMandate(deps.database.db, organization.id, mandateId);
      if (stored === undefined) throw notFound(`SEPA mandate ${mandateId}`);
      throw conflict(`SEPA mandate ${stored.mandateReference} was revoked on ${stored.revokedAt?.toISOString() ?? "?"}`, "SEPA_MANDATE_REVOKED");
    },
  );
};
