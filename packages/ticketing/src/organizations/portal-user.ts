import { z } from "zod";

/** Portal permission levels (K10): reporter follows own tickets, manager sees the organization. */
export const PORTAL_ROLES = ["portal-reporter", "portal-manager"] as const;

/** A portal permission level (K10). */
export type PortalRole = (typeof PORTAL_ROLES)[number];

/** zod schema of a {@link PortalRole}. */
export const portalRoleSchema = z.enum(PORTAL_ROLES);

/** zod schema of a portal user (O2): name, phone, e-mail and permission level. */
export const portalUserSchema = z
  .object({
    id: z.string().min(1),
    organizationId: z.string().min(1),
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    phone: z.string().min(3),
    email: z.email(),
    role: portalRoleSchema,
  })
  .strict();

/** A customer employee with a portal login (O2). */
export type PortalUser = z.infer<typeof portalUserSchema>;
