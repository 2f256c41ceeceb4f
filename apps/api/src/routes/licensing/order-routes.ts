import { randomUUID } from "node:crypto";
import {
  appendToOutbox,
  findLicenseOrder,
  findLicenseQuote,
  findOpenOrderOfQuote,
  insertLicenseOrder,
  listLicenseOrders,
  updateLicenseOrder,
  type LicenseOrderRow,
} from "@kontor/db";
import {
  applyOrderCommand,
  checkQuoteValid,
  licenseOrderInputSchema,
  orderCommandSchema,
  orderSchema,
  receiveOrder,
  serviceOrderInputSchema,
  type OrderInput,
} from "@kontor/licensing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope } from "../../auth/access.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { badRequest, conflict, fieldError, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { installationLicensingPolicies } from "../installation-policies/domains/licensing-policy-domain.js";
import { requireLicensingRead, requireLicensingStaff } from "./licensing-access.js";
import { loadCatalog, organizationFor, toJson } from "./licensing-context.js";
import { organizationFilterSchema, orderResponseSchema, orderTransitionResponseSchema } from "./licensing-schemas.js";
import { orderOutboxEvents } from "./order-events.js";
import { orderDocument, orderToResponse } from "./order-documents.js";
import { orderLinesFromQuote } from "./order-from-quote.js";
import { applyLicenseDelivery } from "./licenses-from-delivery.js";

// The package's order inputs without `orderId` and `customer`: the API numbers the order and
// takes the customer from the organization. (`omit` is not allowed on refined zod objects.)
const licenseShape = licenseOrderInputSchema.shape;
const orderBodySchema = z.discriminatedUnion("kind", [
  z.object(licenseShape).omit({ orderId: true, customer: true }).strict(),
  z.object(serviceOrderInputSchema.shape).omit({ orderId: true, customer: true }).strict(),
]);

/** What a customer adds when accepting a quote (L1, L3, L4). */
const acceptanceSchema = z
  .object({
    confirmationRequirements: licenseShape.confirmationRequirements,
    requestedPurchaseDate: licenseShape.requestedPurchaseDate,
    technicalContact: licenseShape.technicalContact,
    purchaseRoute: licenseShape.purchaseRoute,
    eligibility: licenseShape.eligibility,
  })
  .strict();

const createOrderBodySchema = z
  .object({
    organizationId: z.string().min(1).max(100),
    order: orderBodySchema.optional().describe("The order itself; or give `quoteId`"),
    quoteId: z.string().min(1).max(100).optional().describe("Order the lines of this quote at its prices (L8: while it is valid)"),
    acceptance: acceptanceSchema.optional().describe("With `quoteId`: confirmation requirements, technical contact, purchase date"),
  })
  .strict();

/** Orders (L1–L5, L10, L18): received by `receiveOrder`, moved by `applyOrderCommand`; events go to the outbox. */
/** L8: a quote is accepted once; another order of it is a conflict naming the one that exists. */
function quoteAlreadyOrdered(quoteId: string, orderId: string | undefined) {
  return conflict(`Quote ${quoteId} is already ordered${orderId === undefined ? "" : ` (order ${orderId})`}; cancel that order to order the quote again`, "QUOTE_ALREADY_ORDERED");
}

export const orderRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/orders",
    {
      schema: {
        tags: ["licensing"],
        summary: "Receive a license or service order, e.g. from an accepted quote (L1)",
        body: createOrderBodySchema,
        response: { 201: orderResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireLicensingStaff(request, "Orders");
      const body = request.body;
      if ((body.order === undefined) === (body.quoteId === undefined)) {
        throw badRequest(fieldError("body", ["order"], "order_or_quote", "give either order or quoteId"));
      }
      const organization = await organizationFor(deps.database.db, body.organizationId);
      const now = deps.clock.now();
      const orderId = randomUUID();
      const customer = { id: organization.id, name: organization.name, zone: organization.zone };
      let input: OrderInput;
      if (body.quoteId !== undefined) {
        const quote = await findLicenseQuote(deps.database.db, body.quoteId);
        if (quote === undefined || quote.organizationId !== organization.id) throw notFound(`Quote ${body.quoteId}`);
        const quoted = quote.record as { quoteId: string; validUntil: string; zone: string; coTermTargetEnd?: string | null };
        unwrap(checkQuoteValid(quoted, now.toISOString()));
        const ordered = await findOpenOrderOfQuote(deps.database.db, body.quoteId);
        if (ordered !== undefined) throw quoteAlreadyOrdered(body.quoteId, ordered.id);
        // L11 → L10: the quote's co-term target comes along, so the order goes to manual review.
        const coTerm = quoted.coTermTargetEnd ?? undefined;
        input = { kind: "license", orderId, customer, lines: orderLinesFromQuote(quote), ...(body.acceptance ?? {}), ...(coTerm === undefined ? {} : { coTermTargetEnd: coTerm }) };
      } else if (body.order !== undefined) {
        // Back to JSON: the body was parsed (prices became Money); receiveOrder reads the JSON form.
        input = toJson({ ...body.order, orderId, customer }) as OrderInput;
      } else {
        throw badRequest(fieldError("body", ["order"], "order_or_quote", "give either order or quoteId"));
      }
      const catalog = await loadCatalog(deps.database.db);
      // P1: the installation's policies (L6, L12, L14, L16), or the shipped defaults.
      const policies = await installationLicensingPolicies(deps.database.db);
      const received = unwrap(receiveOrder(input, { asOf: now.toISOString(), catalog, policies }));
      let row: LicenseOrderRow;
      try {
        row = await deps.database.db.transaction(async (tx) => {
          const stored = await insertLicenseOrder(
            tx,
            {
              id: orderId,
              organizationId: organization.id,
              quoteId: body.quoteId ?? null,
              kind: received.order.kind,
              status: received.order.status,
              record: orderDocument(received.order),
            },
            now,
          );
          await appendToOutbox(tx, orderOutboxEvents(orderId, stored.version, received.events), now);
          return stored;
        });
      } catch (error) {
        // Two orders of one quote at the same moment: the index lets one through (L8).
        if (body.quoteId === undefined || !isUniqueViolation(error)) throw error;
        throw quoteAlreadyOrdered(body.quoteId, (await findOpenOrderOfQuote(deps.database.db, body.quoteId))?.id);
      }
      return reply.status(201).header("location", `/v1/orders/${orderId}`).send(orderToResponse(row));
    },
  );

  app.get(
    "/v1/orders",
    {
      schema: {
        tags: ["licensing"],
        summary: "List orders (a portal manager sees their organization's)",
        querystring: pageQuerySchema.extend(organizationFilterSchema.shape),
        response: { 200: pageSchema(orderResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const organizationId = organizationScope(request, request.query.organizationId);
      // Staff grants do not depend on the organization; a portal user is scoped to their own.
      requireLicensingRead(request, organizationId ?? "", "Orders");
      const page = await listLicenseOrders(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor), organizationId });
      return toPageBody(page, orderToResponse);
    },
  );

  app.get(
    "/v1/orders/:id",
    {
      schema: {
        tags: ["licensing"],
        summary: "One order",
        params: idParamsSchema,
        response: { 200: orderResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await findLicenseOrder(deps.database.db, request.params.id);
      if (row === undefined) throw notFound(`Order ${request.params.id}`);
      requireLicensingRead(request, row.organizationId, `Order ${row.id}`);
      return orderToResponse(row);
    },
  );

  app.post(
    "/v1/orders/:id/commands",
    {
      schema: {
        tags: ["licensing"],
        summary: "Apply a lifecycle command: confirm, purchase, deliver, invoice, cancel, … (L1–L5, L10, L18)",
        params: idParamsSchema,
        body: orderCommandSchema,
        response: { 200: orderTransitionResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const found = await findLicenseOrder(deps.database.db, request.params.id);
      if (found === undefined) throw notFound(`Order ${request.params.id}`);
      requireLicensingRead(request, found.organizationId, `Order ${found.id}`);
      const who = requireLicensingStaff(request, "Orders");
      const command = request.body;
      const now = deps.clock.now();
      return deps.database.db.transaction(async (tx) => {
        const row = await findLicenseOrder(tx, found.id);
        if (row === undefined) throw notFound(`Order ${found.id}`);
        const order = orderSchema.parse(row.record);
        const policies = await installationLicensingPolicies(tx);
        // L4: the order's history of technical contact changes names the staff user who made them.
        const transition = unwrap(applyOrderCommand(order, command, { asOf: now.toISOString(), policies, actor: who.userId }));
        const updated = await updateLicenseOrder(tx, row.id, { status: transition.order.status, record: orderDocument(transition.order) }, row.version, now);
        if (updated === undefined) throw conflict(`Order ${row.id} changed meanwhile; retry`, "VERSION_CONFLICT");
        const delivered = transition.order.kind === "license" && transition.order.deliveredAt !== null;
        if (transition.order.kind === "license" && (command.type === "deliver" || (command.type === "record-vendor-payment" && delivered))) {
          // L5, L15, L19: the delivery creates, renews or upgrades the customer's licenses (keys sealed);
          // L18: cloud renewals and upgrades paid only after delivery take effect with the payment.
          const keys = new Map(command.type === "deliver" ? command.keys.map((item) => [item.lineId, item.key]) : []);
          const quote = row.quoteId === null ? undefined : await findLicenseQuote(tx, row.quoteId);
          await applyLicenseDelivery(
            tx,
            {
              order: transition.order,
              organizationId: row.organizationId,
              catalog: await loadCatalog(tx),
              policies,
              keys,
              quoteRequest: quote?.request,
              phase: command.type === "deliver" ? "delivery" : "payment",
              asOf: now.toISOString(),
            },
            now,
          );
        }
        await appendToOutbox(tx, orderOutboxEvents(row.id, updated.version, transition.events), now);
        return { ...orderToResponse(updated), events: transition.events.map((event) => ({ type: event.type, at: event.at })) };
      });
    },
  );
};
