import { findOrganization, findUserByEmail, insertOrganization, insertUser, issueCredential, type DatabaseHandle } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";
import { BAECKEREI, MUELLER } from "../testing/fixtures.js";

/** What a demo start prints: who to sign in as. */
export interface DemoCredentials {
  readonly adminEmail: string;
  /** A fresh API token of the demo administrator (only its hash is stored). */
  readonly adminToken: string;
  readonly portalManagerToken: string;
}

/** The test fixtures' customers, with German VAT IDs (T3, T4: valid check digits) on their invoices. */
const DEMO_ORGANIZATIONS: readonly Organization[] = [
  { ...MUELLER, vatId: "DE314159262" },
  { ...BAECKEREI, vatId: "DE271828180" },
];

/**
 * Loads the demo data once (organizations, an administrator, a portal manager) and issues
 * fresh tokens on every start. Safe to run again: existing records are kept.
 */
export async function seedDemoData(database: DatabaseHandle, now: Date): Promise<DemoCredentials> {
  return database.db.transaction(async (tx) => {
    for (const organization of DEMO_ORGANIZATIONS) {
      if ((await findOrganization(tx, organization.id)) === undefined) await insertOrganization(tx, organization, now);
    }
    const admin =
      (await findUserByEmail(tx, "admin@kontor.demo")) ??
      (await insertUser(tx, { kind: "staff", role: "admin", email: "admin@kontor.demo", profile: { name: "Demo Admin" } }, now));
    const manager =
      (await findUserByEmail(tx, "anna.becker@mueller-gmbh.de")) ??
      (await insertUser(
        tx,
        { kind: "portal", organizationId: MUELLER.id, role: "portal-manager", email: "anna.becker@mueller-gmbh.de", profile: { firstName: "Anna", lastName: "Becker", phone: "+49 221 123456" } },
        now,
      ));
    const adminToken = await issueCredential(tx, { userId: admin.id, kind: "api-token", name: "demo start" }, now);
    const managerToken = await issueCredential(tx, { userId: manager.id, kind: "api-token", name: "demo start" }, now);
    return { adminEmail: admin.email, adminToken: adminToken.secret, portalManagerToken: managerToken.secret };
  });
}
