import { appendToOutbox, lockLicense, updateLicense, type OutboxEvent } from "@kontor/db";
import { licenseRefundInputSchema, refundLicense, type LicenseRefundedEvent, type RefundableLicenseRecord } from "@kontor/licensing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { conflict, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationLicensingPolicies } from "../installation-policies/domains/licensing-policy-domain.js";
import { creditRefundedLicense, type RefundCrediting } from "./license-refund-credit-note.js";
import { licenseToResponse, unwrapLicenseResult, visibleLicense } from "./license-views.js";
import { requireLicensingStaff } from "./licensing-access.js";
import { organizationFor, toJson } from "./licensing-context.js";
import { licenseResponseSchema, moneyJsonSchema } from "./licensing-schemas.js";

/** Outbox topic of a refunded license (L17): a notice for the vendor and bookkeeping. */
export const LICENSE_REFUNDED_TOPIC = "licensing.license-refunded";

/** A refunded license with what the refund did about the money. */
export const licenseRefundResponseSchema = licenseResponseSchema.extend({
  creditNoteId: z.string().nullable().describe("The draft credit note for the license's invoice line; null when the order was not invoiced by Kontor (see noCreditNote)"),
  creditNote: z
    .object({
      id: z.string(),
      invoiceId: z.string(),
      invoiceNumber: z.string(),
      lineIds: z.array(z.string()),
      netTotal: moneyJsonSchema,
      grandTotal: moneyJsonSchema,
    })
    .nullable(),
  noCreditNote: z
    .object({ code: z.enum(["LICENSE_WITHOUT_ORDER", "ORDER_INVOICED_OUTSIDE_KONTOR"]), message: z.string() })
    .nullable()
    .describe("Why no credit note was composed"),
});

/** The outbox event of a refund: one per license, ever (a license is refunded once). */
function refundedEvent(licenseId: string, organizationId: string, orderId: string | null, event: LicenseRefundedEvent, crediting: RefundCrediting): OutboxEvent {
  return {
    topic: LICENSE_REFUNDED_TOPIC,
    aggregateType: "license",
    aggregateId: licenseId,
    dedupeKey: `license:${licenseId}:refunded`,
    payload: toJson({
      ...event,
      licenseId,
      organizationId,
      orderId,
      creditNoteId: crediting.creditNote?.id ?? null,
      invoiceId: crediting.creditNote?.invoiceId ?? null,
    }),
  };
}

/** L17: carrying out a refund (`POST /v1/licenses/{id}/refund`). */
export const licenseRefundRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/licenses/:id/refund",
    {
      schema: {
        tags: ["licensing"],
        summary:
          "Refund a license within its L17 window (self-managed: 30 days from the purchase; cloud annual: 30 days from payment; cloud monthly: the first paid month): the license becomes void and, when its order was invoiced, a draft credit note for its invoice line is composed",
        params: idParamsSchema,
        body: licenseRefundInputSchema,
        response: { 200: licenseRefundResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const found = await visibleLicense(deps, request, request.params.id);
      const who = requireLicensingStaff(request, "Licenses");
      const organization = await organizationFor(deps.database.db, found.organizationId);
      const now = deps.clock.now();
      return deps.database.db.transaction(async (tx) => {
        // The license row lock serializes refunds (and deliveries) of the license: a second
        // refund waits here and then sees the first one's `refund` (409 L17_ALREADY_REFUNDED).
        const row = await lockLicense(tx, found.id);
        if (row === undefined) throw notFound(`License ${found.id}`);
        const policies = await installationLicensingPolicies(tx);
        const refunded = unwrapLicenseResult(
          refundLicense(row.record as RefundableLicenseRecord, request.body, { asOf: now.toISOString(), zone: organization.zone, policies, actor: who.userId }),
        );
        const updated = await updateLicense(tx, row.id, { record: toJson(refunded.license) }, row.version, now);
        if (updated === undefined) throw conflict(`License ${row.id} changed meanwhile; retry`, "VERSION_CONFLICT");
        const crediting = await creditRefundedLicense(tx, row, refunded.refund, now);
        await appendToOutbox(tx, refunded.events.map((event) => refundedEvent(row.id, row.organizationId, row.orderId, event, crediting)), now);
        return { ...licenseToResponse(updated), creditNoteId: crediting.creditNote?.id ?? null, ...crediting };
      });
    },
  );
};
