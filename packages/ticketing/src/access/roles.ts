import { z } from "zod";
import { PORTAL_ROLES, portalRoleSchema } from "../organizations/portal-user.js";

/** K1: the staff roles of the service desk (seed 004), plus an administrator. */
export const STAFF_ROLES = ["dispatcher", "technician", "account-manager", "back-office", "materials-management", "admin"] as const;

/** A staff role (K1). */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** zod schema of a {@link StaffRole}. */
export const staffRoleSchema = z.enum(STAFF_ROLES);

/** Every role, staff and portal (K10). */
export const ALL_ROLES = [...STAFF_ROLES, ...PORTAL_ROLES] as const;

/**
 * zod schema of who is acting: a staff member (serves every customer) or a portal user bound to
 * one organization (K10, O2).
 */
export const actorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("staff"), id: z.string().min(1), role: staffRoleSchema }).strict(),
  z.object({ kind: z.literal("portal"), id: z.string().min(1), role: portalRoleSchema, organizationId: z.string().min(1) }).strict(),
]);

/** Who is acting (K10). */
export type Actor = z.infer<typeof actorSchema>;
