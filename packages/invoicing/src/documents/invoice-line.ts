import { decimalStringSchema, moneyJsonSchema, type Money } from "@kontor/money";
import { z } from "zod";
import { serviceReportIdSchema } from "./identifiers.js";
import { isoMonthSchema, periodSchema } from "./iso-date.js";
import { lineVatSchema } from "./vat-category.js";

/**
 * UN/ECE Recommendation 20 unit codes used on Kontor documents (BT-130): piece `C62`, hour
 * `HUR`, day `DAY`, month `MON`, kilometre `KMT`, gigabyte `E34`, lump sum `LS`, user `IE`
 * (person), minute `MIN` (time billed in minutes at an hourly rate: base quantity 60, BT-149).
 */
export const UNIT_CODES = ["C62", "HUR", "DAY", "MON", "KMT", "E34", "LS", "IE", "MIN"] as const;

/** A unit code. */
export type UnitCode = (typeof UNIT_CODES)[number];

/** zod schema of a {@link UnitCode}. */
export const unitCodeSchema = z.enum(UNIT_CODES);

/**
 * zod schema of an item price base quantity (BT-149): a positive exact decimal string. The
 * line's unit price is per this many units of the line's unit, which is also the base
 * quantity's unit (BT-150 = BT-130).
 */
export const baseQuantitySchema = decimalStringSchema.refine(
  // Only a negative or all-zero spelling is refused here; any other non-decimal is the regex's to report.
  (value) => !value.startsWith("-") && !/^[0.]+$/.test(value),
  {
    message: "The base quantity must be above 0",
  },
);

const lineCommon = {
  /** Line ID (BT-126); defaults to the position `"1"`, `"2"`, … */
  id: z
    .string()
    .regex(/^[A-Za-z0-9\-_.]{1,64}$/, "Line IDs use letters, digits and -_.")
    .optional(),
  /** Item name (BT-153): what was supplied (§14 Abs. 4 Nr. 5 UStG). */
  description: z.string().min(1).max(500),
  /** Longer item description (BT-154). */
  detail: z.string().min(1).max(2000).optional(),
  /** Quantity (BT-129). */
  quantity: decimalStringSchema,
  /** Unit (BT-130); defaults per line kind. */
  unitCode: unitCodeSchema.optional(),
  /** Net price per unit (BT-146), or per `baseQuantity` units when that is given. */
  unitPrice: moneyJsonSchema,
  /**
   * Item price base quantity (BT-149, EN 16931): the number of units the unit price is for, in
   * the line's unit (BT-150 = BT-130); default `"1"`. The line net is quantity × unit price ÷
   * base quantity, rounded half-up to the cent once (T5, P3): 50 minutes (`MIN`) at 95.00 per
   * 60 minutes is 79.17, where 0.8333 hours × 95.00 would be 79.16.
   */
  baseQuantity: baseQuantitySchema.optional(),
  vat: lineVatSchema,
  /** Supply period of the line (BG-26). */
  period: periodSchema.optional(),
  /** Line note (BT-127). */
  note: z.string().min(1).max(1000).optional(),
};

/** zod schema of a license purchase line (L5): a product bought from the vendor. */
export const licensePurchaseLineSchema = z
  .object({
    kind: z.literal("license-purchase"),
    ...lineCommon,
    /** Vendor product code (BT-155). */
    sku: z.string().min(1).max(100).optional(),
    deployment: z.enum(["server", "data-center", "cloud"]),
    /** Support entitlement number of the license, where there is one (L15). */
    sen: z.string().min(1).max(100).optional(),
  })
  .strict();

/** zod schema of a monthly contingent line (C2): the agreed hours of one month. */
export const monthlyContingentLineSchema = z
  .object({
    kind: z.literal("monthly-contingent"),
    ...lineCommon,
    contractId: z.string().min(1).max(100),
    month: isoMonthSchema,
  })
  .strict();

