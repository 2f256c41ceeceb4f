import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { users } from "../schema/core.js";

/** An active staff member who can receive internal mail. */
export interface StaffMailRecipient {
  readonly id: string;
  readonly role: string;
  readonly email: string;
}

/**
 * Active (not disabled) staff members who hold one of `roles` or whose id is in `ids`, in one
 * query: the recipients of internal alerts (the service team by role, assignees by id).
 */
export async function staffMailRecipients(
  executor: Executor,
  select: { readonly roles: readonly string[]; readonly ids: readonly string[] },
): Promise<StaffMailRecipient[]> {
  const ids = [...new Set(select.ids)];
  if (select.roles.length === 0 && ids.length === 0) return [];
  return executor
    .select({ id: users.id, role: users.role, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.kind, "staff"),
        isNull(users.disabledAt),
        or(select.roles.length === 0 ? undefined : inArray(users.role, [...select.roles]), ids.length === 0 ? undefined : inArray(users.id, ids)),
      ),
    )
    .orderBy(asc(users.email));
}
