import { createHash, randomUUID } from "node:crypto";
import {
  findBankStatementImport,
  findBankStatementTransaction,
  insertBankStatementBookings,
  isBankReferenceAlreadyActedOn,
  isBankStatementAlreadyImported,
  listBankStatementImports,
  listBankStatementTransactions,
  lockBankStatementTransaction,
  lockInvoices,
  openBankStatementFile,
  resolveBankStatementTransaction,
  type NewBankStatementBooking,
} from "@kontor/db";
import { readBankStatementFile } from "@kontor/invoicing";
import { Money } from "@kontor/money";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { attachmentDisposition } from "../../http/content-disposition.js";
import { conflict, contentTooLarge, notFound, ruleViolation } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationToday, recordInvoicePayment } from "../invoices/record-invoice-payment.js";
import { toImportResponse, toImportSummary, toTransactionResponse } from "./bank-statement-response.js";
import {
  assignBankTransactionBodySchema,
  bankStatementImportResponseSchema,
  bankStatementImportSummarySchema,
  bankTransactionListQuerySchema,
  bankTransactionResponseSchema,
  dismissBankTransactionBodySchema,
  importBankStatementBodySchema,
  MAX_BANK_STATEMENT_BYTES,
} from "./bank-statement-schemas.js";
import { importBankStatement } from "./import-bank-statement.js";

/** The back office books payments; admins may do everything. The files hold payers' IBANs and names. */
const BOOKKEEPERS: readonly string[] = ["back-office", "admin"];
const WHAT = "Bank statements";

/** The XML text of the upload: UTF-8 (camt files are), a byte order mark dropped. */
function xmlText(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw ruleViolation([{ code: "BANK_STATEMENT_MALFORMED", message: "The file is not UTF-8 encoded text: camt files are UTF-8 XML", path: ["contentBase64"] }]);
  }
}

async function transactionResponse(deps: ApiDeps, id: string) {
  const found = await findBankStatementTransaction(deps.database.db, id);
  if (found === undefined) throw new Error(`bank statement transaction ${id} vanished`);
  return toTransactionResponse(found, found.bookings);
}

/**
 * Bank statement import (T6, T7/C8, P3): the back office uploads the bank's camt.053 statement or
 * camt.054 notification; every incoming transfer naming one of Kontor's invoices is booked as its
 * payment on the value date, every returned SEPA direct debit reverses its collection's payment,
 * and the rest waits in the review queue, where a person assigns it to invoices or dismisses it.
 * The raw file is stored sealed; every transaction is stored with its outcome.
 */
