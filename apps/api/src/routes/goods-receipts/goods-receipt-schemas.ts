import { goodsReceiptSchema } from "@kontor/ticketing";
import { z } from "zod";
import { assetResponseSchema } from "../assets/asset-schemas.js";
import { ticketViewSchema } from "../tickets/ticket-view.js";

// Ids the API can address again (`/v1/assets/:id` takes at most 100 characters, like every id).
const receiptItemSchema = goodsReceiptSchema.shape.items.element.extend({
  assetId: goodsReceiptSchema.shape.items.element.shape.assetId.max(100).describe("The new asset's id, e.g. the inventory number; must not be taken"),
});

/**
 * Body of `POST /v1/goods-receipts` (K9, K11): `@kontor/ticketing`'s goods receipt without
 * `recordedBy`, which is always the authenticated staff user, and with `receivedAt` optional.
 */
export const goodsReceiptBodySchema = goodsReceiptSchema.omit({ recordedBy: true }).extend({
  id: goodsReceiptSchema.shape.id.max(100).describe("The receipt's id (e.g. the goods-receipt slip number); a receipt is booked once"),
  receivedAt: goodsReceiptSchema.shape.receivedAt.optional().describe("When the goods arrived; now when absent"),
  items: z.array(receiptItemSchema).min(1).describe("One asset per item (K11)"),
});

/** What booking a goods receipt stored: its assets (K11) and the pick-and-pack ticket (K9). */
export const goodsReceiptResponseSchema = z
  .object({
    receiptId: z.string(),
    assets: z.array(assetResponseSchema).describe("K11: the customer's new assets, in the order of the items"),
    ticket: ticketViewSchema.describe("K9: the \"Kommissionieren und Packen\" request ticket"),
  })
  .meta({ id: "BookedGoodsReceipt" });
