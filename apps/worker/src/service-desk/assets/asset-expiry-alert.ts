import { z } from "zod";

/**
 * The payload of a K11 expiry warning in the outbox: `@kontor/ticketing`'s `ExpiryEvent` plus
 * what the mail names (asset, license product, customer). Written by the expiry job, read by its
 * mail handler.
 */
export const assetExpiryAlertSchema = z
  .object({
    type: z.enum(["warranty-expiring", "warranty-expired", "license-expiring", "license-expired"]),
    organizationId: z.string().min(1),
    organizationName: z.string().min(1),
    assetId: z.string().min(1),
    assetName: z.string().min(1),
    serialNumber: z.string().min(1).optional(),
    licenseId: z.string().min(1).optional(),
    licenseProduct: z.string().min(1).optional(),
    /** The last valid day, `YYYY-MM-DD`. */
    expiresOn: z.string().min(1),
    /** Days from the run's day (customer's zone) to `expiresOn`; negative once expired. */
    daysLeft: z.number().int(),
  })
  .strict();

/** A K11 warranty or license expiry warning as the outbox carries it. */
export type AssetExpiryAlert = z.infer<typeof assetExpiryAlertSchema>;
