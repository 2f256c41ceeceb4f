import type { Organization } from "./organization.js";
import type { PortalUser } from "./portal-user.js";

/** What the directory knows about one mail address. */
export interface KnownContact {
  readonly email: string;
  readonly organizationId: string;
  /** Present when the address is a portal user (O2). */
  readonly portalUserId?: string;
}

/**
 * Lookups built once from the customer records (O1, O2) so that mail intake (K2, K3) resolves a
 * sender with two `Map` reads instead of scanning organizations for every message.
 */
export interface OrganizationDirectory {
  /** Organization by id. */
  readonly organizations: ReadonlyMap<string, Organization>;
  /** Known contact by lower-case address. */
  readonly contacts: ReadonlyMap<string, KnownContact>;
  /** Organization id by lower-case mail domain. */
  readonly domains: ReadonlyMap<string, string>;
}

/** An extra known contact that is not a portal user (for example from the CRM). */
export interface ContactInput {
  readonly email: string;
  readonly organizationId: string;
}

/**
 * Builds the {@link OrganizationDirectory}. A domain claimed by two organizations (a shared
 * freemail or hosting domain) is left out of the domain map: only explicit contacts can then
 * prove membership, which keeps K3's subject-tag rule from leaking tickets across customers.
 */
export function createOrganizationDirectory(
  organizations: readonly Organization[],
  portalUsers: readonly PortalUser[] = [],
  contacts: readonly ContactInput[] = [],
): OrganizationDirectory {
  const byId = new Map<string, Organization>();
  const domains = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const organization of organizations) {
    byId.set(organization.id, organization);
    for (const rawDomain of organization.mailDomains) {
      const domain = rawDomain.toLowerCase();
      const owner = domains.get(domain);
      if (owner !== undefined && owner !== organization.id) ambiguous.add(domain);
      domains.set(domain, organization.id);
    }
  }
  for (const domain of ambiguous) domains.delete(domain);
  const known = new Map<string, KnownContact>();
  for (const contact of contacts) {
    const email = contact.email.toLowerCase();
    known.set(email, { email, organizationId: contact.organizationId });
  }
  for (const user of portalUsers) {
    const email = user.email.toLowerCase();
    known.set(email, { email, organizationId: user.organizationId, portalUserId: user.id });
  }
  return { organizations: byId, contacts: known, domains };
}

/** The domain part of a lower-case address (`""` when there is no `@`). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1);
}

/**
 * The organization a sender belongs to: a known contact first, then the mail domain. `undefined`
 * for an unknown sender.
 *
 * @param directory lookups from {@link createOrganizationDirectory}
 * @param address lower-case sender address
 */
export function organizationOfSender(directory: OrganizationDirectory, address: string): string | undefined {
  return directory.contacts.get(address)?.organizationId ?? directory.domains.get(domainOf(address));
}

/**
 * Whether the sender belongs to the given organization (K3): a known contact of it, or an address
 * in one of its mail domains. A contact known for another organization does not belong, even if
 * the domain matches (an external consultant using the customer's domain is still theirs).
 */
export function senderBelongsTo(directory: OrganizationDirectory, address: string, organizationId: string): boolean {
  const contact = directory.contacts.get(address);
  if (contact !== undefined) return contact.organizationId === organizationId;
  return directory.domains.get(domainOf(address)) === organizationId;
}
