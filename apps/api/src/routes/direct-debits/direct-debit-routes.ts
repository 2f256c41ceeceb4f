import { randomBytes, randomUUID } from "node:crypto";
import {
  cancelDirectDebitBatch,
  findBillingSettings,
  findDirectDebitBatch,
  insertDirectDebitBatch,
  isPendingCollectionConflict,
  listDirectDebitBatches,
  lockDirectDebitBatch,
  lockInvoice,
  markCollectionBooked,
  openDirectDebitFile,
} from "@kontor/db";
import { billingSettingsSchema, writeSepaDirectDebitFile } from "@kontor/invoicing";
import { Money } from "@kontor/money";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, notFound, ruleViolation } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationToday, recordInvoicePayment } from "../invoices/record-invoice-payment.js";
import { toBatchResponse, toBatchSummary } from "./direct-debit-response.js";
import {
  cancelDirectDebitBatchBodySchema,
  createDirectDebitBatchBodySchema,
  createdDirectDebitBatchResponseSchema,
  directDebitBatchResponseSchema,
  directDebitBatchSummarySchema,
  directDebitBookingResponseSchema,
  directDebitPreviewQuerySchema,
  directDebitPreviewResponseSchema,
} from "./direct-debit-schemas.js";
import { planDirectDebits, type SkippedCollection } from "./plan-direct-debits.js";

/** The back office collects; admins may do everything. The files hold debtors' full IBANs. */
const COLLECTORS: readonly string[] = ["back-office", "admin"];
const WHAT = "Direct debit batches";

function toSkipped({ candidate, code, message }: SkippedCollection) {
  return {
    invoiceId: candidate.id,
    organizationId: candidate.organizationId,
    number: candidate.number,
    dueDate: candidate.dueDate,
    open: { amount: candidate.open, currency: candidate.currency },
    code,
    message,
  };
}

/** A message ID unique per file: `DD-<yyyymmdd>-<12 hex>` (20 characters, SEPA identifier). */
function messageIdFor(today: string): string {
  return `DD-${today.replaceAll("-", "")}-${randomBytes(6).toString("hex")}`;
}

/**
 * SEPA direct debit files (C8, T7): the back office creates a pain.008.001.08 file of every
 * direct-debit invoice pre-notified for collection, downloads it for the bank, books the
 * collected money as payments on or after the collection date, or cancels a file the bank did
 * not take. A returned debit is reversed on its invoice (`POST /v1/invoices/:id/payments/:paymentId/reversal`).
 */
