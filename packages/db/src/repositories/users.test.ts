import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { credentials } from "../schema/core.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertOrganization } from "./organizations.js";
import { disableUser, enableUser, findUser, findUserByApiToken, insertUser, issueCredential, redeemLoginToken, revokeUserCredentials, type UserRow } from "./users.js";

const NOW = new Date("2026-11-16T09:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** Offboarding: disabling a user ends every session at once, and enabling them again brings none back. */
describe(`disabling and enabling users on ${testDatabaseKind()} (O2, K10, K12)`, () => {
  let database: DatabaseHandle;
  let sequence = 0;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 4 });
    await insertOrganization(database.db, { id: "org-mueller", name: "Müller GmbH" }, NOW);
  });
  afterAll(() => database.close());

  async function portalUser(): Promise<UserRow> {
    sequence += 1;
    return insertUser(database.db, { kind: "portal", organizationId: "org-mueller", role: "portal-reporter", email: `ben${sequence}@mueller.test`, profile: {} }, NOW);
  }

  /** A long-lived API token, a 12-hour session token and an unused login token of `user`. */
  async function tokensOf(user: UserRow) {
    return {
      api: await issueCredential(database.db, { userId: user.id, kind: "api-token", name: "laptop" }, NOW),
      session: await issueCredential(database.db, { userId: user.id, kind: "api-token", name: "session", expiresAt: at(12 * 60) }, NOW),
      login: await issueCredential(database.db, { userId: user.id, kind: "login-token", name: "mail link", expiresAt: at(30) }, NOW),
    };
  }

  const revokedAtOf = async (userId: string) =>
    (await database.db.select({ revokedAt: credentials.revokedAt }).from(credentials).where(eq(credentials.userId, userId))).map((row) => row.revokedAt);

  it("O2, K10: disableUser disables the user and revokes all their credentials (API, session and login tokens) at once; another user's stay valid", async () => {
    const ben = await portalUser();
    const other = await portalUser();
    const bens = await tokensOf(ben);
    const others = await issueCredential(database.db, { userId: other.id, kind: "api-token", name: "laptop" }, NOW);

    const result = await disableUser(database.db, ben.id, at(1));

    expect(result).toMatchObject({ disabledNow: true, revokedCredentials: 3, user: { id: ben.id, disabledAt: at(1) } });
    expect(await revokedAtOf(ben.id)).toEqual([at(1), at(1), at(1)]);
    expect(await findUserByApiToken(database.db, bens.api.secret, at(2))).toBeUndefined();
    expect(await findUserByApiToken(database.db, bens.session.secret, at(2))).toBeUndefined();
    expect(await redeemLoginToken(database.db, bens.login.secret, at(2))).toBeUndefined();
    expect((await findUserByApiToken(database.db, others.secret, at(2)))?.user.id).toBe(other.id);
  });

  it("O2: disableUser is idempotent: a second call keeps the first disabledAt, reports nothing new and changes nothing", async () => {
    const ben = await portalUser();
    await tokensOf(ben);
    await disableUser(database.db, ben.id, at(1));

    const again = await disableUser(database.db, ben.id, at(5));

    expect(again).toMatchObject({ disabledNow: false, revokedCredentials: 0, user: { disabledAt: at(1), updatedAt: at(1) } });
    expect(await revokedAtOf(ben.id)).toEqual([at(1), at(1), at(1)]);
  });

  it("O2: of two concurrent disableUser calls exactly one disables", async () => {
    const ben = await portalUser();
    await tokensOf(ben);
    const results = await Promise.all([at(1), at(2)].map((instant) => database.db.transaction((tx) => disableUser(tx, ben.id, instant))));
    expect(results.map((result) => result?.disabledNow).sort()).toEqual([false, true]);
    const stored = await findUser(database.db, ben.id);
    expect(results.find((result) => result?.disabledNow)?.user.disabledAt).toEqual(stored?.disabledAt);
  });

  it("K10: enableUser brings the user back without their old tokens (a new one works); it is idempotent", async () => {
    const ben = await portalUser();
    const old = await tokensOf(ben);
    await disableUser(database.db, ben.id, at(1));

    const enabled = await enableUser(database.db, ben.id, at(10));

    expect(enabled).toMatchObject({ enabledNow: true, user: { id: ben.id, disabledAt: null, updatedAt: at(10) } });
    expect(await findUserByApiToken(database.db, old.api.secret, at(11))).toBeUndefined();
    expect(await findUserByApiToken(database.db, old.session.secret, at(11))).toBeUndefined();
    expect(await redeemLoginToken(database.db, old.login.secret, at(11))).toBeUndefined();
    const fresh = await issueCredential(database.db, { userId: ben.id, kind: "api-token", name: "new laptop" }, at(11));
    expect((await findUserByApiToken(database.db, fresh.secret, at(12)))?.user.id).toBe(ben.id);

    expect(await enableUser(database.db, ben.id, at(20))).toMatchObject({ enabledNow: false, user: { disabledAt: null, updatedAt: at(10) } });
  });

  it("revokeUserCredentials revokes only the credentials still open, of that user", async () => {
    const ben = await portalUser();
    const other = await portalUser();
    await tokensOf(ben);
    const others = await issueCredential(database.db, { userId: other.id, kind: "api-token", name: "laptop" }, NOW);
    expect(await revokeUserCredentials(database.db, ben.id, at(1))).toBe(3);
    expect(await revokeUserCredentials(database.db, ben.id, at(2))).toBe(0);
    expect(await revokedAtOf(ben.id)).toEqual([at(1), at(1), at(1)]);
    expect((await findUserByApiToken(database.db, others.secret, at(3)))?.user.id).toBe(other.id);
  });

  it("unknown ids: disableUser and enableUser answer undefined", async () => {
    expect(await disableUser(database.db, "niemand", NOW)).toBeUndefined();
    expect(await enableUser(database.db, "niemand", NOW)).toBeUndefined();
  });
});
