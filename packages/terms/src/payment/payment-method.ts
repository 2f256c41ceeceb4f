import { z } from "zod";

/**
 * Payment methods of RULES.md T1: credit card, PayPal, bank transfer, check by post, ACH, and
 * payment on invoice with net terms (net 30).
 */
export const PAYMENT_METHODS = ["credit-card", "paypal", "bank-transfer", "check", "ach", "on-invoice"] as const;

/** One of {@link PAYMENT_METHODS}. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Zod schema of a {@link PaymentMethod}. */
export const paymentMethodSchema = z.enum(PAYMENT_METHODS);

/** How the ordered product is billed (seed 001): cloud monthly or annual, Data Center, Server. */
export const BILLING_MODELS = ["cloud-monthly", "cloud-annual", "data-center", "server"] as const;

/** One of {@link BILLING_MODELS}. */
export type BillingModel = (typeof BILLING_MODELS)[number];

/** Zod schema of a {@link BillingModel}. */
export const billingModelSchema = z.enum(BILLING_MODELS);

/** Who buys: the end customer, or a reseller buying for a customer. */
export const BUYER_ROLES = ["customer", "reseller"] as const;

/** One of {@link BUYER_ROLES}. */
export type BuyerRole = (typeof BUYER_ROLES)[number];

/** Zod schema of a {@link BuyerRole}. */
export const buyerRoleSchema = z.enum(BUYER_ROLES);
