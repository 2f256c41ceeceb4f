import { calendarRefSchema, isoDateSchema, zoneSchema } from "@kontor/calendar";
import { moneyJsonSchema, moneySchema } from "@kontor/money";
import {
  clearingSchema,
  exchangeRatesSchema,
  latePaymentInterestInputSchema,
  paymentMethodSchema,
  paymentOrderSchema,
  taxAddressSchema,
  taxInputSchema,
} from "@kontor/terms";
import { z } from "zod";

/**
 * A day (`2026-12-18`) or an instant with offset (`2026-12-18T23:30:00+01:00`, read as the local
 * day in `zone`): the JSON forms of `@kontor/terms`' `dateInputSchema`.
 */
const dayOrInstantSchema = z.union([isoDateSchema, z.iso.datetime({ offset: true })]);

const organizationIdSchema = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe("Quote for this customer: its zone and holiday calendar are the defaults; a portal user may name only their own");

/** Body of POST /v1/quotes/payment-methods (T1 eligibility, T2 settlement). */
export const paymentMethodsQuoteBodySchema = z.object({
  organizationId: organizationIdSchema,
  order: paymentOrderSchema,
  asOf: dayOrInstantSchema.optional().describe("Picks the policy in force (P1); default now"),
  zone: zoneSchema.optional(),
  exchangeRates: exchangeRatesSchema.optional().describe("Needed when a threshold is in another currency (10,000 USD for net 30)"),
  startedAt: dayOrInstantSchema.optional().describe("When payment starts, for the settlement estimates; default `asOf`"),
  calendar: calendarRefSchema.optional().describe("Calendar for settlement business days instead of the policy's (TARGET2, US)"),
});

/** Body of POST /v1/quotes/tax (T3, T4): `@kontor/terms`' tax input; contacts default to the organization's address. */
export const taxQuoteBodySchema = taxInputSchema.extend({
  organizationId: organizationIdSchema,
  asOf: dayOrInstantSchema.optional().describe("Tax point; default now"),
  contacts: taxInputSchema.shape.contacts.optional().describe("Default: the organization's address as billing address"),
});

/** Body of POST /v1/quotes/due-date (T1 net terms with §193 BGB, T6 late-payment interest). */
export const dueDateQuoteBodySchema = z.object({
  organizationId: organizationIdSchema,
  invoiceDate: dayOrInstantSchema,
  zone: zoneSchema.optional(),
  netDays: z.number().int().min(0).max(366).optional().describe("Default: the policy's net days (30)"),
  calendar: calendarRefSchema.optional().describe("Place of performance for §193 BGB; default the organization's calendar, else DE"),
  latePayment: z
    .object({
      principal: moneySchema,
      paidOn: isoDateSchema.describe("Day of payment; interest runs from the day after the due date up to it"),
      debtor: latePaymentInterestInputSchema.shape.debtor,
    })
    .optional()
    .describe("Computes T6 interest and the flat fee when paid after the due date"),
});

const policyRefSchema = z.object({ id: z.string(), version: z.string(), effectiveFrom: z.string() });
const holidaySchema = z.object({ date: z.string(), key: z.string(), nameDe: z.string(), nameEn: z.string(), observedFor: z.string().optional() });
const decision = { rule: z.string(), reason: z.string(), policies: z.array(policyRefSchema) };

/** Response of POST /v1/quotes/payment-methods. */
export const paymentMethodsQuoteSchema = z.object({
  eligibility: z.object({
    ...decision,
    allowed: z.array(
      z.object({
        method: paymentMethodSchema,
        label: z.string(),
        brands: z.array(z.string()).optional(),
        netDays: z.number().int().optional(),
        clearing: clearingSchema,
        reason: z.string(),
      }),
    ),
    refused: z.array(z.object({ method: paymentMethodSchema, label: z.string(), code: z.string(), reason: z.string() })),
  }),
  settlements: z.array(
    z.object({
      ...decision,
      method: paymentMethodSchema,
      startDate: z.string(),
      earliest: z.string(),
      latest: z.string(),
      calendar: z.string().optional(),
      holidaysSkipped: z.array(holidaySchema),
    }),
  ),
});

const vatIdSchema = z.object({ value: z.string(), prefix: z.string(), number: z.string(), country: z.string(), checkDigit: z.enum(["verified", "format-only"]) });

/** Response of POST /v1/quotes/tax. */
export const taxQuoteSchema = z.object({
  ...decision,
  treatment: z.string(),
  category: z.string().describe("EN 16931 VAT category (UNTDID 5305)"),
  ratePercent: z.string(),
  taxScheme: z.string(),
  jurisdiction: z.string().optional(),
  note: z.string().optional(),
  sellerVatId: vatIdSchema.optional(),
  buyerVatId: vatIdSchema.optional(),
  addressRole: z.string(),
  address: taxAddressSchema,
});

/** Response of POST /v1/quotes/due-date. */
export const dueDateQuoteSchema = z.object({
  dueDate: z.object({
    ...decision,
    invoiceDate: z.string(),
    netDays: z.number().int(),
    nominalDueDate: z.string(),
    dueDate: z.string(),
    holidays: z.array(holidaySchema),
  }),
  latePayment: z
    .object({
      ...decision,
      principal: moneyJsonSchema,
      debtor: z.enum(["business", "consumer"]),
      periods: z.array(
        z.object({
          from: z.string(),
          until: z.string(),
          days: z.number().int(),
          baseRatePercent: z.string(),
          baseRateEffectiveFrom: z.string(),
          ratePercent: z.string(),
          interest: moneyJsonSchema,
        }),
      ),
      interest: moneyJsonSchema,
      flatFee: moneyJsonSchema.optional(),
      dayCount: z.string(),
    })
    .nullable()
    .describe("null when no late payment was asked for or it was paid by the due date"),
});
