import { findOrganization, staffMailRecipients, type KontorTransaction } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";

/** Staff role that looks after customers' contracts and renewals (K1, seed 004 "Kundenbetreuer"). */
export const ACCOUNT_MANAGER_ROLE = "account-manager";

/**
 * Who gets a K11 expiry warning: the customer's account manager from the cooperation agreement
 * (O1), read when the mail is sent; without one, every active account manager, so the warning
 * reaches someone who can offer the renewal.
 */
export async function assetExpiryRecipients(tx: KontorTransaction, organizationId: string): Promise<string[]> {
  const organization = (await findOrganization(tx, organizationId))?.record as Organization | undefined;
  if (organization?.accountManager !== undefined) return [organization.accountManager.email.toLowerCase()];
  const staff = await staffMailRecipients(tx, { roles: [ACCOUNT_MANAGER_ROLE], ids: [] });
  return [...new Set(staff.map((member) => member.email.toLowerCase()))].sort();
}
