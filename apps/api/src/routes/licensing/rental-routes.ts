import { randomUUID } from "node:crypto";
import {
  appendToOutbox,
  findRentalSubscription,
  insertRentalSubscription,
  listRentalSubscriptions,
  lockRentalsOfProduct,
  updateRentalSubscription,
  type KontorTransaction,
  type RentalSubscriptionRow,
} from "@kontor/db";
import {
  addOnBookingInputSchema,
  addOnCancellationInputSchema,
  bookAddOn,
  cancelAddOn,
  cancelRental,
  changeRentalQuantity,
  checkProductNotRented,
  myOrdersView,
  placeRentalOrder,
  provisionRental,
  quantityChangeInputSchema,
  rentalOrderInputSchema,
  rentalSubscriptionSchema,
  withdrawRentalCancellation,
  type LicensingError,
  type RentalSubscription,
} from "@kontor/licensing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope } from "../../auth/access.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, fieldError, forbidden, notFound, ProblemError } from "../../http/problem.js";
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
  // M4, M6: one add-on ends with the month, the product runs on.
  addOnCancellationInputSchema.extend({ type: z.literal("cancel-add-on") }),
  z.object({ type: z.literal("cancel") }).strict(),
  // M4: until the end date the rental runs on as before.
  z.object({ type: z.literal("withdraw-cancellation") }).strict(),
  z.object({ type: z.literal("provision") }).strict(),
]);

/** The "my orders" row of a rental with all its actions (M3, M4: withdrawing a cancellation). */
const rentalOverviewSchema = rentalResponseSchema.shape.overview.extend({
  actions: z.object({ changeQuantity: z.boolean(), bookAddOn: z.boolean(), cancel: z.boolean(), withdrawCancellation: z.boolean() }),
});
const rentalBodySchema = rentalResponseSchema.extend({ overview: rentalOverviewSchema });
const rentalTransitionBodySchema = rentalTransitionResponseSchema.extend({ overview: rentalOverviewSchema });

/** The rental as answered, its "my orders" row (M3) as of `now` (P2). */
function toResponse(row: RentalSubscriptionRow, now: Date): z.infer<typeof rentalBodySchema> {
  const subscription = rentalSubscriptionSchema.parse(row.record);
  const [overview] = myOrdersView([subscription], now.toISOString());
  return {
    id: row.id,
    organizationId: row.organizationId,
    version: row.version,
    subscription: row.record as z.infer<typeof rentalBodySchema>["subscription"],
    overview: toJson(overview) as z.infer<typeof rentalBodySchema>["overview"],
  };
}

/** M4, M5: the rentals of the product the organization holds, under the lock every write that could add a second running one takes ({@link lockRentalsOfProduct}). */
async function lockedRentalsOfProduct(tx: KontorTransaction, organizationId: string, productId: string): Promise<RentalSubscription[]> {
  return (await lockRentalsOfProduct(tx, organizationId, productId)).map((row) => rentalSubscriptionSchema.parse(row.record));
}

/**
 * 409 naming the rental that still runs: change its quantity or withdraw its cancellation instead
 * (M4, M5). On an order the field is `body.productId`; a withdrawal has no such field.
 */
function alreadyRented(errors: readonly LicensingError[], ordered: boolean): ProblemError {
  const [first] = errors;
  return new ProblemError(409, "conflict", "Conflict", {
    detail: errors.map((error) => error.message).join("; "),
    ...(first === undefined ? {} : { code: first.code }),
    errors: errors.map((error) => fieldError("body", ordered ? error.path : [], error.code, error.message)),
  });
}

async function visibleRental(deps: ApiDeps, request: FastifyRequest, id: string): Promise<RentalSubscriptionRow> {
  const row = await findRentalSubscription(deps.database.db, id);
  if (row === undefined) throw notFound(`Rental subscription ${id}`);
  requireLicensingRead(request, row.organizationId, `Rental subscription ${id}`);
  return row;
}

/**
 * The monthly rental marketplace (M1–M7): placing rentals (one running rental per organization
 * and product, M4/M5) and the actions of "my orders".
 */
