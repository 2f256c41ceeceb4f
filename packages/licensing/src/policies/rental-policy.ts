import { z } from "zod";
import { dateSchema } from "../time/zone-fields.js";
import type { Versioned } from "./policy-in-force.js";

/** The consents a rental order needs (M2). */
export const RENTAL_CONSENTS = ["termsAndLicenseConditions", "vendorAccountCreation"] as const;

/** One consent of {@link RENTAL_CONSENTS}. */
export type RentalConsent = (typeof RENTAL_CONSENTS)[number];

/**
 * Which quantity a rental month is billed for (M5): the highest held during the month (the
 * marketplace of seed 002), or the quantity held at the end of the month.
 */
export type RentalBillingQuantity = "highest-in-month" | "end-of-month";

/**
 * Rules of a monthly rental marketplace, in force from `effectiveFrom` (P1). The shipped default
 * is {@link MICROSOFT_RENTAL_POLICY} (seed 002).
 */
export interface RentalPolicy extends Versioned {
  readonly vendorId: string;
  /** M2: consents that must be given explicitly with every order. */
  readonly requiredConsents: readonly RentalConsent[];
  /** M5: the quantity a month is billed for. */
  readonly billingQuantity: RentalBillingQuantity;
}

const rentalPolicyObjectSchema = z
  .object({
    id: z.string().min(1),
    vendorId: z.string().min(1),
    effectiveFrom: dateSchema,
    requiredConsents: z.array(z.enum(RENTAL_CONSENTS)),
    billingQuantity: z.enum(["highest-in-month", "end-of-month"]),
  })
  .strict();

/** zod schema of a {@link RentalPolicy}. */
export const rentalPolicySchema: z.ZodType<RentalPolicy, z.input<typeof rentalPolicyObjectSchema>> =
  rentalPolicyObjectSchema;

/** The JSON form of a {@link RentalPolicy}. */
export type RentalPolicyInput = z.input<typeof rentalPolicySchema>;
