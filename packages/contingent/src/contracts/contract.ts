import { DEFAULT_ZONE, isoDateSchema, zoneSchema } from "@kontor/calendar";
import { currencyCodeSchema } from "@kontor/money";
import { z } from "zod";
import { monthKeySchema } from "../time/month-key.js";
import { priceListVersionSchema } from "../usage/price-list.js";
import { priceSchema } from "./amount.js";
import { cooperationTermsSchema } from "./cooperation-terms.js";

/** The contract kinds of C1. */
export const CONTRACT_KINDS = [
  "cooperation-agreement",
  "needs-analysis",
  "contingent",
  "rental-flat-rate",
  "data-center-hosting",
  "managed-services",
] as const;

/** One of the contract kinds of C1. */
export type ContractKind = (typeof CONTRACT_KINDS)[number];

const base = {
  id: z.string().min(1).max(64),
  customerId: z.string().min(1).max(64),
  /**
   * O1: the customer's branch the contract serves (its id in the customer record), `null` for
   * the company itself. Whether that branch is billed centrally or separately is the customer
   * record's choice, not the contract's; apps check that the branch exists.
   */
  branchId: z.string().min(1).max(64).nullable().default(null),
  currency: currencyCodeSchema.default("EUR"),
  /** The zone whose calendar months the statements follow (P2, default Europe/Berlin). */
  zone: zoneSchema.default(DEFAULT_ZONE),
  /** First day of the contract. */
  startDate: isoDateSchema,
  /** Last day of the contract, `null` while it runs. */
  endDate: isoDateSchema.nullable().default(null),
  /** Every kind carries the cooperation agreement's rates and terms (seed 004: "das gemeinsame Minimum"). */
  terms: cooperationTermsSchema,
};

/** A recurring check of a needs analysis (C1): generates a maintenance ticket every `everyMonths`. */
export const checklistItemSchema = z.strictObject({
  id: z.string().min(1).max(64),
  /** e.g. `"Check the backup"`, `"Check antivirus"`, `"Update the firewall"`. */
  title: z.string().min(1).max(200),
  everyMonths: z.int().min(1).max(24),
  /** The first month in which the check is due. */
  firstMonth: monthKeySchema,
});

/** JSON form of a {@link ChecklistItem}. */
export type ChecklistItemInput = z.input<typeof checklistItemSchema>;
/** A recurring check of a needs analysis. */
export type ChecklistItem = z.output<typeof checklistItemSchema>;

/** The prepaid-hour terms of a contingent contract (C2, C3, C4). */
export const contingentTermsSchema = z.strictObject({
  /** Hours bought per month, in minutes (10 hours = 600). Integer minutes keep hours exact. */
  monthlyMinutes: z.int().min(1).max(1_000_000),
  /** The fixed monthly invoice amount (C2). */
  monthlyPrice: priceSchema,
  /** The contract rate per hour: what a correction invoice bills deficit hours at (C4). */
  hourlyRate: priceSchema,
  /** C3: service continues on an insufficient balance and the balance goes negative. */
  overdraftAllowed: z.boolean().default(true),
});

/** JSON form of {@link ContingentTerms}. */
export type ContingentTermsInput = z.input<typeof contingentTermsSchema>;
/** The prepaid-hour terms. */
export type ContingentTerms = z.output<typeof contingentTermsSchema>;

/** zod schema of every contract kind (C1), discriminated by `kind`. */
export const contractInputSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ ...base, kind: z.literal("cooperation-agreement") }),
    z.strictObject({
      ...base,
      kind: z.literal("needs-analysis"),
      checklist: z
        .array(checklistItemSchema)
        .min(1)
        .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: "Check ids must be unique" }),
    }),
    z.strictObject({ ...base, kind: z.literal("contingent"), contingent: contingentTermsSchema }),
    z.strictObject({
      ...base,
      kind: z.literal("rental-flat-rate"),
      /** The one monthly price for all rented IT; collected by direct debit (C8). */
      monthlyPrice: priceSchema,
    }),
    z.strictObject({
      ...base,
      kind: z.literal("data-center-hosting"),
      /** e.g. `"DATEV Nürnberg"` or `"TERRA CLOUD Hüllhorst"`. */
      dataCenter: z.string().min(1).max(200),
      monthlyPrice: priceSchema,
    }),
    z.strictObject({ ...base, kind: z.literal("managed-services"), priceList: z.array(priceListVersionSchema).min(1) }),
  ])
  .refine((contract) => contract.endDate === null || contract.endDate >= contract.startDate, {
    message: "The end date must not be before the start date",
    path: ["endDate"],
  });

/** JSON form of a {@link Contract}, as apps receive it. */
export type ContractInput = z.input<typeof contractInputSchema>;

/** A validated contract of one of the C1 kinds, defaults filled in. */
export type Contract = z.output<typeof contractInputSchema>;

/** A contract of kind `K`. */
export type ContractOf<K extends ContractKind> = Extract<Contract, { kind: K }>;
