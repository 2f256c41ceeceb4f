import type { ProductSeats } from "../evaluation/seat-evaluation.js";
import { toCsv } from "./csv.js";

/** Header of {@link mustBePaidCsv}. */
export const MUST_BE_PAID_CSV_HEADER: readonly string[] = Object.freeze([
  "product_id",
  "user_id",
  "email",
  "display_name",
  "assigned_at",
  "loses_access_at",
]);

/** Header of {@link noAccessCsv}. */
export const NO_ACCESS_CSV_HEADER: readonly string[] = Object.freeze([
  "product_id",
  "user_id",
  "email",
  "display_name",
  "assigned_at",
  "lost_access_at",
  "reason",
  "cause_id",
]);

/**
 * S4: the downloadable "must be paid" list ("Müssen bezahlt werden") of the given products, in
 * list order (the first row of a product is the first to move onto a freed license, S7).
 */
export function mustBePaidCsv(products: readonly ProductSeats[]): string {
  const rows: (readonly string[])[] = [MUST_BE_PAID_CSV_HEADER];
  for (const product of products) {
    for (const user of product.mustBePaidUsers) {
      rows.push([
        product.productId,
        user.userId,
        user.email ?? "",
        user.displayName ?? "",
        user.assignedAt,
        user.losesAccessAt,
      ]);
    }
  }
  return toCsv(rows);
}

/** S8: the downloadable "no access" list ("Kein Zugriff") of the given products. */
export function noAccessCsv(products: readonly ProductSeats[]): string {
  const rows: (readonly string[])[] = [NO_ACCESS_CSV_HEADER];
  for (const product of products) {
    for (const user of product.noAccessUsers) {
      rows.push([
        product.productId,
        user.userId,
        user.email ?? "",
        user.displayName ?? "",
        user.assignedAt,
        user.lostAccessAt,
        user.reason,
        user.causeId,
      ]);
    }
  }
  return toCsv(rows);
}