/** zod schema of a correction line (C4): overbooked contingent hours billed after the fact. */
export const correctionLineSchema = z
  .object({
    kind: z.literal("correction"),
    ...lineCommon,
    contractId: z.string().min(1).max(100).optional(),
    /** Why the correction is billed, e.g. "Kontingent 3 Monate in Folge überzogen". */
    reason: z.string().min(1).max(500),
  })
  .strict();

/** zod schema of a rental month line (C1 rental flat rate, M5 monthly rental). */
export const rentalMonthLineSchema = z
  .object({
    kind: z.literal("rental-month"),
    ...lineCommon,
    contractId: z.string().min(1).max(100).optional(),
    month: isoMonthSchema,
  })
  .strict();

/** zod schema of a pay-per-use line (C9): metered usage of a managed service in one month. */
export const payPerUseLineSchema = z
  .object({
    kind: z.literal("pay-per-use"),
    ...lineCommon,
    /** The managed service, e.g. `"endpoint-protection"`, `"online-backup"`. */
    service: z.string().min(1).max(100),
    /** What was metered, e.g. "protected devices", "GB stored". */
    metric: z.string().min(1).max(100),
    month: isoMonthSchema,
  })
  .strict();

/** zod schema of a time-and-material line (C6): billed service time, usually from a service report. */
export const timeAndMaterialLineSchema = z
  .object({
    kind: z.literal("time-and-material"),
    ...lineCommon,
    /** The service report that lists the entries behind this line (C8). */
    serviceReportId: serviceReportIdSchema.optional(),
    ticketId: z.string().min(1).max(100).optional(),
  })
  .strict();

/** zod schema of a travel line (C6): flat fee or per zone/kilometre per the cooperation agreement. */
export const travelLineSchema = z
  .object({
    kind: z.literal("travel"),
    ...lineCommon,
    zone: z.string().min(1).max(50).optional(),
  })
  .strict();

/** zod schema of any invoice line. */
export const invoiceLineInputSchema = z.discriminatedUnion("kind", [
  licensePurchaseLineSchema,
  monthlyContingentLineSchema,
  correctionLineSchema,
  rentalMonthLineSchema,
  payPerUseLineSchema,
  timeAndMaterialLineSchema,
  travelLineSchema,
]);

/** An invoice line as given. */
export type InvoiceLineInput = z.input<typeof invoiceLineInputSchema>;
/** An invoice line after validation. */
export type ParsedInvoiceLine = z.output<typeof invoiceLineInputSchema>;
/** The kind of a line. */
export type InvoiceLineKind = ParsedInvoiceLine["kind"];

/** The unit each kind of line uses unless it says otherwise. */
export const DEFAULT_UNIT_CODES: Readonly<Record<InvoiceLineKind, UnitCode>> = Object.freeze({
  "license-purchase": "C62",
  "monthly-contingent": "HUR",
  correction: "HUR",
  "rental-month": "MON",
  "pay-per-use": "C62",
  "time-and-material": "HUR",
  travel: "LS",
});

/** `Omit` applied to each member of a union, so the kinds stay distinguishable. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A line of a composed document: the input with its ID and unit filled in, the unit price as
 * {@link Money} and the net amount (quantity × price ÷ base quantity, rounded half-up to the
 * cent, T5). A base quantity (BT-149) is carried as given; without one it is 1.
 */
export type InvoiceLine = DistributiveOmit<ParsedInvoiceLine, "id" | "unitCode" | "unitPrice"> & {
  readonly id: string;
  readonly unitCode: UnitCode;
  readonly unitPrice: Money;
  /** BT-131: quantity × unit price ÷ base quantity (BT-149, default 1), rounded half-up to the cent (T5). */
  readonly netAmount: Money;
};

/** The item price base quantity (BT-149) of a line: as given, else `"1"`. */
export function lineBaseQuantity(line: { readonly baseQuantity?: string | undefined }): string {
  return line.baseQuantity ?? "1";
}
