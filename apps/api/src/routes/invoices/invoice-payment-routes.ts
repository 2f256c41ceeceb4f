import { randomUUID } from "node:crypto";
import { isoDateSchema } from "@kontor/calendar";
import { listOverdueInvoices, loadInvoiceSettlement, lockInvoice } from "@kontor/db";
import { invoiceBalance, latePaymentClaim } from "@kontor/invoicing";
import { Money } from "@kontor/money";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime } from "luxon";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess, requireStaff } from "../../auth/access.js";
import { unwrap } from "../../http/domain-result.js";
import { pageSchema } from "../../http/pagination.js";
import { badRequest, fieldError, notFound, ruleViolation } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationTermsPolicies } from "../installation-policies/domains/terms-policy-domain.js";
import {
  invoicePaymentsResponseSchema,
  moneyJson,
  recordPaymentBodySchema,
  recordedPaymentResponseSchema,
  reversePaymentBodySchema,
  reversedPaymentResponseSchema,
  toBalanceResponse,
  toClaimResponse,
  toPaymentResponse,
} from "./payment-response.js";
import { installationToday, payable, recordInvoicePayment } from "./record-invoice-payment.js";
import { reversalRefusalProblem, reverseInvoicePayment } from "./reverse-invoice-payment.js";
import { INVOICE_WRITERS, visibleInvoice } from "./visible-invoice.js";

const paymentParamsSchema = idParamsSchema.extend({ paymentId: z.string().min(1).max(100) });

const asOfQuerySchema = z.object({
  asOf: isoDateSchema.optional().describe("Calendar day the balance and the T6 claim are computed for; default today (installation zone)"),
});

const overdueItemSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    number: z.string(),
    dueDate: z.string(),
    overdueDays: z.number().int(),
    amountDue: z.object({ amount: z.string(), currency: z.string() }),
    paid: z.object({ amount: z.string(), currency: z.string() }),
    credited: z.object({ amount: z.string(), currency: z.string() }),
    open: z.object({ amount: z.string(), currency: z.string() }),
  })
  .meta({ id: "OverdueInvoice" });

const overdueQuerySchema = asOfQuerySchema.extend({
  organizationId: z.string().min(1).max(100).optional().describe("One organization's overdue invoices"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page (1–200)"),
  cursor: z.string().min(1).max(300).optional().describe("`nextCursor` of the previous page"),
});

/** The overdue list's cursor: the (due date, id) of the last row, opaque. */
function encodeOverdueCursor(dueDate: string, id: string): string {
  return Buffer.from(JSON.stringify([dueDate, id]), "utf8").toString("base64url");
}

function decodeOverdueCursor(cursor: string | undefined): { dueDate: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(decoded) && decoded.length === 2 && isoDateSchema.safeParse(decoded[0]).success && typeof decoded[1] === "string") {
      return { dueDate: decoded[0] as string, id: decoded[1] };
    }
  } catch {
    // fall through to the 400
  }
  throw badRequest(fieldError("query", ["cursor"], "invalid_cursor", "is not a cursor this API issued"));
}

