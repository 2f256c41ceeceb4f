import { randomUUID } from "node:crypto";
import {
  appendToOutbox,
  findRentalSubscription,
  insertRentalSubscription,
  listRentalSubscriptions,
  updateRentalSubscription,
  type RentalSubscriptionRow,
} from "@kontor/db";
import {
  addOnBookingInputSchema,
  bookAddOn,
  cancelRental,
  changeRentalQuantity,
  myOrdersView,
  placeRentalOrder,
  provisionRental,
  quantityChangeInputSchema,
  rentalOrderInputSchema,
  rentalSubscriptionSchema,
  type RentalSubscription,
} from "@kontor/licensing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope } from "../../auth/access.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, forbidden, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationLicensingPolicies } from "../installation-policies/domains/licensing-policy-domain.js";
import { requireLicensingRead, requireRentalWriter } from "./licensing-access.js";
import { loadCatalog, organizationFor, toJson } from "./licensing-context.js";
import { organizationFilterSchema, rentalResponseSchema, rentalTransitionResponseSchema } from "./licensing-schemas.js";
import { customerPriceListOf } from "./price-list-routes.js";
import { rentalOutboxEvents } from "./rental-events.js";

/** The package's rental order (M1, M2) without ids and zone: the API takes them from the organization. */
const placeBodySchema = rentalOrderInputSchema.omit({ subscriptionId: true, customerId: true, zone: true }).extend({ organizationId: z.string().min(1).max(100) });

/** The actions of "my orders" (M3) plus the vendor's provisioning (staff, M6). */
const rentalCommandSchema = z.discriminatedUnion("type", [
  quantityChangeInputSchema.extend({ type: z.literal("change-quantity") }),
  addOnBookingInputSchema.extend({ type: z.literal("book-add-on") }),
  z.object({ type: z.literal("cancel") }).strict(),
  z.object({ type: z.literal("provision") }).strict(),
]);

function toResponse(row: RentalSubscriptionRow): z.infer<typeof rentalResponseSchema> {
  const subscription = rentalSubscriptionSchema.parse(row.record);
  const [overview] = myOrdersView([subscription]);
  return {
    id: row.id,
    organizationId: row.organizationId,
    version: row.version,
    subscription: row.record as z.infer<typeof rentalResponseSchema>["subscription"],
    overview: toJson(overview) as z.infer<typeof rentalResponseSchema>["overview"],
  };
}

async function visibleRental(deps: ApiDeps, request: FastifyRequest, id: string): Promise<RentalSubscriptionRow> {
  const row = await findRentalSubscription(deps.database.db, id);
  if (row === undefined) throw notFound(`Rental subscription ${id}`);
  requireLicensingRead(request, row.organizationId, `Rental subscription ${id}`);
  return row;
}

/** The monthly rental marketplace (M1–M7): placing rentals and the actions of "my orders". */
export const rentalRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/rental-subscriptions",
    {
      schema: {
        tags: ["licensing"],
        summary: "Rent a product monthly: both consents required, starts on the 1st of the month (M1, M2, M4)",
        body: placeBodySchema,
        response: { 201: rentalResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { organizationId, ...order } = request.body;
      requireRentalWriter(request, organizationId, `Organization ${organizationId}`);
      const organization = await organizationFor(deps.database.db, organizationId);
      const catalog = await loadCatalog(deps.database.db);
      const now = deps.clock.now();
      const id = randomUUID();
      // M1: the customer's agreed price per user, where one is on its price list.
      const priceList = await customerPriceListOf(deps.database.db, organization.id);
      // P1, M2: the installation's rental policies (required consents), or the shipped defaults.
      const policies = await installationLicensingPolicies(deps.database.db);
      const placed = unwrap(
        placeRentalOrder({ ...order, subscriptionId: id, customerId: organization.id, zone: organization.zone }, { asOf: now.toISOString(), catalog, policies, ...(priceList === undefined ? {} : { priceList }) }),
      );
      const row = await deps.database.db.transaction(async (tx) => {
        const stored = await insertRentalSubscription(
          tx,
          { id, organizationId: organization.id, productId: placed.subscription.productId, status: placed.subscription.status, record: toJson(placed.subscription) },
          now,
        );
        await appendToOutbox(tx, rentalOutboxEvents(id, stored.version, placed.events), now);
        return stored;
      });
      return reply.status(201).header("location", `/v1/rental-subscriptions/${id}`).send(toResponse(row));
    },
  );

  app.get(
    "/v1/rental-subscriptions",
    {
      schema: {
        tags: ["licensing"],
        summary: "\"My orders\": rentals with quantity, dates and available actions (M3)",
        querystring: pageQuerySchema.extend(organizationFilterSchema.shape),
        response: { 200: pageSchema(rentalResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const organizationId = organizationScope(request, request.query.organizationId);
      // Staff grants do not depend on the organization; a portal user is scoped to their own.
      requireLicensingRead(request, organizationId ?? "", "Rental subscriptions");
      const page = await listRentalSubscriptions(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor), organizationId });
      return toPageBody(page, toResponse);
    },
  );

  app.get(
    "/v1/rental-subscriptions/:id",
    {
      schema: { tags: ["licensing"], summary: "One rental", params: idParamsSchema, response: { 200: rentalResponseSchema, ...standardErrorResponses } },
    },
    async (request) => toResponse(await visibleRental(deps, request, request.params.id)),
  );

  app.post(
    "/v1/rental-subscriptions/:id/commands",
    {
      schema: {
        tags: ["licensing"],
        summary: "Change the quantity (new total, M5), book an add-on (M6), cancel (M4, M7), or record provisioning (staff)",
        params: idParamsSchema,
        body: rentalCommandSchema,
        response: { 200: rentalTransitionResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const found = await findRentalSubscription(deps.database.db, request.params.id);
      if (found === undefined) throw notFound(`Rental subscription ${request.params.id}`);
      const who = requireRentalWriter(request, found.organizationId, `Rental subscription ${found.id}`);
      const command = request.body;
      // Provisioning is the vendor's confirmation, recorded by staff, not a customer action.
      if (command.type === "provision" && who.actor.kind !== "staff") throw forbidden("record provisioning");
      const now = deps.clock.now();
      const catalog = command.type === "book-add-on" ? await loadCatalog(deps.database.db) : undefined;
      return deps.database.db.transaction(async (tx) => {
        const row = await findRentalSubscription(tx, found.id);
        if (row === undefined) throw notFound(`Rental subscription ${found.id}`);
        const subscription: RentalSubscription = rentalSubscriptionSchema.parse(row.record);
        const context = { asOf: now.toISOString(), policies: await installationLicensingPolicies(tx) };
        const transition = unwrap(
          command.type === "change-quantity"
            ? changeRentalQuantity(subscription, { newTotal: command.newTotal }, context)
            : command.type === "book-add-on"
              ? bookAddOn(subscription, { addOnId: command.addOnId, quantity: command.quantity }, { ...context, catalog: catalog ?? (await loadCatalog(tx)) })
              : command.type === "cancel"
                ? cancelRental(subscription, context)
                : provisionRental(subscription, context),
        );
        const updated = await updateRentalSubscription(tx, row.id, { status: transition.subscription.status, record: toJson(transition.subscription) }, row.version, now);
        if (updated === undefined) throw conflict(`Rental subscription ${row.id} changed meanwhile; retry`, "VERSION_CONFLICT");
        await appendToOutbox(tx, rentalOutboxEvents(row.id, updated.version, transition.events), now);
        return { ...toResponse(updated), events: transition.events.map((event) => ({ type: event.type, at: event.at })) };
      });
    },
  );
};
