import type { IsoDate } from "@kontor/calendar";
import { Money } from "@kontor/money";
import { findProduct, findTier } from "../catalog/catalog-lookup.js";
import { isSelfManaged } from "../catalog/edition.js";
import type { Product } from "../catalog/product.js";
import type { UserTier } from "../catalog/user-tier.js";
import { parseWith } from "../errors/from-zod.js";
import { type LicensingError, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, failAll, ok } from "../errors/result.js";
import { checkCoTermTarget, coTermNewLicense } from "../maintenance/co-term-line.js";
import type { TermPeriod } from "../maintenance/term-period.js";
import { type AppliedDiscount, discountFor } from "../policies/discount.js";
import { DEFAULT_POLICIES, vendorPolicyOn } from "../policies/policy-set.js";
import type { CatalogRuleContext } from "../policies/rule-context.js";
import { type LineAmount, lineAmount } from "../quotes/line-amount.js";
import { checkProductOrderable } from "../reseller/product-availability.js";
import { checkPurchaseRoute } from "../reseller/purchase-route.js";
import { type EvaluationTime, readEvaluationTime } from "../time/evaluation-time.js";
import { toInstantString } from "../time/local-date.js";
import type { LicenseOrder, LicenseOrderLine, ReviewReason, ServiceOrder } from "./order.js";
import { type OrderInput, type licenseOrderInputSchema, orderInputSchema, type serviceOrderInputSchema } from "./order-input.js";
import type { OrderTransition } from "./order-transition.js";
import type { z } from "zod";

/** Context of {@link receiveOrder}: `asOf`, policies and catalog; the zone is the customer's, from the order. */
export type ReceiveOrderContext = Omit<CatalogRuleContext, "zone">;

type ParsedLicenseOrder = z.output<typeof licenseOrderInputSchema>;
type ParsedLine = ParsedLicenseOrder["lines"][number];

/** L11: what the lines of a co-termed order are priced to: the target, from the day a new license starts. */
interface OrderCoTerm {
  readonly targetEnd: IsoDate;
  /** The expected first day of a new license: the requested purchase date, else today (L3). */
  readonly startsOn: IsoDate;
  readonly time: EvaluationTime;
  readonly context: ReceiveOrderContext;
}

/** L11 + L15: a new license's first term from `startsOn`, priced pro rata to the target; `null` without a yearly term. */
function coTermedNewLine(
  line: ParsedLine,
  product: Product,
  tier: UserTier,
  coTerm: OrderCoTerm,
  discount: AppliedDiscount,
): LicensingResult<{ amounts: LineAmount; period: TermPeriod } | null> {
  const ruleContext = { asOf: coTerm.time.instant, zone: coTerm.time.zone, catalog: coTerm.context.catalog, policies: coTerm.context.policies ?? DEFAULT_POLICIES };
  const coTermed = coTermNewLicense(line.lineId, product, tier, coTerm.startsOn, coTerm.targetEnd, ruleContext, ["coTermTargetEnd"]);
  if (!coTermed.ok) return coTermed;
  if (coTermed.value === null) return ok(null);
  return ok({ amounts: lineAmount(coTermed.value.unitPrice, line.quantity, discount), period: coTermed.value.period });
}

function priceLine(
  line: ParsedLine,
  product: Product,
  discount: AppliedDiscount,
  path: readonly (string | number)[],
  coTerm: OrderCoTerm | null,
): LicensingResult<LicenseOrderLine> {
  const tier = findTier(product, line.userTier, [...path, "userTier"]);
  if (!tier.ok) return tier;
  let amounts: LineAmount;
  let period: TermPeriod | null = null;
  if (line.period !== undefined && line.unitPrice === undefined) {
    return fail(licensingError("INVALID_INPUT", "A period is only taken with the quoted unitPrice it covers (L11)", [...path, "period"]));
  }
  if (line.unitPrice !== undefined) {
    if (line.unitPrice.currency !== product.currency) {
      return fail(
        licensingError("CATALOG_CURRENCY_MISMATCH", `Expected a price in ${product.currency}`, [...path, "unitPrice", "currency"]),
      );
    }
    if (coTerm !== null && line.period !== undefined && line.period.to !== coTerm.targetEnd) {
      return fail(
        licensingError("INVALID_INPUT", `The quoted period ends on ${line.period.to}, not on the co-term target ${coTerm.targetEnd} (L11)`, [...path, "period", "to"]),
      );
    }
    // A quoted price is final: the quote already applied the discount (and co-terming, L11).
    amounts = lineAmount(line.unitPrice, line.quantity, { eligibility: null, percent: "0" });
    period = line.period ?? null;
  } else if (line.action === "upgrade") {
    return fail(
      licensingError("INVALID_INPUT", "An upgrade line needs the quoted unitPrice (priced pro rata by day, L19)", [...path, "unitPrice"]),
    );
  } else if (coTerm !== null && line.action === "renewal") {
    // The order line does not know the maintenance end the renewal starts from; the quote does.
    return fail(
      licensingError(
        "INVALID_INPUT",
        "A renewal line of a co-termed order needs the quoted unitPrice (priced pro rata by day from its current end, L11)",
        [...path, "unitPrice"],
      ),
    );
  } else {
    const coTermed = coTerm === null ? ok(null) : coTermedNewLine(line, product, tier.value, coTerm, discount);
    if (!coTermed.ok) return coTermed;
    if (coTermed.value === null) {
      const price = line.action === "renewal" ? (tier.value.renewalPrice ?? tier.value.price) : tier.value.price;
      amounts = lineAmount(price, line.quantity, discount);
    } else {
      amounts = coTermed.value.amounts;
      period = coTermed.value.period;
    }
  }
  return ok({
    lineId: line.lineId,
    productId: product.id,
    productName: product.name,
    edition: product.edition,
    billingModel: product.billingModel,
    action: line.action,
    userTier: line.userTier,
    quantity: line.quantity,
    sen: line.sen ?? null,
    siteUrl: line.siteUrl ?? null,
    period,
    ...amounts,
  });
}