function daysBetween(from: string, until: string): number {
  return DateTime.fromISO(until, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days;
}

/**
 * Payments on finalized invoices (T6): recording one under the invoice's row lock, reversing
 * one (returned, bounced, booked on the wrong invoice) under the same lock, the balance with the
 * late-payment claim, and the list of overdue invoices.
 */
export const invoicePaymentRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/invoices/:id/payments",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Record money received on a finalized invoice or correction invoice: never more than is open (payments and finalized credit notes count), never before the issue date or in the future; events invoice.payment-recorded and, once nothing is open, invoice.paid",
        params: idParamsSchema,
        body: recordPaymentBodySchema,
        response: { 201: recordedPaymentResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const who = requireStaff(request, INVOICE_WRITERS, "Invoice");
      const { id } = await visibleInvoice(deps, request, request.params.id);
      const recorded = await deps.database.db.transaction(async (tx) => {
        // The row lock serializes payments (and credit notes) of one invoice: a concurrent
        // payment waits here, then counts against the open amount below.
        const row = await lockInvoice(tx, id);
        if (row === undefined) throw notFound(`Invoice ${id}`);
        return unwrap(await recordInvoicePayment(tx, row, request.body, { id: randomUUID(), recordedBy: who.userId, now: deps.clock.now() }));
      });
      return reply
        .status(201)
        .header("location", `/v1/invoices/${id}/payments`)
        .send({ payment: toPaymentResponse(recorded.payment), balance: toBalanceResponse(recorded.balance) });
    },
  );

  app.post(
    "/v1/invoices/:id/payments/:paymentId/reversal",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Reverse a recorded payment once — a SEPA direct debit returned (Rücklastschrift), a cheque bounced, a payment booked on the wrong invoice: it never paid anything, so its amount is open again and T6 interest runs as if it had never come; event invoice.payment-reversed",
        params: paymentParamsSchema,
        body: reversePaymentBodySchema,
        response: { 200: reversedPaymentResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = requireStaff(request, INVOICE_WRITERS, "Invoice");
      const { id } = await visibleInvoice(deps, request, request.params.id);
      const { paymentId } = request.params;
      const reversed = await deps.database.db.transaction(async (tx) => {
        // The invoice's row lock serializes the reversal with payments and other reversals of
        // the invoice: a concurrent reversal of the same payment waits, then finds it reversed.
        const row = await lockInvoice(tx, id);
        if (row === undefined) throw notFound(`Invoice ${id}`);
        const result = await reverseInvoicePayment(tx, row, paymentId, request.body, { reversedBy: who.userId, now: deps.clock.now() });
        if (!result.ok) throw reversalRefusalProblem(result.errors) ?? ruleViolation(result.errors);
        return result.value;
      });
      return { payment: toPaymentResponse(reversed.payment), balance: toBalanceResponse(reversed.balance) };
    },
  );

  app.get(
    "/v1/invoices/:id/payments",
    {
      schema: {
        tags: ["invoices"],
        summary: "The payments of a finalized invoice (reversed ones with their reversal), what is still open, and the T6 late-payment claim (base rate + 9 points, 40 EUR flat fee) up to asOf",
        params: idParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: invoicePaymentsResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleInvoice(deps, request, request.params.id);
      const invoice = payable(row);
      const asOf = request.query.asOf ?? installationToday(deps.clock.now());
      const { payments, credits } = await loadInvoiceSettlement(deps.database.db, row.id);
      // P1: the installation's base-rate history, as every other T6 computation.
      const { latePayment } = await installationTermsPolicies(deps.database.db);
      const claim = unwrap(latePaymentClaim(invoice, payments, credits, asOf, { policies: latePayment }));
      return {
        asOf,
        balance: toBalanceResponse(invoiceBalance(invoice, payments, credits, asOf)),
        // Payments after asOf had not arrived on that day. Reversed payments are listed with
        // their reversal; the balance and the claim leave them out.
        payments: payments.filter((payment) => payment.receivedOn <= asOf).map(toPaymentResponse),
        latePayment: claim === null ? null : toClaimResponse(claim),
      };
    },
  );

  app.get(
    "/v1/invoices/overdue",
    {
      schema: {
        tags: ["invoices"],
        summary: "Finalized invoices with an open amount whose due date is before asOf, oldest due date first, with what is paid, credited and open (a portal manager sees their own organization's)",
        querystring: overdueQuerySchema,
        response: { 200: pageSchema(overdueItemSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const scope = organizationScope(request, request.query.organizationId);
      requireAccess(request, "invoice:read", { organizationId: scope ?? "*" }, "Invoices");
      const asOf = request.query.asOf ?? installationToday(deps.clock.now());
      const { limit } = request.query;
      const rows = await listOverdueInvoices(deps.database.db, { asOf, limit: limit + 1, after: decodeOverdueCursor(request.query.cursor), organizationId: scope });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => ({
          id: row.id,
          organizationId: row.organizationId,
          number: row.number,
          dueDate: row.dueDate,
          overdueDays: daysBetween(row.dueDate, asOf),
          amountDue: moneyJson(Money.of(row.amountDue, row.currency)),
          paid: moneyJson(Money.of(row.paid, row.currency)),
          credited: moneyJson(Money.of(row.credited, row.currency)),
          open: moneyJson(Money.of(row.open, row.currency)),
        })),
        nextCursor: rows.length > limit && last !== undefined ? encodeOverdueCursor(last.dueDate, last.id) : null,
      };
    },
  );
};
