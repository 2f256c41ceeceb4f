import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import { ok, parseWith, type Result } from "../errors/result.js";
import type { TicketInput } from "../tickets/create-ticket.js";
import { isoInstantSchema } from "../time/instant.js";
import { assetLicenseSchema, assetSchema, type Asset } from "./asset.js";

/** zod schema of a goods receipt from a supplier, for a customer (K9, K11). */
export const goodsReceiptSchema = z
  .object({
    id: z.string().min(1),
    organizationId: z.string().min(1),
    branchId: z.string().min(1).optional(),
    supplier: z.string().min(1),
    deliveryNote: z.string().min(1),
    receivedAt: isoInstantSchema,
    recordedBy: z.string().min(1),
    items: z
      .array(
        z
          .object({
            assetId: z.string().min(1),
            name: z.string().min(1),
            category: assetSchema.shape.category,
            serialNumber: z.string().min(1).optional(),
            technicalData: z.record(z.string(), z.string()).default({}),
            purchaseDate: isoDateSchema.optional(),
            warrantyEnd: isoDateSchema.optional(),
            licenses: z.array(assetLicenseSchema).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** A goods receipt (before defaults are applied). */
export type GoodsReceiptInput = z.input<typeof goodsReceiptSchema>;

/** What a goods receipt produces: the customer's new assets and the pick-and-pack ticket. */
export interface GoodsReceiptOutcome {
  /** K11: assets recorded before delivery, with warranty and license data. */
  readonly assets: readonly Asset[];
  /** K9: materials management's "pick and pack" ticket (key `goods-receipt:<id>`). */
  readonly pickAndPackTicket: Omit<TicketInput, "id" | "number">;
}

/**
 * Books a goods receipt (K9, K11): every item becomes an asset of the customer (recorded now,
 * before delivery) and one "Kommissionieren und Packen" request ticket is produced.
 */
export function receiveGoods(input: GoodsReceiptInput): Result<GoodsReceiptOutcome> {
  const parsed = parseWith(goodsReceiptSchema, input);
  if (!parsed.ok) return parsed;
  const receipt = parsed.value;
  const assets: Asset[] = receipt.items.map((item) => ({
    id: item.assetId,
    organizationId: receipt.organizationId,
    ...(receipt.branchId === undefined ? {} : { branchId: receipt.branchId }),
    name: item.name,
    category: item.category,
    ...(item.serialNumber === undefined ? {} : { serialNumber: item.serialNumber }),
    technicalData: item.technicalData,
    ...(item.purchaseDate === undefined ? {} : { purchaseDate: item.purchaseDate }),
    ...(item.warrantyEnd === undefined ? {} : { warrantyEnd: item.warrantyEnd }),
    licenses: item.licenses,
    source: "goods-receipt",
    recordedAt: receipt.receivedAt,
  }));
  return ok({
    assets,
    pickAndPackTicket: {
      kind: "request",
      channel: "schedule",
      organizationId: receipt.organizationId,
      ...(receipt.branchId === undefined ? {} : { branchId: receipt.branchId }),
      requester: { email: "materials@kontor.invalid", name: "Materialwirtschaft" },
      subject: `Kommissionieren und Packen: ${receipt.supplier}, Lieferschein ${receipt.deliveryNote}`,
      description: receipt.items.map((item) => `- ${item.name}${item.serialNumber === undefined ? "" : ` (S/N ${item.serialNumber})`}`).join("\n"),
      scheduleKey: `goods-receipt:${receipt.id}`,
      by: { kind: "staff", id: receipt.recordedBy },
    },
  });
}
