import type { IsoDate } from "@kontor/calendar";
import { Money } from "@kontor/money";
import { DateTime } from "luxon";
import { z } from "zod";
import { parseWith } from "../errors/from-zod.js";
import { type LicensingResult, ok } from "../errors/result.js";
import { DEFAULT_POLICIES, rentalPolicyOn } from "../policies/policy-set.js";
import { type RentalCommandContext, rentalTime } from "./rental-command-context.js";
import { billableQuantity, historyMillis } from "./billable-quantity.js";
import type { RentalSubscription } from "./rental-subscription.js";

/** zod schema of a billing month `YYYY-MM`. */
export const billingMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Expected a month as YYYY-MM");

/** One charged item of a rental month. */
export interface RentalChargeLine {
  /** `null` for the product itself, else the add-on. */
  readonly addOnId: string | null;
  readonly description: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly amount: Money;
}

/** M5: what a rental costs in one month. */
export interface RentalMonthCharge {
  readonly subscriptionId: string;
  readonly month: string;
  readonly lines: readonly RentalChargeLine[];
  readonly total: Money;
  readonly policyId: string;
}

function monthBounds(month: string, zone: string): { start: number; end: number; first: IsoDate; last: IsoDate } {
  const start = DateTime.fromISO(`${month}-01T00:00:00`, { zone });
  const end = start.plus({ months: 1 });
  const last = end.minus({ days: 1 });
  return { start: start.toMillis(), end: end.toMillis(), first: `${month}-01`, last: `${month}-${String(last.day).padStart(2, "0")}` };
}

function inService(startDate: IsoDate, endDate: IsoDate | null, first: IsoDate, last: IsoDate): boolean {
  return startDate <= last && (endDate === null || endDate >= first);
}

/**
 * M5: the charge of one calendar month (in the customer's zone) of a rental: the product and each
 * add-on billed at the quantity the rental policy in force at `asOf` prescribes (the marketplace:
 * the highest quantity held during the month) times its monthly price. Months outside the
 * rental's start and end dates (M4) charge nothing.
 *
 * @param month the billing month `YYYY-MM`
 */
export function rentalMonthCharge(
  subscription: RentalSubscription,
  month: string,
  context: RentalCommandContext,
): LicensingResult<RentalMonthCharge> {
  const parsedMonth = parseWith(billingMonthSchema, month, ["month"]);
  if (!parsedMonth.ok) return parsedMonth;
  const time = rentalTime(subscription, context);
  if (!time.ok) return time;
  const policy = rentalPolicyOn(context.policies ?? DEFAULT_POLICIES, subscription.vendorId, time.value.today);
  if (!policy.ok) return policy;
  const bounds = monthBounds(parsedMonth.value, subscription.zone);
  const mode = policy.value.billingQuantity;

  const lines: RentalChargeLine[] = [];
  if (inService(subscription.startDate, subscription.endDate, bounds.first, bounds.last)) {
    const quantity = billableQuantity(historyMillis(subscription.quantityHistory), bounds.start, bounds.end, mode);
    lines.push({
      addOnId: null,
      description: subscription.productName,
      quantity,
      unitPrice: subscription.pricePerUser,
      amount: subscription.pricePerUser.multiply(quantity).round("half-up"),
    });
    for (const addOn of subscription.addOns) {
      if (!inService(addOn.startDate, addOn.endDate, bounds.first, bounds.last)) continue;
      const addOnQuantity = billableQuantity(historyMillis(addOn.quantityHistory), bounds.start, bounds.end, mode);
      lines.push({
        addOnId: addOn.addOnId,
        description: addOn.name,
        quantity: addOnQuantity,
        unitPrice: addOn.pricePerUnit,
        amount: addOn.pricePerUnit.multiply(addOnQuantity).round("half-up"),
      });
    }
  }
  return ok({
    subscriptionId: subscription.subscriptionId,
    month: parsedMonth.value,
    lines,
    total: Money.sum(
      lines.map((line) => line.amount),
      subscription.pricePerUser.currency,
    ),
    policyId: policy.value.id,
  });
}
