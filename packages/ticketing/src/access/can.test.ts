import { describe, expect, it } from "vitest";
import { portalUserSchema } from "../organizations/portal-user.js";
import { ANNA } from "../test-support/fixtures.js";
import { ACCESS_ACTIONS, type AccessAction, type AccessResource } from "./access-action.js";
import { authorize, can } from "./can.js";
import { ALL_ROLES, type Actor } from "./roles.js";

type Role = (typeof ALL_ROLES)[number];

const OWN = "org-mueller";
const FOREIGN = "org-baeckerei";

/**
 * The expected permissions, written out by hand from K1, K6, K10, K12 and seed 004 (not derived
 * from the implementation). `own` = a resource of the actor's organization that the actor
 * requested; `colleague` = a resource of the own organization requested by someone else.
 * Staff serve every customer: their own/foreign columns are the same.
 */
const DESK = ["ticket:create", "ticket:read", "ticket:comment", "ticket:internal-note"];
const EXPECTED: Readonly<Record<Role, { own: readonly string[]; colleague: readonly string[]; foreign: readonly string[] }>> = (() => {
  const staff = (actions: readonly string[]) => ({ own: actions, colleague: actions, foreign: actions });
  const dispatcher = [...DESK, "ticket:assign", "ticket:work", "statistics:read", "contract:read", "contingent:read", "service-report:read", "asset:read", "credential:read", "credential:write", "credential:approve"];
  const technician = [...DESK, "ticket:work", "contract:read", "asset:read", "asset:write", "credential:read", "credential:write"];
  const accountManager = [...DESK, "statistics:read", "contract:read", "contingent:read", "service-report:read", "invoice:read", "asset:read", "organization:manage", "portal-user:manage", "maintenance-plan:manage"];
  const backOffice = ["ticket:read", "ticket:internal-note", "statistics:read", "contract:read", "contingent:read", "service-report:read", "service-report:release", "invoice:read"];
  const materials = ["ticket:create", "ticket:read", "ticket:internal-note", "ticket:work", "asset:read", "asset:write", "goods-receipt:record"];
  const admin = [...ACCESS_ACTIONS];
  const manager = ["ticket:create", "ticket:read", "ticket:comment", "ticket:feedback", "statistics:read", "contract:read", "contingent:read", "service-report:read", "invoice:read", "asset:read"];
  return {
    dispatcher: staff(dispatcher),
    technician: staff(technician),
    "account-manager": staff(accountManager),
    "back-office": staff(backOffice),
    "materials-management": staff(materials),
    admin: staff(admin),
    "portal-reporter": { own: ["ticket:create", "ticket:read", "ticket:comment", "ticket:feedback"], colleague: ["ticket:create"], foreign: [] },
    "portal-manager": { own: manager, colleague: manager, foreign: [] },
  };
})();

function actorFor(role: Role): Actor {
  if (role === "portal-reporter" || role === "portal-manager") return { kind: "portal", id: ANNA.id, role, organizationId: OWN };
  return { kind: "staff", id: `staff-${role}`, role };
}

const RESOURCES: Readonly<Record<"own" | "colleague" | "foreign", AccessResource>> = {
  own: { organizationId: OWN, requesterPortalUserId: ANNA.id },
  colleague: { organizationId: OWN, requesterPortalUserId: "pu-colleague" },
  foreign: { organizationId: FOREIGN, requesterPortalUserId: ANNA.id },
};

const rows = ALL_ROLES.flatMap((role) => (["own", "colleague", "foreign"] as const).map((scope) => [role, scope] as const));

describe("can(actor, action, resource): every role × action × own/foreign organization (K10, K12)", () => {
  it.each(rows)("K10: %s on a %s resource", (role, scope) => {
    const actual = Object.fromEntries(ACCESS_ACTIONS.map((action) => [action, can(actorFor(role), action, RESOURCES[scope])]));
    const expected = Object.fromEntries(ACCESS_ACTIONS.map((action) => [action, EXPECTED[role][scope].includes(action)]));
    expect(actual).toEqual(expected);
  });

  it("K10: a user sees only their own organization's data, whatever the role", () => {
    for (const role of ["portal-reporter", "portal-manager"] as const) {
      for (const action of ACCESS_ACTIONS) expect(can(actorFor(role), action, RESOURCES.foreign)).toBe(false);
    }
  });

  it("K12: customer staff read credentials only with an approved request, and only for their own organization", () => {
    for (const role of ["portal-reporter", "portal-manager"] as const) {
      expect(can(actorFor(role), "credential:read", { organizationId: OWN, approvedReaderIds: [ANNA.id] })).toBe(true);
      expect(can(actorFor(role), "credential:read", { organizationId: OWN, approvedReaderIds: ["pu-colleague"] })).toBe(false);
      expect(can(actorFor(role), "credential:read", { organizationId: FOREIGN, approvedReaderIds: [ANNA.id] })).toBe(false);
    }
  });

  it("K12: stored credentials are recorded and rotated by technicians, the service team and admins only", () => {
    const writers = ALL_ROLES.filter((role) => can(actorFor(role), "credential:write", RESOURCES.own));
    expect(writers).toEqual(["dispatcher", "technician", "admin"]);
  });

  it("K10: authorize() returns K10_ACCESS_DENIED as a value", () => {
    expect(authorize(actorFor("portal-reporter"), "invoice:read" satisfies AccessAction, RESOURCES.own)).toMatchObject({ ok: false, errors: [{ code: "K10_ACCESS_DENIED" }] });
    expect(authorize(actorFor("portal-manager"), "invoice:read", RESOURCES.own)).toEqual({ ok: true, value: true });
  });
});

describe("portal users (O2)", () => {
  it("O2: a portal user has name, phone, e-mail and a permission level", () => {
    expect(portalUserSchema.safeParse(ANNA).success).toBe(true);
    const missing = portalUserSchema.safeParse({ ...ANNA, phone: undefined, role: "admin" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["phone", "role"]));
  });
});
