import { randomUUID } from "node:crypto";
import { deleteInvoiceDraft, findInvoice, insertInvoiceDraft, listCreditNotesOf, listInvoices, lockInvoice } from "@kontor/db";
import { composeCreditNote, composeInvoice } from "@kontor/invoicing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess, requireStaff } from "../../auth/access.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { visibleOrganization } from "../organizations/organization-routes.js";
import { finalizeStoredInvoice } from "./finalize-stored-invoice.js";
import { createCreditNoteBodySchema, createInvoiceBodySchema, invoiceResponseSchema, toInvoiceResponse } from "./invoice-response.js";
import { installationTermsPolicies } from "../installation-policies/domains/terms-policy-domain.js";
import { recomposeDocument, toStoredDocument, type StoredInvoiceDocument } from "./stored-invoice.js";
import { INVOICE_WRITERS, visibleInvoice } from "./visible-invoice.js";

/** 409 for deleting a finalized document: it is kept for good (§14b UStG, GoBD). */
function finalizedStays(id: string, number: string | null) {
  return conflict(
    `Invoice ${id} is finalized as ${number ?? "?"} and is never deleted (GoBD); correct it with a credit note (POST /v1/invoices/${id}/credit-notes)`,
    "INVOICE_FINALIZED",
  );
}

const listQuerySchema = pageQuerySchema.extend({
  organizationId: z.string().min(1).max(100).optional().describe("Staff only: one organization's invoices (portal users always see their own)"),
  status: z.enum(["draft", "finalized"]).optional().describe("Staff only: drafts or finalized documents (portal users see finalized ones)"),
});

/**
 * Invoices, credit notes and correction invoices (`@kontor/invoicing`): drafts composed with
 * T5 totals and due dates, deleted while drafts, finalized on the day they are issued with a
 * gap-free number of that year, PDF/A-3 and XRechnung XML.
 */
export const invoiceRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/invoices",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Compose a draft invoice for an organization (T5 totals, T1 due date, T3 reverse charge checks; issue and due date are set again when it is finalized); credit notes come from POST /v1/invoices/{id}/credit-notes. A draft is changed by DELETE and POST again",
        body: createInvoiceBodySchema,
        response: { 201: invoiceResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, INVOICE_WRITERS, "Invoice");
      const { organizationId, ...input } = request.body;
      const organization = await visibleOrganization(deps, request, organizationId);
      // P1/T1: net days left open follow the installation's payment terms; the draft's source
      // records them, so recomposing it later gives the same due date.
      const { paymentTerms } = await installationTermsPolicies(deps.database.db);
      const draft = unwrap(composeInvoice(input, { paymentTermsPolicies: paymentTerms }));
      const row = await insertInvoiceDraft(
        deps.database.db,
        { id: randomUUID(), organizationId: organization.id, type: draft.type, document: toStoredDocument(draft) },
        deps.clock.now(),
      );
      return reply.status(201).header("location", `/v1/invoices/${row.id}`).send(toInvoiceResponse(row));
    },
  );

  app.get(
    "/v1/invoices",
    {
      schema: {
        tags: ["invoices"],
        summary: "List invoices (a portal manager sees the finalized invoices of their organization)",
        querystring: listQuerySchema,
        response: { 200: pageSchema(invoiceResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const scope = organizationScope(request, request.query.organizationId);
      // Staff rights do not depend on the organization; a portal user is checked on their own.
      const who = requireAccess(request, "invoice:read", { organizationId: scope ?? "*" }, "Invoices");
      const page = await listInvoices(deps.database.db, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
        organizationId: scope,
        status: who.actor.kind === "portal" ? "finalized" : request.query.status,
      });
      return toPageBody(page, toInvoiceResponse);
    },
  );

  app.get(
    "/v1/invoices/:id",
    {
      schema: {
        tags: ["invoices"],
        summary: "One invoice, credit note or correction invoice",
        params: idParamsSchema,
        response: { 200: invoiceResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => toInvoiceResponse(await visibleInvoice(deps, request, request.params.id)),
  );

  app.delete(
    "/v1/invoices/:id",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Delete a draft (it has no number, so none is lost); a finalized invoice is never deleted (409 INVOICE_FINALIZED, GoBD: correct it with a credit note). A draft is changed by deleting it and composing it again",
        params: idParamsSchema,
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, INVOICE_WRITERS, "Invoice");
      const row = await visibleInvoice(deps, request, request.params.id);
      const deleted = await deleteInvoiceDraft(deps.database.db, row.id);
      if (deleted === undefined) {
        // Finalized meanwhile (or before): it stays. Deleted meanwhile: gone, as for an unknown id.
        const current = await findInvoice(deps.database.db, row.id);
        if (current === undefined) throw notFound(`Invoice ${row.id}`);
        throw finalizedStays(current.id, current.number);
      }
      // send(null), not send(): the Idempotency-Key hook stores only a serialized body, so a
      // retried delete with the same key replays this 204 instead of answering 404.
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/v1/invoices/:id/finalization",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Finalize a draft: dated the day it is issued (installation zone; due date and policy net days from that day, T1; supply period kept), next gap-free number of that year, PDF/A-3 and XRechnung XML stored once, event invoice.finalized",
        params: idParamsSchema,
        response: { 200: invoiceResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, INVOICE_WRITERS, "Invoice");
      const row = await visibleInvoice(deps, request, request.params.id);
      if (row.status !== "draft") throw conflict(`Invoice ${row.id} is finalized already as ${row.number ?? "?"}`, "INVOICE_FINALIZED");
      return toInvoiceResponse(await finalizeStoredInvoice(deps, row.id));
    },
  );

  app.post(
    "/v1/invoices/:id/credit-notes",
    {
      schema: {
        tags: ["invoices"],
        summary: "Compose a draft credit note for all or some lines of a finalized invoice (BG-3 reference); with the earlier ones it credits no line for more than was invoiced",
        params: idParamsSchema,
        body: createCreditNoteBodySchema,
        response: { 201: invoiceResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, INVOICE_WRITERS, "Invoice");
      const { id } = await visibleInvoice(deps, request, request.params.id);
      const now = deps.clock.now();
      const row = await deps.database.db.transaction(async (tx) => {
        // The original's row lock serializes its credit notes: a concurrent one waits here until
        // this one is stored, then counts it among the earlier ones below.
        const original = await lockInvoice(tx, id);
        if (original === undefined) throw notFound(`Invoice ${id}`);
        const document = unwrap(recomposeDocument(original.document as StoredInvoiceDocument));
        // Every earlier credit note, drafts included (they are finalized later): together they
        // credit no line for more than was invoiced (422 CREDIT_EXCEEDS_INVOICE).
        const earlier = await listCreditNotesOf(tx, original.id);
        const draft = unwrap(
          composeCreditNote(document, request.body, { earlierCreditNotes: earlier.map((note) => note.document as StoredInvoiceDocument) }),
        );
        return insertInvoiceDraft(
          tx,
          { id: randomUUID(), organizationId: original.organizationId, type: draft.type, document: toStoredDocument(draft), precedingInvoiceId: original.id },
          now,
        );
      });
      return reply.status(201).header("location", `/v1/invoices/${row.id}`).send(toInvoiceResponse(row));
    },
  );
};
