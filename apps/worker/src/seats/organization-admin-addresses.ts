import { listPortalUsers, type Executor, type KeysetPosition } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";

/** The portal role that administers an organization's licenses (K10: sees the whole organization). */
const ADMIN_ROLE = "portal-manager";

/** Portal users are read in pages of this size; organizations have a handful. */
const PAGE_SIZE = 100;

/**
 * Who gets the mails addressed to "the organization's administrators" (S5, S8 admin mails,
 * renewal reminders): every enabled portal manager of the organization. Without one, the
 * account manager named in the cooperation agreement, so the reminder reaches someone who can
 * act; without that, the address the customer gave for documents (O1 service-report recipient).
 * Never empty, in a stable order, without duplicates (case-insensitive).
 */
export async function organizationAdminAddresses(executor: Executor, organization: Organization): Promise<string[]> {
  const managers: string[] = [];
  let after: KeysetPosition | undefined;
  for (;;) {
    const page = await listPortalUsers(executor, organization.id, { limit: PAGE_SIZE, after });
    for (const user of page.items) {
      if (user.role === ADMIN_ROLE && user.disabledAt === null) managers.push(user.email);
    }
    if (page.next === undefined) break;
    after = page.next;
  }
  if (managers.length > 0) return uniqueAddresses(managers);
  if (organization.accountManager !== undefined) return [organization.accountManager.email];
  return [organization.serviceReportRecipient];
}

function uniqueAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
