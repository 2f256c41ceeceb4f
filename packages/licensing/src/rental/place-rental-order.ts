import { z } from "zod";
import type { Catalog } from "../catalog/catalog.js";
import { parseWith } from "../errors/from-zod.js";
import { type LicensingError, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, failAll, ok } from "../errors/result.js";
import { DEFAULT_POLICIES, rentalPolicyOn } from "../policies/policy-set.js";
import type { RuleContext } from "../policies/rule-context.js";
import { RENTAL_CONSENTS, type RentalConsent } from "../policies/rental-policy.js";
import { readEvaluationTime } from "../time/evaluation-time.js";
import { toInstantString } from "../time/local-date.js";
import { customerZoneSchema } from "../time/zone-fields.js";
import { firstDayOfMonth } from "@kontor/calendar";
import type { CustomerPriceList } from "./customer-price-list.js";
import type { RentalTransition } from "./rental-event.js";
import { findRentalProduct, rentalPrice } from "./rental-price.js";

/** zod schema of a {@link RentalOrderInput}. */
export const rentalOrderInputSchema = z
  .object({
    subscriptionId: z.string().min(1),
    customerId: z.string().min(1),
    /** The customer's IANA zone: start and end dates are its days (M4). */
    zone: customerZoneSchema,
    productId: z.string().min(1),
    quantity: z.number().int().positive(),
    /** M2: both must be ticked explicitly. */
    consents: z
      .object({ termsAndLicenseConditions: z.boolean().optional(), vendorAccountCreation: z.boolean().optional() })
      .strict()
      .default({}),
  })
  .strict();

/** An order of the monthly rental marketplace (M1, M2). */
export type RentalOrderInput = z.input<typeof rentalOrderInputSchema>;

/** Context of {@link placeRentalOrder}: `asOf`, policies, catalog and the customer's price list (M1). */
export interface RentalOrderContext extends Omit<RuleContext, "zone"> {
  readonly catalog: Catalog;
  readonly priceList?: CustomerPriceList;
}

const CONSENT_TEXT: Readonly<Record<RentalConsent, string>> = {
  termsAndLicenseConditions: "I agree to the terms and conditions and the license conditions",
  vendorAccountCreation: "I agree that an account is created with the vendor on my behalf",
};

/**
 * Places a rental order (M1, M2, M4): the customer-specific price per user and monthly total,
 * both consents required by the rental policy in force at `asOf` (each missing one is an
 * `M2_CONSENT_MISSING` error naming it), the start date the 1st of the current month in the
 * customer's zone. Ordered on 2026-03-17, the rental starts 2026-03-01.
 */
export function placeRentalOrder(input: RentalOrderInput, context: RentalOrderContext): LicensingResult<RentalTransition> {
  const parsed = parseWith(rentalOrderInputSchema, input);
  if (!parsed.ok) return parsed;
  const order = parsed.value;
  const time = readEvaluationTime(context.asOf, order.zone);
  if (!time.ok) return time;
  const product = findRentalProduct(context.catalog, order.productId);
  if (!product.ok) return product;
  const policy = rentalPolicyOn(context.policies ?? DEFAULT_POLICIES, product.value.vendorId, time.value.today);
  if (!policy.ok) return policy;

  const errors: LicensingError[] = [];
  for (const consent of RENTAL_CONSENTS) {
    if (policy.value.requiredConsents.includes(consent) && order.consents[consent] !== true) {
      errors.push(licensingError("M2_CONSENT_MISSING", `Missing consent: "${CONSENT_TEXT[consent]}"`, ["consents", consent], { consent }));
    }
  }
  const price = rentalPrice({ productId: order.productId, quantity: order.quantity }, context.catalog, context.priceList);
  if (!price.ok) errors.push(...price.errors);
  if (errors.length > 0 || !price.ok) return failAll(errors);

  const at = toInstantString(time.value.instant);
  const startDate = firstDayOfMonth(time.value.today);
  return ok({
    subscription: {
      subscriptionId: order.subscriptionId,
      customerId: order.customerId,
      zone: order.zone,
      vendorId: product.value.vendorId,
      productId: product.value.id,
      productName: product.value.name,
      status: "ordered",
      orderedAt: at,
      provisionedOn: null,
      startDate,
      endDate: null,
      pricePerUser: price.value.pricePerUser,
      quantity: order.quantity,
      quantityHistory: [{ at, quantity: order.quantity }],
      addOns: [],
      consents: {
        termsAndLicenseConditions: order.consents.termsAndLicenseConditions === true,
        vendorAccountCreation: order.consents.vendorAccountCreation === true,
        givenAt: at,
      },
    },
    events: [
      {
        type: "rental-ordered",
        subscriptionId: order.subscriptionId,
        at,
        customerId: order.customerId,
        productId: product.value.id,
        quantity: order.quantity,
        pricePerUser: price.value.pricePerUser,
        monthlyTotal: price.value.monthlyTotal,
        startDate,
      },
    ],
  });
}
