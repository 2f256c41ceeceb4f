import type { SepaPolicy } from "../due-dates/sepa-policy.js";

/**
 * The shipped SEPA direct-debit policy (RULES.md T7, SEPA Core Direct Debit rulebook):
 * pre-notification at least 14 calendar days before collection unless a shorter period of at
 * least 1 day is agreed; collections happen on TARGET2 business days.
 */
export const DEFAULT_SEPA_POLICIES: readonly SepaPolicy[] = [
  {
    id: "kontor.sepa-direct-debit",
    version: "sepa-core-2023",
    effectiveFrom: "2014-02-01",
    source: "RULES.md T7; SEPA Core Direct Debit rulebook (pre-notification 14 calendar days unless agreed otherwise)",
    preNotificationDays: 14,
    minimumAgreedDays: 1,
    collectionCalendar: "TARGET2",
  },
];
