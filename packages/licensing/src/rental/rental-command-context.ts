import type { Catalog } from "../catalog/catalog.js";
import type { LicensingResult } from "../errors/result.js";
import type { RuleContext } from "../policies/rule-context.js";
import { type EvaluationTime, readEvaluationTime } from "../time/evaluation-time.js";
import type { RentalSubscription } from "./rental-subscription.js";

/** Context of changes to a rental: `asOf` and policies; days are counted in the rental's customer zone. */
export type RentalCommandContext = Omit<RuleContext, "zone">;

/** A {@link RentalCommandContext} plus the catalog (M6 add-ons depend on the product). */
export interface RentalCatalogContext extends RentalCommandContext {
  readonly catalog: Catalog;
}

/** Reads `asOf` in the rental's customer zone. */
export function rentalTime(subscription: RentalSubscription, context: RentalCommandContext): LicensingResult<EvaluationTime> {
  return readEvaluationTime(context.asOf, subscription.zone);
}
