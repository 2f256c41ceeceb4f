import type { IsoDate } from "@kontor/calendar";
import { Money } from "@kontor/money";
import { findProduct, findTier } from "../catalog/catalog-lookup.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Product } from "../catalog/product.js";
import { parseWith } from "../errors/from-zod.js";
import { type LicensingError, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, failAll, ok } from "../errors/result.js";
import { checkCoTermTarget, coTermLine, coTermNewLicense, coTermNote, type CoTermLineInput } from "../maintenance/co-term-line.js";
import { renewMaintenance } from "../maintenance/maintenance-renewal.js";
import { priceTierUpgrade } from "../maintenance/tier-upgrade.js";
import { type AppliedDiscount, discountFor } from "../policies/discount.js";
import { vendorPolicyOn } from "../policies/policy-set.js";
import { type CatalogRuleContext, type ResolvedContext, resolveContext } from "../policies/rule-context.js";
import type { VendorPolicy } from "../policies/vendor-policy.js";
import { checkProductOrderable } from "../reseller/product-availability.js";
import { checkPurchaseRoute, checkResellerDiscountRequest } from "../reseller/purchase-route.js";
import { addDays } from "../time/day-arithmetic.js";
import { toInstantString } from "../time/local-date.js";
import { lineAmount } from "./line-amount.js";
import type { Quote, QuoteLine } from "./quote.js";
import { type ParsedQuoteRequest, type QuoteRequest, quoteRequestSchema } from "./quote-request.js";
import { missingQuoteItems } from "./required-items.js";

interface RequestedLine {
  readonly productId: string;
  readonly userTier: number;
  readonly quantity: number;
  readonly path: readonly (string | number)[];
}

function requestedLines(request: ParsedQuoteRequest): readonly RequestedLine[] {
  switch (request.kind) {
    case "cloud-annual-existing-site":
    case "cloud-annual-new-site":
    case "data-center": {
      const key = request.kind === "data-center" ? "cart" : "products";
      const items = request.kind === "data-center" ? request.cart : request.products;
      return items.flatMap((item, i) =>
        item.productId === undefined || item.userTier === undefined
          ? []
          : [{ productId: item.productId, userTier: item.userTier, quantity: item.quantity, path: [key, i] }],
      );
    }
    case "renewal":
      return [{ productId: request.productId, userTier: request.userTier, quantity: 1, path: [] }];
    case "upgrade":
      return [{ productId: request.productId, userTier: request.toTier, quantity: 1, path: [] }];
  }
}

/** Whether a product fits the kind of quote (cloud annual kinds want cloud annual, Data Center wants Data Center). */
function kindMismatch(request: ParsedQuoteRequest, product: Product, path: readonly (string | number)[]): LicensingError[] {
  const wanted =
    request.kind === "renewal" || request.kind === "upgrade"
      ? request.edition
      : request.kind === "data-center"
        ? "data-center"
        : "cloud";
  if (product.edition === wanted) return [];
  return [licensingError("INVALID_INPUT", `${product.name} is a ${product.edition} product, not ${wanted}`, [...path, "productId"])];
}

/** L11: where co-termed lines are priced to, or `null` without a (valid) co-term target. */
type CoTermTarget = IsoDate | null;

const CO_TERM_PATH = ["coTermTargetEnd"] as const;

function newLicenseLine(
  line: RequestedLine,
  product: Product,
  lineNo: number,
  discount: AppliedDiscount,
  catalog: Catalog,
  context: ResolvedContext,
  target: CoTermTarget,
): LicensingResult<QuoteLine> {
  const tier = findTier(product, line.userTier, [...line.path, "userTier"]);
  if (!tier.ok) return tier;
  const usersText = `${product.name}, ${line.userTier} users`;
  let priced: Pick<QuoteLine, "period" | "description"> & { readonly unitPrice: Money } = { period: null, description: usersText, unitPrice: tier.value.price };
  if (target !== null) {
    // L11 + L15: the license's first term from today (the quote's day), moved to the target end.
    const ruleContext = { asOf: context.time.instant, zone: context.time.zone, policies: context.policies, catalog };
    const coTermed = coTermNewLicense(String(lineNo), product, tier.value, context.time.today, target, ruleContext, CO_TERM_PATH);
    if (!coTermed.ok) return coTermed;
    // Products without a yearly term (monthly) have nothing to co-term: priced as usual.
    if (coTermed.value !== null) {
      const { period, adjustment, unitPrice } = coTermed.value;
      priced = { period, description: `${usersText}, ${period.from} – ${period.to} (${coTermNote(adjustment)})`, unitPrice };
    }
  }
  return ok({
    lineNo,
    productId: product.id,
    productName: product.name,
    edition: product.edition,
    billingModel: product.billingModel,
    action: "new",
    userTier: line.userTier,
    quantity: line.quantity,
    period: priced.period,
    description: priced.description,
    ...lineAmount(priced.unitPrice, line.quantity, discount),
  });
}