export const bankStatementRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/bank-statements",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Import a camt.053 statement or camt.054 notification: transfers naming invoices are booked as payments (received on the value date, T6), returned direct debits reverse their payment (T7), everything else is stored for review; event bank-statement.imported",
        description:
          "All or nothing, in one transaction. A file that cannot be read is 422 (`BANK_STATEMENT_MALFORMED`, `_DOCTYPE`, `_UNSUPPORTED`, `_INVALID`) listing every problem with its path in the file. The same file (message ID or content) again is 409 `BANK_STATEMENT_ALREADY_IMPORTED`; a bank booking acted on before is stored as `duplicate` and does nothing; an overlapping import running at the same time is 409 `BANK_STATEMENT_IMPORT_CONFLICT` (retry).",
        body: importBankStatementBodySchema,
        response: { 201: bankStatementImportResponseSchema, 413: standardErrorResponses[400], ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const who = requireStaff(request, BOOKKEEPERS, WHAT);
      const content = Buffer.from(request.body.contentBase64, "base64");
      if (content.byteLength > MAX_BANK_STATEMENT_BYTES) throw contentTooLarge(content.byteLength, MAX_BANK_STATEMENT_BYTES);
      const xml = xmlText(content);
      const read = readBankStatementFile(xml);
      if (!read.ok) {
        // Paths lead into the file: body.contentBase64.statements.0.entries.3.amount.
        throw ruleViolation(read.errors.map((error) => ({ code: error.code, message: error.message, path: ["contentBase64", ...error.path] })));
      }
      const id = randomUUID();
      const now = deps.clock.now();
      try {
        await deps.database.db.transaction((tx) =>
          importBankStatement(
            tx,
            { id, file: read.value, xml, sha256: createHash("sha256").update(content).digest("hex"), filename: request.body.filename ?? null },
            { importedBy: who.userId, now },
          ),
        );
      } catch (error) {
        if (isBankStatementAlreadyImported(error)) {
          throw conflict(`The file ${read.value.messageId} (or one with the same content) is imported already: see GET /v1/bank-statements`, "BANK_STATEMENT_ALREADY_IMPORTED");
        }
        if (isBankReferenceAlreadyActedOn(error)) {
          throw conflict("Another import booked some of these bank bookings meanwhile; import the file again, they will be marked as duplicates", "BANK_STATEMENT_IMPORT_CONFLICT");
        }
        throw error;
      }
      const found = await findBankStatementImport(deps.database.db, id);
      if (found === undefined) throw new Error(`bank statement import ${id} was not stored`);
      return reply
        .status(201)
        .header("location", `/v1/bank-statements/${id}`)
        .send(toImportResponse(found.import, found.transactions, found.bookings));
    },
  );

  app.get(
    "/v1/bank-statements",
    {
      schema: {
        tags: ["invoices"],
        summary: "Imported bank statement files, newest first",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(bankStatementImportSummarySchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, BOOKKEEPERS, WHAT);
      const before = decodeCursor(request.query.cursor);
      const page = await listBankStatementImports(deps.database.db, { limit: request.query.limit, ...(before === undefined ? {} : { before: { importedAt: before.createdAt, id: before.id } }) });
      return toPageBody(page, toImportSummary);
    },
  );

  app.get(
    "/v1/bank-statements/:id",
    {
      schema: {
        tags: ["invoices"],
        summary: "An imported bank statement file with every transaction, its outcome and what it booked",
        params: idParamsSchema,
        response: { 200: bankStatementImportResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, BOOKKEEPERS, WHAT);
      const found = await findBankStatementImport(deps.database.db, request.params.id);
      if (found === undefined) throw notFound(`Bank statement ${request.params.id}`);
      return toImportResponse(found.import, found.transactions, found.bookings);
    },
  );

  app.get(
    "/v1/bank-statements/:id/file",
    {
      schema: {
        tags: ["invoices"],
        summary: "The camt file as uploaded (application/xml; it holds the payers' IBANs and names)",
        params: idParamsSchema,
        produces: ["application/xml", "application/problem+json"],
        response: { 200: z.string().describe("camt.053 or camt.054 XML (application/xml)"), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, BOOKKEEPERS, WHAT);
      const found = await findBankStatementImport(deps.database.db, request.params.id);
      const xml = found === undefined ? undefined : await openBankStatementFile(deps.database.db, found.import.id);
      if (found === undefined || xml === undefined) throw notFound(`Bank statement ${request.params.id}`);
      return reply
        .type("application/xml; charset=utf-8")
        .header("content-disposition", attachmentDisposition(found.import.filename ?? `${found.import.messageId}.xml`))
        .send(xml);
    },
  );

  app.get(
    "/v1/bank-statement-transactions",
    {
      schema: {
        tags: ["invoices"],
        summary: "Transactions of imported bank statements, newest first; `outcome=review` is the review queue",
        querystring: bankTransactionListQuerySchema,
        response: { 200: pageSchema(bankTransactionResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, BOOKKEEPERS, WHAT);
      const before = decodeCursor(request.query.cursor);
      const page = await listBankStatementTransactions(deps.database.db, {
        limit: request.query.limit,
        ...(request.query.outcome === undefined ? {} : { outcome: request.query.outcome }),
        ...(before === undefined ? {} : { before }),
      });
      return toPageBody(page, (row) => toTransactionResponse(row, row.bookings));
    },
  );

  app.post(
    "/v1/bank-statement-transactions/:id/assignment",
    {
      schema: {
        tags: ["invoices"],
        summary:
          "Assign an incoming transfer in review to invoices: each allocation is recorded as a bank-transfer payment received on the value date (T6); the allocations add up exactly to the transfer; all or nothing",
        description:
          "Only a credit in review: otherwise 409 `BANK_TRANSACTION_NOT_IN_REVIEW` or `BANK_TRANSACTION_NOT_CREDIT`. Allocations that do not add up to the transaction's amount and currency are 422 `BANK_ASSIGNMENT_SUM`; an unknown invoice is 404; a payment the rules refuse is 422 with its code at `allocations.<i>`.",
        params: idParamsSchema,
        body: assignBankTransactionBodySchema,
        response: { 200: bankTransactionResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = requireStaff(request, BOOKKEEPERS, WHAT);
      const now = deps.clock.now();
      const { allocations } = request.body;
      await deps.database.db.transaction(async (tx) => {
        // The transaction's row lock serializes assignment and dismissal of it.
        const row = await lockBankStatementTransaction(tx, request.params.id);
        if (row === undefined) throw notFound(`Bank statement transaction ${request.params.id}`);
        if (row.outcome !== "review") throw conflict(`Bank statement transaction ${row.id} is ${row.outcome}, not in review: it is decided once`, "BANK_TRANSACTION_NOT_IN_REVIEW");
        if (row.direction !== "credit") throw conflict(`Bank statement transaction ${row.id} is a debit: only incoming money pays invoices`, "BANK_TRANSACTION_NOT_CREDIT");
        // P3: exact sums in the transaction's currency.
        const total = Money.of(row.amount, row.currency);
        const sameCurrency = allocations.every((allocation) => allocation.amount.currency === row.currency);
        const sum = sameCurrency ? allocations.reduce((added, allocation) => added.add(Money.fromJSON(allocation.amount)), Money.of(0, row.currency)) : undefined;
        if (sum === undefined || !sum.equals(total)) {
          throw ruleViolation([
            {
              code: "BANK_ASSIGNMENT_SUM",
              message: sum === undefined ? `Every allocation is in ${row.currency}, the transaction's currency` : `The allocations add up to ${sum.toFixed()} ${row.currency}, the transaction is ${total.toFixed()} ${row.currency}: they must be equal`,
              path: ["allocations"],
            },
          ]);
        }
        // Invoice locks in id order: an assignment never waits on an import's invoices crosswise.
        const invoices = await lockInvoices(
          tx,
          allocations.map((allocation) => allocation.invoiceId),
        );
        const unknown = allocations.find((allocation) => !invoices.has(allocation.invoiceId));
        if (unknown !== undefined) throw notFound(`Invoice ${unknown.invoiceId}`);
        const receivedOn = row.valueDate ?? row.bookingDate ?? installationToday(row.createdAt);
        const reference = (row.remittance.trim() || row.bankReference || "").slice(0, 140).trim();
        const bookings: NewBankStatementBooking[] = [];
        for (const [index, allocation] of allocations.entries()) {
          const invoice = invoices.get(allocation.invoiceId);
          if (invoice === undefined) throw notFound(`Invoice ${allocation.invoiceId}`);
          const recorded = await recordInvoicePayment(
            tx,
            invoice,
            { amount: allocation.amount, receivedOn, method: "bank-transfer", ...(reference === "" ? {} : { reference }) },
            { id: randomUUID(), recordedBy: who.userId, now },
          );
          if (!recorded.ok) throw ruleViolation(recorded.errors.map((error) => ({ ...error, path: ["allocations", index, ...(error.path ?? [])] })));
          const amount = recorded.value.payment.amount;
          bookings.push({ transactionId: row.id, kind: "payment", invoiceId: invoice.id, paymentId: recorded.value.payment.id, amount: amount.toFixed(), currency: amount.currency });
        }
        await insertBankStatementBookings(tx, bookings, now);
        const resolved = await resolveBankStatementTransaction(tx, { id: row.id, outcome: "assigned", resolvedBy: who.userId, dismissalReason: null }, now);
        // Under the lock the transaction was found in review: the update cannot miss it.
        if (resolved === undefined) throw new Error(`bank statement transaction ${row.id} was not assigned`);
      });
      return transactionResponse(deps, request.params.id);
    },
  );

  app.post(
    "/v1/bank-statement-transactions/:id/dismissal",
    {
      schema: {
        tags: ["invoices"],
        summary: "Dismiss a transaction in review: no invoice gets the money (refunded, not Kontor's business); the reason is kept",
        description: "Only a transaction in review: otherwise 409 `BANK_TRANSACTION_NOT_IN_REVIEW`.",
        params: idParamsSchema,
        body: dismissBankTransactionBodySchema,
        response: { 200: bankTransactionResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = requireStaff(request, BOOKKEEPERS, WHAT);
      const now = deps.clock.now();
      await deps.database.db.transaction(async (tx) => {
        const row = await lockBankStatementTransaction(tx, request.params.id);
        if (row === undefined) throw notFound(`Bank statement transaction ${request.params.id}`);
        if (row.outcome !== "review") throw conflict(`Bank statement transaction ${row.id} is ${row.outcome}, not in review: it is decided once`, "BANK_TRANSACTION_NOT_IN_REVIEW");
        const resolved = await resolveBankStatementTransaction(tx, { id: row.id, outcome: "dismissed", resolvedBy: who.userId, dismissalReason: request.body.reason }, now);
        if (resolved === undefined) throw new Error(`bank statement transaction ${row.id} was not dismissed`);
      });
      return transactionResponse(deps, request.params.id);
    },
  );
};