/** L9: what a renewal or upgrade line must identify. */
function missingRenewalItems(order: ParsedLicenseOrder, line: ParsedLine, product: Product, i: number): LicensingError[] {
  if (line.action === "new") return [];
  const errors: LicensingError[] = [];
  const missing = (path: (string | number)[], item: string): void => {
    errors.push(licensingError("L9_REQUIRED_FIELD_MISSING", `Missing: ${item}`, path, { item }));
  };
  if (isSelfManaged(product.edition)) {
    if (line.sen === undefined) missing(["lines", i, "sen"], `SEN of the license to ${line.action === "renewal" ? "renew" : "upgrade"}`);
  } else if (line.siteUrl === undefined) {
    missing(["lines", i, "siteUrl"], "site URL of the cloud subscription");
  }
  if (order.technicalContact === undefined) missing(["technicalContact"], "technical contact (full name and e-mail)");
  return errors;
}

function reviewReasons(order: ParsedLicenseOrder, coTermingRequiresReview: boolean): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (order.manualReviewRequired) reasons.push("vendor-review");
  if (order.coTermTargetEnd !== undefined && coTermingRequiresReview) reasons.push("co-terming");
  return reasons;
}

function receiveLicenseOrder(
  order: ParsedLicenseOrder,
  time: EvaluationTime,
  context: ReceiveOrderContext,
): LicensingResult<OrderTransition<LicenseOrder>> {
  const errors: LicensingError[] = [];
  const products: (Product | undefined)[] = order.lines.map((line, i) => {
    const product = findProduct(context.catalog, line.productId, ["lines", i, "productId"]);
    if (product.ok) return product.value;
    errors.push(...product.errors);
    return undefined;
  });
  const vendorId = products.find((product) => product !== undefined)?.vendorId;
  if (vendorId === undefined) return failAll(errors);
  const policy = vendorPolicyOn(context.policies ?? DEFAULT_POLICIES, vendorId, time.today);
  if (!policy.ok) return failAll([...errors, ...policy.errors]);

  errors.push(...checkPurchaseRoute(order.purchaseRoute, policy.value));
  if (order.requestedPurchaseDate !== undefined && order.requestedPurchaseDate < time.today) {
    errors.push(
      licensingError("L3_PURCHASE_DATE_IN_PAST", `The requested purchase date ${order.requestedPurchaseDate} is before ${time.today}`, [
        "requestedPurchaseDate",
      ]),
    );
  }
  // L11: the target is checked once; lines are co-termed only to a valid one (no repeated errors).
  const targetErrors =
    order.coTermTargetEnd === undefined ? [] : checkCoTermTarget(order.coTermTargetEnd, time.today, policy.value, ["coTermTargetEnd"]);
  errors.push(...targetErrors);
  const coTerm: OrderCoTerm | null =
    order.coTermTargetEnd !== undefined && targetErrors.length === 0
      ? { targetEnd: order.coTermTargetEnd, startsOn: order.requestedPurchaseDate ?? time.today, time, context }
      : null;
  const discount = discountFor(order.eligibility, policy.value);
  const lines: LicenseOrderLine[] = [];
  order.lines.forEach((line, i) => {
    const product = products[i];
    if (product === undefined) return;
    const path = ["lines", i];
    if (product.vendorId !== vendorId) {
      errors.push(licensingError("INVALID_INPUT", `All lines of one order must come from ${vendorId}`, [...path, "productId"]));
      return;
    }
    errors.push(...checkProductOrderable(product, line.action, policy.value, time.today, path));
    errors.push(...missingRenewalItems(order, line, product, i));
    if (line.period !== undefined && order.coTermTargetEnd === undefined) {
      errors.push(licensingError("INVALID_INPUT", "Only lines of a co-termed order (coTermTargetEnd) carry a period (L11)", [...path, "period"]));
      return;
    }
    const priced = priceLine(line, product, discount, path, coTerm);
    if (priced.ok) lines.push(priced.value);
    else errors.push(...priced.errors);
  });
  const currency = lines[0]?.amount.currency;
  if (errors.length > 0 || currency === undefined) return failAll(errors);

  const receivedAt = toInstantString(time.instant);
  const received: LicenseOrder = {
    kind: "license",
    orderId: order.orderId,
    customer: order.customer,
    status: "received",
    receivedAt,
    confirmationRequirements: {
      addressee: order.confirmationRequirements.addressee ?? null,
      customerPoNumber: order.confirmationRequirements.customerPoNumber ?? null,
    },
    confirmedAt: null,
    cancellation: null,
    vendorId,
    lines,
    total: Money.sum(
      lines.map((line) => line.amount),
      currency,
    ),
    requestedPurchaseDate: order.requestedPurchaseDate ?? null,
    technicalContact:
      order.technicalContact === undefined
        ? null
        : {
            fullName: order.technicalContact.fullName,
            email: order.technicalContact.email,
            vendorAccount: order.technicalContact.hasVendorAccount ? "verified" : "none",
          },
    technicalContactChanges: [],
    coTermTargetEnd: order.coTermTargetEnd ?? null,
    reviewReasons: reviewReasons(order, policy.value.coTermingRequiresReview),
    confirmationSentAt: null,
    review: null,
    purchaseDueOn: null,
    purchasedAt: null,
    vendorOrderRef: null,
    paidOn: null,
    keys: [],
    deliveredAt: null,
    invoiceNumber: null,
    invoicedAt: null,
  };
  return ok({ order: received, events: [{ type: "order-received", orderId: order.orderId, at: receivedAt }] });
}