function existingLicenseLine(
  request: Extract<ParsedQuoteRequest, { kind: "renewal" | "upgrade" }>,
  product: Product,
  catalog: Catalog,
  context: ResolvedContext,
  discount: AppliedDiscount,
  target: CoTermTarget,
): LicensingResult<QuoteLine> {
  const ruleContext = { asOf: context.time.instant, zone: context.time.zone, policies: context.policies, catalog };
  const base = { lineNo: 1, productId: product.id, productName: product.name, edition: product.edition, billingModel: product.billingModel, quantity: 1 };
  if (request.kind === "renewal") {
    const renewal = renewMaintenance(
      { productId: request.productId, userTier: request.userTier, currentEnd: request.currentEnd, steps: request.steps },
      ruleContext,
    );
    if (!renewal.ok) return renewal;
    const { amount, pricePerStep } = renewal.value;
    // L11: a co-termed renewal runs from the previous end to the target instead of its normal end.
    const priced = termPrice({ term: { from: renewal.value.previousEnd, to: renewal.value.newEnd }, price: amount, shorteningAnnualPrice: pricePerStep, extensionAnnualPrice: pricePerStep }, target);
    if (!priced.ok) return priced;
    const { period, note, unitPrice } = priced.value;
    return ok({
      ...base,
      action: "renewal",
      userTier: request.userTier,
      period,
      description: `${product.name}, ${request.userTier} users, renewal ${period.from} – ${period.to}${note}`,
      ...lineAmount(unitPrice, 1, discount),
    });
  }
  const upgrade = priceTierUpgrade(
    {
      productId: request.productId,
      fromTier: request.fromTier,
      toTier: request.toTier,
      term: request.term,
      // L18: cloud annual upgrades take effect from the payment date.
      ...(request.edition === "cloud" && request.paidOn !== undefined ? { effectiveOn: request.paidOn } : {}),
    },
    ruleContext,
  );
  if (!upgrade.ok) return upgrade;
  const tier = findTier(product, request.toTier, ["toTier"]);
  if (!tier.ok) return tier;
  // L11 + L19: upgraded from its effective day, and the license (at the new tier) moved from its term end to the target.
  const priced = termPrice(
    {
      term: { from: upgrade.value.effectiveOn, to: upgrade.value.termEnd },
      price: upgrade.value.charge,
      // Days given back were paid at tier prices (old price + the upgrade's difference); days added are renewed.
      shorteningAnnualPrice: tier.value.price,
      extensionAnnualPrice: tier.value.renewalPrice ?? tier.value.price,
    },
    target,
  );
  if (!priced.ok) return priced;
  const { period, note, unitPrice } = priced.value;
  return ok({
    ...base,
    action: "upgrade",
    userTier: request.toTier,
    period,
    description: `${product.name}, upgrade ${request.fromTier} → ${request.toTier} users, ${upgrade.value.daysCharged}/${upgrade.value.daysInTerm} days${target === null ? "" : `, to ${period.to}`}${note}`,
    ...lineAmount(unitPrice, 1, discount),
  });

  /** The line's period and price: as bought, or co-termed to `target` (L11) with the adjustment noted. */
  function termPrice(
    line: Pick<CoTermLineInput, "term" | "price" | "shorteningAnnualPrice" | "extensionAnnualPrice">,
    coTermTarget: CoTermTarget,
  ): LicensingResult<{ readonly period: CoTermLineInput["term"]; readonly note: string; readonly unitPrice: Money }> {
    if (coTermTarget === null) return ok({ period: line.term, note: "", unitPrice: line.price });
    const coTermed = coTermLine({ ...line, lineId: "1", vendorId: product.vendorId, targetEnd: coTermTarget }, ruleContext, CO_TERM_PATH);
    if (!coTermed.ok) return coTermed;
    return ok({ period: coTermed.value.period, note: ` (${coTermNote(coTermed.value.adjustment)})`, unitPrice: coTermed.value.unitPrice });
  }
}

function policyChecks(request: ParsedQuoteRequest, policy: VendorPolicy): readonly LicensingError[] {
  return [
    ...checkPurchaseRoute(request.purchaseRoute, policy),
    ...checkResellerDiscountRequest(request.resellerDiscountRequested, policy),
  ];
}

