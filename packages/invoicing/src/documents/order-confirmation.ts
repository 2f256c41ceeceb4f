import { currencyCodeSchema, decimalStringSchema, Money, MoneyError, moneyJsonSchema } from "@kontor/money";
import { z } from "zod";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { calculateInvoiceTotals } from "../totals/calculate-invoice-totals.js";
import type { InvoiceTotals } from "../totals/invoice-totals.js";
import { deepFreeze } from "./deep-freeze.js";
import { documentNumberSchema } from "./identifiers.js";
import { unitCodeSchema, type UnitCode } from "./invoice-line.js";
import { isoDateSchema } from "./iso-date.js";
import { partySchema, postalAddressSchema, sellerSchema } from "./party.js";
import { lineVatSchema } from "./vat-category.js";

/**
 * zod schema of a different addressee the customer asked for (L1): printed on the confirmation
 * instead of the customer's own address.
 */
export const addresseeSchema = z
  .object({
    name: z.string().min(1).max(200),
    /** A person the confirmation is for ("z. Hd."). */
    attention: z.string().min(1).max(200).optional(),
    address: postalAddressSchema,
  })
  .strict();

/** A different addressee (L1). */
export type Addressee = z.output<typeof addresseeSchema>;

/** zod schema of one ordered service or license. */
export const orderItemSchema = z
  .object({
    description: z.string().min(1).max(500),
    detail: z.string().min(1).max(2000).optional(),
    quantity: decimalStringSchema,
    unitCode: unitCodeSchema.default("C62"),
    unitPrice: moneyJsonSchema,
    vat: lineVatSchema,
  })
  .strict();

/** zod schema of an order confirmation (L1). */
export const orderConfirmationInputSchema = z
  .object({
    number: documentNumberSchema,
    issueDate: isoDateSchema,
    /** L1: a service order (consulting, project work) or a license order. */
    orderKind: z.enum(["service", "license"]),
    /** When the customer placed the order. */
    orderDate: isoDateSchema.optional(),
    currency: currencyCodeSchema.default("EUR"),
    seller: sellerSchema,
    customer: partySchema,
    /** L1: a different addressee requested with the order. */
    addressee: addresseeSchema.optional(),
    /** L1: the customer's own order (PO) number, printed on the confirmation. */
    customerOrderNumber: z.string().min(1).max(100).optional(),
    /** L3: a later purchase date the customer asked for; otherwise licenses are bought at once. */
    licensePurchaseDate: isoDateSchema.optional(),
    /** L4: the technical contact registered with the vendor. */
    technicalContact: z.object({ name: z.string().min(1).max(200), email: z.email() }).strict().optional(),
    items: z.array(orderItemSchema).min(1).max(10000),
    notes: z.array(z.string().min(1).max(2000)).max(20).default([]),
  })
  .strict();

/** An order confirmation as given. */
export type OrderConfirmationInput = z.input<typeof orderConfirmationInputSchema>;

/** One item of an order confirmation with its price as Money and its rounded net amount. */
export type OrderItem = Omit<z.output<typeof orderItemSchema>, "unitPrice" | "unitCode"> & {
  readonly unitCode: UnitCode;
  readonly unitPrice: Money;
  readonly netAmount: Money;
};

/** A composed, deeply frozen order confirmation. */
export type OrderConfirmation = Readonly<Omit<z.output<typeof orderConfirmationInputSchema>, "items">> & {
  readonly items: readonly OrderItem[];
  /** Totals computed like an invoice's (T5), so the confirmation matches the later invoice. */
  readonly totals: InvoiceTotals;
};

/**
 * Composes the confirmation every accepted order gets (L1): the ordered services or licenses,
 * the customer's PO number and a different addressee where requested, and the T5 totals.
 */
export function composeOrderConfirmation(input: OrderConfirmationInput): Result<OrderConfirmation> {
  const parsed = orderConfirmationInputSchema.safeParse(input);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const source = parsed.data;
  const errors: InvoicingIssue[] = [];
  source.items.forEach((item, index) => {
    if (item.unitPrice.currency !== source.currency) {
      errors.push(
        issue("CURRENCY_MISMATCH", `The price is in ${item.unitPrice.currency}, the order in ${source.currency}`, [
          "items",
          index,
          "unitPrice",
          "currency",
        ]),
      );
    }
  });
  if (source.orderKind === "service" && source.licensePurchaseDate !== undefined) {
    errors.push(issue("INVALID_INPUT", "Only a license order has a purchase date (L3)", ["licensePurchaseDate"]));
  }
  if (errors.length > 0) return failure(errors);
  try {
    const priced = source.items.map((item) => ({ ...item, unitPrice: Money.fromJSON(item.unitPrice) }));
    const calculated = calculateInvoiceTotals(priced, source.currency);
    if (!calculated.ok) return failure(calculated.errors.map((item) => ({ ...item, path: item.path.map((key) => (key === "lines" ? "items" : key)) })));
    const { lineNets, totals } = calculated.value;
    const items = priced.map((item, index): OrderItem => ({
      ...item,
      netAmount: lineNets[index] ?? Money.zero(source.currency),
    }));
    return success(deepFreeze({ ...source, items, totals }));
  } catch (error) {
    if (error instanceof MoneyError) return failure([issue("INVALID_INPUT", error.message, [...error.path])]);
    throw error;
  }
}