function receiveServiceOrder(order: z.output<typeof serviceOrderInputSchema>, time: EvaluationTime): OrderTransition<ServiceOrder> {
  const receivedAt = toInstantString(time.instant);
  return {
    order: {
      kind: "service",
      orderId: order.orderId,
      customer: order.customer,
      status: "received",
      receivedAt,
      confirmationRequirements: {
        addressee: order.confirmationRequirements.addressee ?? null,
        customerPoNumber: order.confirmationRequirements.customerPoNumber ?? null,
      },
      confirmedAt: null,
      cancellation: null,
      services: order.services.map((service) => ({
        description: service.description,
        quantity: service.quantity ?? null,
        unit: service.unit ?? null,
      })),
      responsibleTeam: order.responsibleTeam,
      contactTask: null,
      customerContactedAt: null,
      customerContactNote: null,
    },
    events: [{ type: "order-received", orderId: order.orderId, at: receivedAt }],
  };
}

/**
 * Receives an order: validates it and returns it in status `received` with an `order-received`
 * event. License orders are checked against the catalog and the vendor policy in force at
 * `asOf` (P1): L6 two-tier route, L12 cloud monthly, L16 ended products (with the date), L9
 * identification of renewals and upgrades, L3 requested purchase day not in the past; lines
 * are priced from the catalog with the customer's discount (L14) unless a quoted price is given.
 * L11: with `coTermTargetEnd` (after today, within the policy's maintenance cap) new licenses
 * priced here run from the requested purchase date (or today) to the target, priced pro rata by
 * day; quoted lines keep their price and period; a renewal needs its quoted price. The order
 * goes into review when the policy says so (L10).
 * The customer's confirmation requirements (L1) are taken now: they can only come with the order.
 * Days are counted in the customer's zone (`customer.zone`, default `Europe/Berlin`).
 */
export function receiveOrder(input: OrderInput, context: ReceiveOrderContext): LicensingResult<OrderTransition> {
  const parsed = parseWith(orderInputSchema, input);
  if (!parsed.ok) return parsed;
  const time = readEvaluationTime(context.asOf, parsed.value.customer.zone);
  if (!time.ok) return time;
  return parsed.value.kind === "license"
    ? receiveLicenseOrder(parsed.value, time.value, context)
    : ok(receiveServiceOrder(parsed.value, time.value));
}
