import type { OutboxRow } from "@kontor/db";
import { z } from "zod";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { billSeparateMonth } from "./bill-separate-month.js";
import { currentBillingSettings } from "./current-billing-settings.js";

/** Outbox topic of a closed rental or hosting month (C8), written by the month close. */
export const BILLED_SEPARATELY_TOPIC = "contingent.billed-separately";

/** The payload the month close writes: `{ organizationId, event: { contractId, month, method } }`. */
const billedSeparatelyPayloadSchema = z.object({
  organizationId: z.string().min(1),
  event: z.object({
    contractId: z.string().min(1),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    method: z.literal("direct-debit"),
  }),
});

function separateMonthOf(event: OutboxRow): { readonly contractId: string; readonly month: string } {
  const parsed = billedSeparatelyPayloadSchema.safeParse(event.payload);
  if (!parsed.success) throw new Error(`Outbox event ${event.id} (${event.topic}) has no separately billed month: ${parsed.error.message}`);
  return parsed.data.event;
}

/**
 * C8/T7: rental and hosting months are billed separately by direct debit.
 * `contingent.billed-separately`: compose, number and store the month's invoice (the contract's
 * monthly price) and mail its PDF, which for a direct debit is the T7 pre-notification with the
 * collection date ({@link billSeparateMonth}); settings read per event
 * ({@link currentBillingSettings}), and so are the installation's terms policies (P1, T7). Idempotent per event: a redelivery finds the invoice and the
 * sent mail and issues nothing new.
 */
export const separateBillingOutboxHandlers: readonly OutboxHandler[] = [
  {
    topics: [BILLED_SEPARATELY_TOPIC],
    async handle(tx, event, context) {
      const { contractId, month } = separateMonthOf(event);
      await billSeparateMonth(tx, context, await currentBillingSettings(tx, context), contractId, month, event.id);
    },
  },
];
