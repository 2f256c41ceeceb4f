import type { TicketingPolicy } from "./ticketing-policy.js";

/**
 * The shipped default policy (seed 004 and RULES.md K1–K13 defaults). The rate limits are sized
 * for a service desk of a few hundred customers: a human conversation on one ticket rarely exceeds
 * a mail every three minutes, an auto-reply ping-pong exceeds it within the first hour.
 */
export const DEFAULT_TICKETING_POLICY: TicketingPolicy = {
  effectiveFrom: "2020-01-01T00:00:00+01:00",
  intake: {
    perTicket: { maxMails: 20, windowMinutes: 60 },
    perSender: { maxMails: 30, windowMinutes: 60 },
    global: { maxMails: 600, windowMinutes: 10 },
    unknownSender: "create-ticket",
  },
  tickets: { reopenWindowDays: 14 },
  sla: { warningRatio: 0.8 },
  monitoring: { ticketSeverities: ["warning", "critical"] },
  assets: { expiryLeadTimeDays: 30 },
};

/** Every shipped default policy, oldest first. */
export const DEFAULT_TICKETING_POLICIES: readonly TicketingPolicy[] = [DEFAULT_TICKETING_POLICY];
