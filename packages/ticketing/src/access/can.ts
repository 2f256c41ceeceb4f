import { issue } from "../errors/ticketing-error.js";
import { fail, ok, type Result } from "../errors/result.js";
import { ACCESS_ACTIONS, type AccessAction, type AccessResource } from "./access-action.js";
import type { Actor, StaffRole } from "./roles.js";

type Grants = ReadonlySet<AccessAction>;

const TICKET_DESK: readonly AccessAction[] = ["ticket:create", "ticket:read", "ticket:comment", "ticket:internal-note"];

/**
 * Staff grants (K1, K6, K10, K12, seed 004): the service team dispatches, keeps stored credentials
 * and may approve customer credential requests; technicians work tickets, keep assets and record,
 * rotate and read the credentials they need;
 * account managers keep contracts, customer records, portal users and needs analyses; back
 * office releases service reports for billing; materials management books goods receipts and
 * records assets. Staff serve every customer, so the organization does not narrow these.
 */
const STAFF_GRANTS: Readonly<Record<StaffRole, Grants>> = {
  dispatcher: new Set<AccessAction>([
    ...TICKET_DESK,
    "ticket:assign",
    "ticket:work",
    "statistics:read",
    "contract:read",
    "contingent:read",
    "service-report:read",
    "asset:read",
    "credential:read",
    "credential:write",
    "credential:approve",
  ]),
  technician: new Set<AccessAction>([...TICKET_DESK, "ticket:work", "contract:read", "asset:read", "asset:write", "credential:read", "credential:write"]),
  "account-manager": new Set<AccessAction>([
    ...TICKET_DESK,
    "statistics:read",
    "contract:read",
    "contingent:read",
    "service-report:read",
    "invoice:read",
    "asset:read",
    "organization:manage",
    "portal-user:manage",
    "maintenance-plan:manage",
  ]),
  "back-office": new Set<AccessAction>([
    "ticket:read",
    "ticket:internal-note",
    "statistics:read",
    "contract:read",
    "contingent:read",
    "service-report:read",
    "service-report:release",
    "invoice:read",
  ]),
  "materials-management": new Set<AccessAction>([
    "ticket:create",
    "ticket:read",
    "ticket:internal-note",
    "ticket:work",
    "asset:read",
    "asset:write",
    "goods-receipt:record",
  ]),
  // Admins may do everything there is to do, including what later versions add.
  admin: new Set<AccessAction>(ACCESS_ACTIONS),
};

/** K10: a reporter creates and follows their own tickets. */
const REPORTER_OWN_TICKET: Grants = new Set<AccessAction>(["ticket:read", "ticket:comment", "ticket:feedback"]);

/** K10: a manager additionally sees all tickets of the organization and its reports. */
const MANAGER_GRANTS: Grants = new Set<AccessAction>([
  "ticket:create",
  "ticket:read",
  "ticket:comment",
  "ticket:feedback",
  "statistics:read",
  "contract:read",
  "contingent:read",
  "service-report:read",
  "invoice:read",
  "asset:read",
]);

/**
 * Whether `actor` may perform `action` on `resource` (K10, K12). Pure and allocation-free.
 *
 * Portal users act only within their own organization. A reporter may create tickets and read,
 * comment on and give feedback to tickets they requested; a manager may do so for every ticket
 * of the organization and read statistics, contract status, contingent balance, service reports,
 * invoices and assets. Customer staff never see internal notes. Credentials (K12): staff who
 * need them (service team, technicians, admin); customer staff only with an approved request
 * (`resource.approvedReaderIds`). Every credential read must also be audited: use
 * `readCredential`, which calls this.
 */
export function can(actor: Actor, action: AccessAction, resource: AccessResource): boolean {
  if (actor.kind === "staff") return STAFF_GRANTS[actor.role].has(action);
  if (actor.organizationId !== resource.organizationId) return false;
  if (action === "credential:read") return resource.approvedReaderIds?.includes(actor.id) ?? false;
  if (actor.role === "portal-manager") return MANAGER_GRANTS.has(action);
  if (action === "ticket:create") return true;
  return REPORTER_OWN_TICKET.has(action) && resource.requesterPortalUserId === actor.id;
}

/** {@link can} as a {@link Result}: `K10_ACCESS_DENIED` with a message naming actor and action. */
export function authorize(actor: Actor, action: AccessAction, resource: AccessResource): Result<true> {
  if (can(actor, action, resource)) return ok(true);
  return fail(issue("K10_ACCESS_DENIED", `${actor.role} ${actor.id} may not ${action} in organization ${resource.organizationId}`, ["actor"]));
}