export const directDebitRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/direct-debit-batches/preview",
    {
      schema: {
        tags: ["invoices"],
        summary: "What a direct debit file created now would collect, and which invoices due for collection it would leave out and why (T7: a passed collection date is never moved)",
        querystring: directDebitPreviewQuerySchema,
        response: { 200: directDebitPreviewResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, COLLECTORS, WHAT);
      const plan = await planDirectDebits(deps.database.db, installationToday(deps.clock.now()), request.query.collectUntil);
      return {
        earliestCollectionDate: plan.earliestCollectionDate,
        collections: plan.planned.map(({ candidate, collection }) => ({
          invoiceId: candidate.id,
          organizationId: candidate.organizationId,
          number: candidate.number,
          amount: collection.amount,
          collectionDate: collection.collectionDate,
          mandateReference: collection.mandate.reference,
        })),
        controlSum: { amount: Money.sum(plan.planned.map(({ collection }) => Money.of(collection.amount.amount, "EUR")), "EUR").toFixed(), currency: "EUR" },
        skipped: plan.skipped.map(toSkipped),
      };
    },
  );

  app.post(
    "/v1/direct-debit-batches",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Create a SEPA direct debit file (pain.008.001.08) of every finalized direct-debit invoice with an open amount, collected on its pre-notified date (C8, T7); the invoices stay in it until it is booked or cancelled",
        description:
          "Needs stored billing settings (the creditor's name and account): otherwise 409 `DIRECT_DEBIT_NO_BILLING_SETTINGS`. Nothing to collect is 422 `DIRECT_DEBIT_NOTHING_TO_COLLECT`; GET /v1/direct-debit-batches/preview says why.",
        body: createDirectDebitBatchBodySchema,
        response: { 201: createdDirectDebitBatchResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const who = requireStaff(request, COLLECTORS, WHAT);
      const now = deps.clock.now();
      const today = installationToday(now);
      const stored = await findBillingSettings(deps.database.db);
      const settings = stored === undefined ? undefined : billingSettingsSchema.safeParse(stored.settings);
      if (settings === undefined || !settings.success) {
        throw conflict("The creditor's name and account come from the billing settings: store them first (PUT /v1/billing-settings)", "DIRECT_DEBIT_NO_BILLING_SETTINGS");
      }
      const { seller, paymentMeans } = settings.data;
      const plan = await planDirectDebits(deps.database.db, today, request.body.collectUntil);
      if (plan.planned.length === 0) {
        throw ruleViolation([
          {
            code: "DIRECT_DEBIT_NOTHING_TO_COLLECT",
            message: `No invoice can be collected on or after ${plan.earliestCollectionDate}${plan.skipped.length > 0 ? ` (${String(plan.skipped.length)} left out, see GET /v1/direct-debit-batches/preview)` : ""}`,
            path: ["collectUntil"],
          },
        ]);
      }
      const messageId = messageIdFor(today);
      const file = unwrap(
        writeSepaDirectDebitFile({
          messageId,
          createdAt: now.toISOString(),
          initiatingParty: seller.name,
          creditor: { name: paymentMeans.accountName ?? seller.name, iban: paymentMeans.iban, ...(paymentMeans.bic === undefined ? {} : { bic: paymentMeans.bic }) },
          collections: plan.planned.map(({ collection }) => collection),
        }),
      );
      const id = randomUUID();
      try {
        await insertDirectDebitBatch(
          deps.database.db,
          { id, messageId, numberOfTransactions: file.numberOfTransactions, controlSum: file.controlSum.toFixed(), xml: file.xml, createdBy: who.userId },
          plan.planned.map(({ candidate, collection }) => ({
            invoiceId: candidate.id,
            organizationId: candidate.organizationId,
            endToEndId: collection.endToEndId,
            amount: collection.amount.amount,
            collectionDate: collection.collectionDate,
            mandateReference: collection.mandate.reference,
          })),
          now,
        );
      } catch (error) {
        if (isPendingCollectionConflict(error)) {
          throw conflict("Another direct debit file took some of these invoices meanwhile; create the file again", "DIRECT_DEBIT_COLLECTION_PENDING");
        }
        throw error;
      }
      const created = await findDirectDebitBatch(deps.database.db, id);
      if (created === undefined) throw new Error(`direct debit batch ${id} was not stored`);
      return reply
        .status(201)
        .header("location", `/v1/direct-debit-batches/${id}`)
        .send({ batch: toBatchResponse(created.batch, created.collections), skipped: plan.skipped.map(toSkipped) });
    },
  );

  app.get(
    "/v1/direct-debit-batches",
    {
      schema: {
        tags: ["invoices"],
        summary: "Direct debit files, newest first",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(directDebitBatchSummarySchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, COLLECTORS, WHAT);
      const page = await listDirectDebitBatches(deps.database.db, { limit: request.query.limit, before: decodeCursor(request.query.cursor) });
      return toPageBody(page, (row) => toBatchSummary(row));
    },
  );

  app.get(
    "/v1/direct-debit-batches/:id",
    {
      schema: {
        tags: ["invoices"],
        summary: "A direct debit file's figures and its collections (pending, booked, released)",
        params: idParamsSchema,
        response: { 200: directDebitBatchResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, COLLECTORS, WHAT);
      const found = await findDirectDebitBatch(deps.database.db, request.params.id);
      if (found === undefined) throw notFound(`Direct debit batch ${request.params.id}`);
      return toBatchResponse(found.batch, found.collections);
    },
  );

  app.get(
    "/v1/direct-debit-batches/:id/file",
    {
      schema: {
        tags: ["invoices"],
        summary: "The pain.008.001.08 file for the bank (application/xml; it holds the debtors' IBANs)",
        params: idParamsSchema,
        produces: ["application/xml", "application/problem+json"],
        response: { 200: z.string().describe("pain.008.001.08 XML (application/xml)"), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, COLLECTORS, WHAT);
      const found = await findDirectDebitBatch(deps.database.db, request.params.id);
      const xml = found === undefined ? undefined : await openDirectDebitFile(deps.database.db, found.batch.id);
      if (found === undefined || xml === undefined) throw notFound(`Direct debit batch ${request.params.id}`);
      return reply
        .type("application/xml; charset=utf-8")
        .header("content-disposition", `attachment; filename="${found.batch.messageId}.xml"`)
        .send(xml);
    },
  );

  app.post(
    "/v1/direct-debit-batches/:id/booking",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Book the collected money: every pending collection whose collection date has come is recorded as a sepa-direct-debit payment on its invoice (events invoice.payment-recorded, invoice.paid); later ones stay pending",
        description:
          "A collection the payment rules refuse (the invoice was paid otherwise meanwhile) is listed under `refused` and stays pending. Nothing due yet is 409 `DIRECT_DEBIT_NOT_DUE`; a cancelled file is 409 `DIRECT_DEBIT_BATCH_CANCELLED`.",
        params: idParamsSchema,
        response: { 200: directDebitBookingResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = requireStaff(request, COLLECTORS, WHAT);
      const now = deps.clock.now();
      const today = installationToday(now);
      const result = await deps.database.db.transaction(async (tx) => {
        // The batch lock serializes booking with booking and cancellation of the same file.
        const batch = await lockDirectDebitBatch(tx, request.params.id);
        if (batch === undefined) throw notFound(`Direct debit batch ${request.params.id}`);
        if (batch.cancelledAt !== null) throw conflict(`Direct debit file ${batch.messageId} was cancelled: nothing of it is booked`, "DIRECT_DEBIT_BATCH_CANCELLED");
        const found = await findDirectDebitBatch(tx, batch.id);
        const pending = (found?.collections ?? []).filter((row) => row.paymentId === null && row.releasedAt === null);
        const due = pending.filter((row) => row.collectionDate <= today);
        const notYetDue = pending.filter((row) => row.collectionDate > today);
        if (due.length === 0 && notYetDue.length > 0) {
          throw conflict(`Nothing of ${batch.messageId} is collected before ${notYetDue[0]?.collectionDate ?? "?"}: book it on or after that day`, "DIRECT_DEBIT_NOT_DUE");
        }
        const booked = [];
        const refused = [];
        // Invoice locks in id order: two bookings never wait on each other's invoices crosswise.
        for (const row of [...due].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1))) {
          const invoice = await lockInvoice(tx, row.invoiceId);
          if (invoice === undefined) throw new Error(`invoice ${row.invoiceId} of direct debit batch ${batch.id} is missing`);
          const recorded = await recordInvoicePayment(
            tx,
            invoice,
            { amount: { amount: row.amount, currency: row.currency }, receivedOn: row.collectionDate, method: "sepa-direct-debit", reference: `${batch.messageId} ${row.endToEndId}` },
            { id: randomUUID(), recordedBy: who.userId, now },
          );
          if (!recorded.ok) {
            refused.push({ invoiceId: row.invoiceId, number: row.endToEndId, errors: recorded.errors.map(({ code, message }) => ({ code, message })) });
            continue;
          }
          const marked = await markCollectionBooked(tx, batch.id, row.invoiceId, recorded.value.payment.id);
          if (marked === undefined) throw new Error(`collection of ${row.invoiceId} in batch ${batch.id} was not booked`);
          booked.push({ invoiceId: row.invoiceId, number: row.endToEndId, paymentId: recorded.value.payment.id, amount: { amount: row.amount, currency: row.currency }, receivedOn: row.collectionDate });
        }
        const after = await findDirectDebitBatch(tx, batch.id);
        if (after === undefined) throw new Error(`direct debit batch ${batch.id} vanished`);
        return {
          batch: toBatchResponse(after.batch, after.collections),
          booked,
          notYetDue: notYetDue.map((row) => ({ invoiceId: row.invoiceId, number: row.endToEndId, collectionDate: row.collectionDate })),
          refused,
        };
      });
      return result;
    },
  );

  app.post(
    "/v1/direct-debit-batches/:id/cancellation",
    {
      schema: {
        tags: ["invoices"],
        summary: "Cancel a file the bank did not take: its invoices are released for a later file. Refused once a collection of it is booked (409 DIRECT_DEBIT_BATCH_BOOKED)",
        params: idParamsSchema,
        body: cancelDirectDebitBatchBodySchema,
        response: { 200: directDebitBatchResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = requireStaff(request, COLLECTORS, WHAT);
      const now = deps.clock.now();
      const outcome = await deps.database.db.transaction((tx) => cancelDirectDebitBatch(tx, request.params.id, { by: who.userId, reason: request.body.reason }, now));
      switch (outcome.outcome) {
        case "not-found":
          throw notFound(`Direct debit batch ${request.params.id}`);
        case "cancelled-already":
          throw conflict(`Direct debit file ${outcome.batch.messageId} is cancelled already`, "DIRECT_DEBIT_BATCH_CANCELLED");
        case "booked":
          throw conflict(`${String(outcome.booked.length)} collection(s) of ${outcome.batch.messageId} are booked: a collected file is not cancelled; reverse returned debits on their invoices`, "DIRECT_DEBIT_BATCH_BOOKED");
        case "cancelled": {
          const found = await findDirectDebitBatch(deps.database.db, outcome.batch.id);
          if (found === undefined) throw new Error(`direct debit batch ${outcome.batch.id} vanished`);
          return toBatchResponse(found.batch, found.collections);
        }
      }
    },
  );
};
