import { z } from "zod";

/** Everything `can()` decides on (K10, K12, K13). */
export const ACCESS_ACTIONS = [
  "ticket:create",
  "ticket:read",
  "ticket:comment",
  "ticket:internal-note",
  "ticket:feedback",
  "ticket:assign",
  "ticket:work",
  "statistics:read",
  "contract:read",
  "contingent:read",
  "service-report:read",
  "service-report:release",
  "invoice:read",
  "asset:read",
  "asset:write",
  "goods-receipt:record",
  "credential:read",
  // K12: record and rotate stored credentials (the secret is written, never shown back).
  "credential:write",
  "credential:approve",
  "organization:manage",
  "portal-user:manage",
  "maintenance-plan:manage",
] as const;

/** An action (K10). */
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** zod schema of an {@link AccessAction}. */
export const accessActionSchema = z.enum(ACCESS_ACTIONS);

/**
 * zod schema of what is acted on: always the owning organization; for tickets the requester's
 * portal user id (reporters see their own tickets only); for credentials the portal users whose
 * access request is approved and valid now (from `approvedCredentialReaders`).
 */
export const accessResourceSchema = z
  .object({
    organizationId: z.string().min(1),
    requesterPortalUserId: z.string().min(1).optional(),
    approvedReaderIds: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** What is acted on (K10). */
export type AccessResource = z.infer<typeof accessResourceSchema>;
