import type { z } from "zod";
import { findProduct } from "../catalog/catalog-lookup.js";
import type { Product } from "../catalog/product.js";
import { parseWith } from "../errors/from-zod.js";
import { type LicensingResult, ok } from "../errors/result.js";
import type { PolicySet } from "../policies/policy-set.js";
import { type CatalogRuleContext, resolveContext } from "../policies/rule-context.js";
import type { EvaluationTime } from "../time/evaluation-time.js";

/** What a command on one catalog product starts from: the validated request, when and under which policies it is evaluated, and the product. */
export interface ProductCommand<Request> {
  readonly request: Request;
  readonly time: EvaluationTime;
  readonly policies: PolicySet;
  readonly product: Product;
}

/**
 * The common start of the term commands on one product (L15, L19): `input` validated with
 * `schema` (`INVALID_INPUT` per field), the context's `asOf` and zone read (P2), and the product
 * the request names looked up in the catalog (`CATALOG_UNKNOWN_PRODUCT` at `productId`), in
 * that order, so that each command reports the first of these errors alike.
 */
export function startProductCommand<S extends z.ZodType<{ readonly productId: string }>>(
  schema: S,
  input: unknown,
  context: CatalogRuleContext,
): LicensingResult<ProductCommand<z.output<S>>> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) return parsed;
  const resolved = resolveContext(context);
  if (!resolved.ok) return resolved;
  const product = findProduct(context.catalog, parsed.value.productId);
  if (!product.ok) return product;
  return ok({ request: parsed.value, time: resolved.value.time, policies: resolved.value.policies, product: product.value });
}
