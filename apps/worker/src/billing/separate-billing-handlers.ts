import type { OutboxHandler } from "../outbox/outbox-handler.js";

/** C8/T7: rental and hosting months billed by SEPA direct debit. (Being written.) */
export const separateBillingOutboxHandlers: readonly OutboxHandler[] = [];
