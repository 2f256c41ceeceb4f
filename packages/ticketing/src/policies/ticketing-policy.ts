import { z } from "zod";
import { isoInstantSchema } from "../time/instant.js";

/** zod schema of one rate limit: at most `maxMails` accepted mails within `windowMinutes`. */
export const rateLimitSchema = z
  .object({
    maxMails: z.number().int().positive(),
    windowMinutes: z.number().int().positive(),
  })
  .strict();

/** One rate limit (K4). */
export type RateLimit = z.infer<typeof rateLimitSchema>;

/**
 * zod schema of the ticketing policy: every configurable number of K1–K13 as data with an
 * `effectiveFrom` instant (RULES.md P1), so a user can load their own JSON without code changes.
 */
export const ticketingPolicySchema = z
  .object({
    /** First instant at which this policy is in force. */
    effectiveFrom: isoInstantSchema,
    intake: z
      .object({
        /** K4: mails appended to one ticket within the window; more are quarantined. */
        perTicket: rateLimitSchema,
        /** K4: mails from one sender address within the window; more are quarantined. */
        perSender: rateLimitSchema,
        /** K4: all accepted mails within the window; more are quarantined (mail storm). */
        global: rateLimitSchema,
        /**
         * K2: what to do with mail from an address that belongs to no known organization. The
         * support address is open 24/7, so the default creates a ticket for dispatch to qualify.
         */
        unknownSender: z.enum(["create-ticket", "quarantine"]),
      })
      .strict(),
    tickets: z
      .object({
        /** K1: a resolved ticket can be reopened by the customer for this many days. */
        reopenWindowDays: z.number().int().nonnegative(),
      })
      .strict(),
    sla: z
      .object({
        /** K7: share of the target elapsed at which a warning event is raised (0.8 = 80 %). */
        warningRatio: z.number().gt(0).lt(1),
      })
      .strict(),
    monitoring: z
      .object({
        /** K8: sensor severities that become a ticket; lower ones are only recorded. */
        ticketSeverities: z.array(z.enum(["info", "warning", "critical"])).min(1),
      })
      .strict(),
    assets: z
      .object({
        /** K11: days before warranty or license expiry at which a warning event is raised. */
        expiryLeadTimeDays: z.number().int().positive(),
      })
      .strict(),
  })
  .strict();

/** The ticketing policy in force from `effectiveFrom` (RULES.md P1). */
export type TicketingPolicy = z.infer<typeof ticketingPolicySchema>;

/** zod schema of a list of policies (any order; evaluation picks the one in force). */
export const ticketingPoliciesSchema = z.array(ticketingPolicySchema).min(1);
