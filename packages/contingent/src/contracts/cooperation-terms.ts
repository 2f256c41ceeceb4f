import { z } from "zod";
import { priceSchema } from "./amount.js";

/**
 * The price of one work type (C1): an hourly rate and, optionally, a daily rate that applies to
 * every full day of that work by one technician on one day.
 */
export const workTypeRateSchema = z.strictObject({
  /** Stable key used by time entries, e.g. `"remote-support"`. */
  workType: z.string().min(1).max(64),
  /** Text for invoice lines, e.g. `"Remote support"`. */
  description: z.string().min(1).max(200),
  /** Price per hour. */
  hourlyRate: priceSchema,
  /** Price per full day, or `null` when this work type is billed by the hour only. */
  dailyRate: priceSchema.nullable().default(null),
  /** Billed minutes that make one day at the daily rate (default 480 = 8 hours). */
  minutesPerDay: z.int().min(1).max(1440).default(480),
});

/** JSON form of a {@link WorkTypeRate}. */
export type WorkTypeRateInput = z.input<typeof workTypeRateSchema>;
/** The price of one work type. */
export type WorkTypeRate = z.output<typeof workTypeRateSchema>;

/**
 * How travel is priced (C6: "flat fee or per zone/kilometre"): `included` (not billed), `flat`
 * (one fee per trip), `zones` (a fee per trip by zone) or `per-kilometre`.
 */
export const travelPricingSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("included") }),
  z.strictObject({ kind: z.literal("flat"), feePerTrip: priceSchema }),
  z.strictObject({
    kind: z.literal("zones"),
    zones: z
      .array(z.strictObject({ zone: z.string().min(1).max(64), feePerTrip: priceSchema }))
      .min(1)
      .refine((zones) => new Set(zones.map((z) => z.zone)).size === zones.length, { message: "Zones must be unique" }),
  }),
  z.strictObject({ kind: z.literal("per-kilometre"), ratePerKilometre: priceSchema }),
]);

/** JSON form of a {@link TravelPricing}. */
export type TravelPricingInput = z.input<typeof travelPricingSchema>;
/** How travel is priced. */
export type TravelPricing = z.output<typeof travelPricingSchema>;

/** A first-response target by ticket priority, in business minutes (evaluated by ticketing, K7). */
export const responseTimeSchema = z.strictObject({
  priority: z.enum(["critical", "high", "normal", "low"]),
  firstResponseBusinessMinutes: z.int().min(1).max(100_000),
  resolutionBusinessMinutes: z.int().min(1).max(1_000_000).nullable().default(null),
});

/** JSON form of a {@link ResponseTime}. */
export type ResponseTimeInput = z.input<typeof responseTimeSchema>;
/** A response-time target. */
export type ResponseTime = z.output<typeof responseTimeSchema>;

/**
 * The cooperation agreement (C1, seed 004 "Das gemeinsame Minimum"): not a contract, but the
 * terms every customer is informed about — purpose, reachability and response times, who is
 * responsible for backups, hourly/daily rates and travel costs, and the account manager.
 */
export const cooperationTermsSchema = z.strictObject({
  /** Purpose of the cooperation. */
  purpose: z.string().max(2000).default(""),
  /** When the provider is reachable, e.g. `"Mo–Fr 08:00–17:00"`. */
  serviceHours: z.string().max(500).default(""),
  responseTimes: z.array(responseTimeSchema).max(4).default([]),
  /** Who is responsible for data backups. */
  backupResponsibility: z.enum(["customer", "provider", "shared"]),
  rates: z
    .array(workTypeRateSchema)
    .min(1)
    .refine((rates) => new Set(rates.map((r) => r.workType)).size === rates.length, {
      message: "Work types must be unique",
    }),
  travel: travelPricingSchema,
  accountManager: z.strictObject({
    name: z.string().min(1).max(200),
    email: z.email(),
    phone: z.string().max(50).nullable().default(null),
  }),
});

/** JSON form of {@link CooperationTerms}. */
export type CooperationTermsInput = z.input<typeof cooperationTermsSchema>;
/** The cooperation agreement's terms. */
export type CooperationTerms = z.output<typeof cooperationTermsSchema>;
