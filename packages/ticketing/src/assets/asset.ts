import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import { isoInstantSchema } from "../time/instant.js";

/** zod schema of a software license linked to an asset (K11). */
export const assetLicenseSchema = z
  .object({
    id: z.string().min(1),
    product: z.string().min(1),
    /** Last day the license is valid; absent for perpetual licenses. */
    expiresOn: isoDateSchema.optional(),
  })
  .strict();

/** A license linked to an asset (K11). */
export type AssetLicense = z.infer<typeof assetLicenseSchema>;

/**
 * zod schema of an asset (K11): technical data, purchase date, warranty end and linked licenses;
 * recorded by materials management on goods receipt, before delivery, or by an inventory.
 */
export const assetSchema = z
  .object({
    id: z.string().min(1),
    organizationId: z.string().min(1),
    branchId: z.string().min(1).optional(),
    name: z.string().min(1),
    category: z.enum(["server", "client", "network", "firewall", "printer", "phone", "storage", "software", "other"]),
    serialNumber: z.string().min(1).optional(),
    technicalData: z.record(z.string(), z.string()),
    purchaseDate: isoDateSchema.optional(),
    warrantyEnd: isoDateSchema.optional(),
    licenses: z.array(assetLicenseSchema),
    source: z.enum(["goods-receipt", "inventory"]),
    recordedAt: isoInstantSchema,
    deliveredAt: isoInstantSchema.optional(),
  })
  .strict();

/** An asset of a customer (K11). */
export type Asset = z.infer<typeof assetSchema>;