export const rentalRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/rental-subscriptions",
    {
      schema: {
        tags: ["licensing"],
        summary:
          "Rent a product monthly: both consents required, starts on the 1st of the month (M1, M2, M4); 409 M5_PRODUCT_ALREADY_RENTED while the organization rents it already (until a cancelled rental's end date)",
        body: placeBodySchema,
        response: { 201: rentalBodySchema, ...standardErrorResponses },
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
        // M4, M5: one running rental per product; a second order would bill its month twice.
        const rentals = await lockedRentalsOfProduct(tx, organization.id, placed.subscription.productId);
        const unique = checkProductNotRented(rentals, { customerId: organization.id, productId: placed.subscription.productId }, { asOf: now.toISOString() });
        if (!unique.ok) throw alreadyRented(unique.errors, true);
        const stored = await insertRentalSubscription(
          tx,
          { id, organizationId: organization.id, productId: placed.subscription.productId, status: placed.subscription.status, record: toJson(placed.subscription) },
          now,
        );
        await appendToOutbox(tx, rentalOutboxEvents(id, stored.version, placed.events), now);
        return stored;
      });
      return reply.status(201).header("location", `/v1/rental-subscriptions/${id}`).send(toResponse(row, now));
    },
  );

  app.get(
    "/v1/rental-subscriptions",
    {
      schema: {
        tags: ["licensing"],
        summary: "\"My orders\": rentals with quantity, dates and available actions (M3)",
        querystring: pageQuerySchema.extend(organizationFilterSchema.shape),
        response: { 200: pageSchema(rentalBodySchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const organizationId = organizationScope(request, request.query.organizationId);
      // Staff grants do not depend on the organization; a portal user is scoped to their own.
      requireLicensingRead(request, organizationId ?? "", "Rental subscriptions");
      const page = await listRentalSubscriptions(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor), organizationId });
      const now = deps.clock.now();
      return toPageBody(page, (row) => toResponse(row, now));
    },
  );

  app.get(
    "/v1/rental-subscriptions/:id",
    {
      schema: { tags: ["licensing"], summary: "One rental", params: idParamsSchema, response: { 200: rentalBodySchema, ...standardErrorResponses } },
    },
    async (request) => toResponse(await visibleRental(deps, request, request.params.id), deps.clock.now()),
  );

  app.post(
    "/v1/rental-subscriptions/:id/commands",
    {
      schema: {
        tags: ["licensing"],
        summary:
          "Change the quantity (new total, M5), book an add-on (M6), cancel an add-on (M4, M6), cancel (M4, M7), withdraw a cancellation until its end date (M4), or record provisioning (staff)",
        params: idParamsSchema,
        body: rentalCommandSchema,
        response: { 200: rentalTransitionBodySchema, ...standardErrorResponses },
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
        // M4, M5: a withdrawn cancellation makes the rental run on; no other rental of the product may.
        const others = command.type === "withdraw-cancellation" ? (await lockedRentalsOfProduct(tx, found.organizationId, found.productId)).filter((other) => other.subscriptionId !== found.id) : [];
        const row = await findRentalSubscription(tx, found.id);
        if (row === undefined) throw notFound(`Rental subscription ${found.id}`);
        const subscription: RentalSubscription = rentalSubscriptionSchema.parse(row.record);
        const context = { asOf: now.toISOString(), policies: await installationLicensingPolicies(tx) };
        const transition = unwrap(
          command.type === "change-quantity"
            ? changeRentalQuantity(subscription, { newTotal: command.newTotal }, context)
            : command.type === "book-add-on"
              ? bookAddOn(subscription, { addOnId: command.addOnId, quantity: command.quantity }, { ...context, catalog: catalog ?? (await loadCatalog(tx)) })
              : command.type === "cancel-add-on"
                ? cancelAddOn(subscription, { addOnId: command.addOnId }, context)
                : command.type === "cancel"
                  ? cancelRental(subscription, context)
                  : command.type === "withdraw-cancellation"
                    ? withdrawRentalCancellation(subscription, context)
                    : provisionRental(subscription, context),
        );
        if (command.type === "withdraw-cancellation") {
          const unique = checkProductNotRented(others, { customerId: subscription.customerId, productId: subscription.productId }, context);
          if (!unique.ok) throw alreadyRented(unique.errors, false);
        }
        const updated = await updateRentalSubscription(tx, row.id, { status: transition.subscription.status, record: toJson(transition.subscription) }, row.version, now);
        if (updated === undefined) throw conflict(`Rental subscription ${row.id} changed meanwhile; retry`, "VERSION_CONFLICT");
        await appendToOutbox(tx, rentalOutboxEvents(row.id, updated.version, transition.events), now);
        return { ...toResponse(updated, now), events: transition.events.map((event) => ({ type: event.type, at: event.at })) };
      });
    },
  );
};