/**
 * Creates a priced quote (L7, L8, L9) under the vendor policy in force at `asOf` (P1). Every
 * problem is reported at once: each missing item as its own error naming the field (L7–L9),
 * unknown products and tiers, reseller constraints (L6 two-tier route and reseller discount,
 * L12 cloud monthly, L16 ended products with the date). The quote is valid for the policy's
 * validity period (L8: 30 days) counted in the customer's zone, carries the customer's discount
 * (L14) and asks for manual review when co-terming is requested (L11 → L10).
 *
 * L11: with `coTermTargetEnd` every line with a yearly term is priced pro rata by day to the
 * target ({@link coTermLine}, using `coTerm`): a new license from the quote's day, a renewal from
 * the previous end, an upgrade from its term end; the line's `period` ends on the target and its
 * description names the period and the days. The target must lie after today and within the
 * policy's maintenance cap (`L11_TARGET_IN_PAST`, `L15_MAINTENANCE_CAP_EXCEEDED`) and after the
 * first day of each line's period (`L11_TARGET_BEFORE_START`), all at `coTermTargetEnd`.
 */
export function createQuote(request: QuoteRequest, context: CatalogRuleContext): LicensingResult<Quote> {
  const parsed = parseWith(quoteRequestSchema, request);
  if (!parsed.ok) return parsed;
  const resolved = resolveContext(context);
  if (!resolved.ok) return resolved;
  const { time, policies } = resolved.value;
  const input = parsed.value;
  const errors: LicensingError[] = [...missingQuoteItems(input)];

  const products: { line: RequestedLine; product: Product }[] = [];
  for (const line of requestedLines(input)) {
    const product = findProduct(context.catalog, line.productId, [...line.path, "productId"]);
    if (product.ok) products.push({ line, product: product.value });
    else errors.push(...product.errors);
  }
  const first = products[0];
  if (first === undefined) return failAll(errors.length > 0 ? errors : [licensingError("INVALID_INPUT", "The quote names no product", [])]);
  const { vendorId, currency } = first.product;
  const policy = vendorPolicyOn(policies, vendorId, time.today);
  if (!policy.ok) return failAll([...errors, ...policy.errors]);
  errors.push(...policyChecks(input, policy.value));
  // L11: the target is checked once; lines are co-termed only to a valid one (no repeated errors).
  const targetErrors = input.coTermTargetEnd === undefined ? [] : checkCoTermTarget(input.coTermTargetEnd, time.today, policy.value, CO_TERM_PATH);
  errors.push(...targetErrors);
  const target: CoTermTarget = input.coTermTargetEnd !== undefined && targetErrors.length === 0 ? input.coTermTargetEnd : null;

  const discount = discountFor(input.eligibility, policy.value);
  const lines: QuoteLine[] = [];
  for (const { line, product } of products) {
    if (product.vendorId !== vendorId) {
      errors.push(licensingError("INVALID_INPUT", `All products of one quote must come from ${vendorId}`, [...line.path, "productId"]));
      continue;
    }
    if (input.kind === "renewal" || input.kind === "upgrade") {
      // Availability (L16) and tiers are checked by the renewal and upgrade rules themselves.
      const mismatch = kindMismatch(input, product, line.path);
      const priced = mismatch.length > 0 ? failAll(mismatch) : existingLicenseLine(input, product, context.catalog, resolved.value, discount, target);
      if (priced.ok) lines.push(priced.value);
      else errors.push(...priced.errors);
      continue;
    }
    const unavailable = checkProductOrderable(product, "new", policy.value, time.today, line.path);
    errors.push(...(unavailable.length > 0 ? unavailable : kindMismatch(input, product, line.path)));
    const priced = newLicenseLine(line, product, lines.length + 1, discount, context.catalog, resolved.value, target);
    if (priced.ok) lines.push(priced.value);
    else errors.push(...priced.errors);
  }
  if (errors.length > 0) return failAll(errors);

  return ok({
    quoteId: input.quoteId,
    kind: input.kind,
    vendorId,
    policyId: policy.value.id,
    createdAt: toInstantString(time.instant),
    zone: time.zone,
    createdOn: time.today,
    validUntil: addDays(time.today, policy.value.quoteValidityDays),
    lines,
    total: Money.sum(
      lines.map((line) => line.amount),
      currency,
    ),
    discount,
    requiresManualReview: input.coTermTargetEnd !== undefined && policy.value.coTermingRequiresReview,
    coTermTargetEnd: input.coTermTargetEnd ?? null,
    notes: input.notes ?? null,
  });
}

