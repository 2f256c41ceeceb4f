import { createOrganizationDirectory, type Organization, type OrganizationDirectory, type PortalUser } from "@kontor/ticketing";

/** A portal user as intake knows them: enough to map a sender to an organization (O2). */
export interface PortalUserContact {
  readonly id: string;
  readonly email: string;
  readonly organizationId: string;
}

/**
 * The organization directory intake decides one mail with (O1, O2). For a mail staff released
 * to an organization (K2: the sender was unknown), the sender is a known contact of that
 * organization, so the mail opens a ticket there (with the K2 confirmation to the sender) or is
 * appended to the ticket it replies to (K3). The assignment is staff's explicit decision and
 * wins over a portal account of the same address in another organization; a portal account in
 * the assigned organization stays, so the ticket keeps its portal requester.
 *
 * @param sender the mail's lower-case From address, if it has one
 * @param assignedOrganizationId the organization staff released the mail to, if any
 */
export function intakeDirectory(
  organizations: readonly Organization[],
  portalUsers: readonly PortalUserContact[],
  sender: string | undefined,
  assignedOrganizationId: string | undefined,
): OrganizationDirectory {
  if (sender === undefined || sender === "" || assignedOrganizationId === undefined) {
    return createOrganizationDirectory(organizations, portalUsers as unknown as PortalUser[]);
  }
  const users = portalUsers.filter((user) => user.email.toLowerCase() !== sender || user.organizationId === assignedOrganizationId);
  return createOrganizationDirectory(organizations, users as unknown as PortalUser[], [{ email: sender, organizationId: assignedOrganizationId }]);
}
