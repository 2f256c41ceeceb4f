import { receiveGoods } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { unwrap } from "../../http/domain-result.js";
import { notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { toAssetResponse } from "../assets/asset-store.js";
import { referencedCustomer } from "../assets/customer-reference.js";
import { ticketView } from "../tickets/ticket-view.js";
import { bookGoodsReceipt } from "./goods-receipt-booking.js";
import { requireConsistentReceipt } from "./goods-receipt-consistency.js";
import { goodsReceiptBodySchema, goodsReceiptResponseSchema } from "./goods-receipt-schemas.js";

/** Goods receipts: assets recorded before delivery and the pick-and-pack ticket (K9, K11). */
export const goodsReceiptsRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/goods-receipts",
    {
      schema: {
        tags: ["assets"],
        summary: "Book a goods receipt: the customer's new assets (K11) and a pick-and-pack ticket (K9), once per receipt id",
        body: goodsReceiptBodySchema,
        response: { 201: goodsReceiptResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { body } = request;
      // Materials management's own work: to customer staff the route does not exist (K10, like requireStaff).
      if (principal(request).actor.kind !== "staff") throw notFound(`Organization ${body.organizationId}`);
      // K9: materials management and admin; other staff (technicians keep assets, but book no receipts) get 403.
      const who = requireAccess(request, "goods-receipt:record", { organizationId: body.organizationId }, `Organization ${body.organizationId}`);
      const organization = await referencedCustomer(deps, body.organizationId);
      // K11: recorded on goods receipt, by whoever booked it; the receipt instant defaults to now.
      const outcome = unwrap(receiveGoods({ ...body, receivedAt: body.receivedAt ?? deps.clock.now().toISOString(), recordedBy: who.userId }));
      requireConsistentReceipt(outcome, organization, body.branchId);
      const booked = await bookGoodsReceipt(deps, body.id, outcome, organization);
      return reply
        .status(201)
        .header("location", `/v1/tickets/${booked.ticket.id}`)
        .send({ receiptId: body.id, assets: booked.assets.map(toAssetResponse), ticket: ticketView(booked.ticket, [], who) });
    },
  );
};
