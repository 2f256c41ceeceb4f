import { decimalStringSchema } from "@kontor/money";
import { z } from "zod";
import { monthKeySchema } from "../time/month-key.js";
import { meterSchema } from "./meter.js";

/**
 * A metered quantity of a managed service in one month (C9), e.g. 42 protected devices or
 * 1250.5 GB of backup storage. Several records of one meter in a month add up.
 */
export const usageRecordInputSchema = z.strictObject({
  contractId: z.string().min(1).max(64),
  month: monthKeySchema,
  meter: meterSchema,
  /** A non-negative decimal string (P3: exact, never a float). */
  quantity: decimalStringSchema.refine((value) => !value.startsWith("-"), { message: "Usage must not be negative" }),
  /** Where the figure came from (e.g. the monitoring system), for audit. */
  source: z.string().max(200).default(""),
});

/** JSON form of a usage record. */
export type UsageRecordInput = z.input<typeof usageRecordInputSchema>;

/** A validated usage record. */
export type UsageRecord = z.output<typeof usageRecordInputSchema>;
