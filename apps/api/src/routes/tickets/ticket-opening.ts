import { findOrganizationsById, findUsersById, type KontorTransaction, type OrganizationRow, type TicketRow, type UserRow } from "@kontor/db";
import { requesterSchema, ticketChannelSchema, ticketInputSchema, type Organization, type Requester } from "@kontor/ticketing";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import type { Principal } from "../../auth/principal.js";
import { CoalescingBatcher, settle, type BatchOutcome } from "../../http/coalescing-batcher.js";
import { badRequest, fieldError, notFound } from "../../http/problem.js";
import { openTickets, type TicketToOpen } from "./ticket-store.js";

/** Body of `POST /v1/tickets`. */
export const createTicketBodySchema = ticketInputSchema.pick({ kind: true, subject: true, description: true, priority: true, branchId: true }).extend({
  organizationId: z.string().min(1).max(100).optional().describe("Required for staff; portal users open tickets for their own organization"),
  requester: requesterSchema.optional().describe("Required for staff: the customer contact the ticket is for. Portal users are the requester themselves"),
  channel: ticketChannelSchema
    .extract(["phone", "mail", "portal"])
    .optional()
    .describe("How staff received it (default phone, K2); tickets of portal users are always `portal`"),
});

/** A `POST /v1/tickets` request that passed validation and the access check. */
export interface TicketRequest {
  readonly who: Principal;
  readonly organizationId: string;
  readonly body: z.output<typeof createTicketBodySchema>;
}

function displayName(profile: unknown): string | undefined {
  const { firstName, lastName } = (profile ?? {}) as { firstName?: unknown; lastName?: unknown };
  const name = [firstName, lastName].filter((part): part is string => typeof part === "string" && part !== "").join(" ");
  return name === "" ? undefined : name;
}

/** The users a request's requester check reads: a portal user themselves, or the portal user staff link. */
function userIdsOf(request: TicketRequest): string[] {
  if (request.who.actor.kind === "portal") return [request.who.userId];
  const linked = request.body.requester?.portalUserId;
  return linked === undefined ? [] : [linked];
}

/**
 * Who a new ticket is for: a portal user is the requester themselves (K10: reporters follow
 * their own tickets); staff name the customer contact, optionally linking a portal user of the
 * same organization. `users` holds the users {@link userIdsOf} names.
 */
function requesterFor(request: TicketRequest, users: ReadonlyMap<string, UserRow>): Requester {
  const { who, organizationId } = request;
  const given = request.body.requester;
  if (who.actor.kind === "portal") {
    if (given !== undefined) throw badRequest(fieldError("body", ["requester"], "not_allowed", "portal users open tickets as themselves"));
    const name = displayName(users.get(who.userId)?.profile);
    return { email: who.email, ...(name === undefined ? {} : { name }), portalUserId: who.userId };
  }
  if (given === undefined) throw badRequest(fieldError("body", ["requester"], "required", "name the customer contact the ticket is for"));
  if (given.portalUserId !== undefined) {
    const user = users.get(given.portalUserId);
    if (user?.kind !== "portal" || user.organizationId !== organizationId) {
      throw badRequest(fieldError("body", ["requester", "portalUserId"], "unknown_portal_user", "is not a portal user of the organization"));
    }
  }
  return given;
}

/** The ticket a request opens, or the 404/400 that only this request gets. */
function ticketToOpen(request: TicketRequest, row: OrganizationRow | undefined, users: ReadonlyMap<string, UserRow>): TicketToOpen {
  const { who, body, organizationId } = request;
  const organization = row?.record as Organization | undefined;
  if (organization === undefined) throw notFound(`Organization ${organizationId}`);
  if (body.branchId !== undefined && !organization.branches.some((branch) => branch.id === body.branchId)) {
    throw badRequest(fieldError("body", ["branchId"], "unknown_branch", "is not a branch of the organization"));
  }
  const requester = requesterFor(request, users);
  return {
    input: {
      kind: body.kind,
      channel: who.actor.kind === "portal" ? "portal" : (body.channel ?? "phone"),
      organizationId,
      ...(body.branchId === undefined ? {} : { branchId: body.branchId }),
      requester,
      subject: body.subject,
      description: body.description,
      priority: body.priority,
      by: { kind: who.actor.kind === "portal" ? "customer" : "staff", id: who.userId },
    },
    confirm: true,
    organization,
  };
}

/** Opens the requests' tickets in `tx`: their organizations and users in one query each, then {@link openTickets}. */
async function openInTransaction(tx: KontorTransaction, requests: readonly TicketRequest[], now: Date): Promise<BatchOutcome<TicketRow>[]> {
  const organizations = await findOrganizationsById(
    tx,
    requests.map((request) => request.organizationId),
  );
  const users = await findUsersById(tx, requests.flatMap(userIdsOf));
  const prepared = requests.map((request): BatchOutcome<TicketToOpen> => {
    try {
      return { ok: true, value: ticketToOpen(request, organizations.get(request.organizationId), users) };
    } catch (error) {
      return { ok: false, error };
    }
  });
  const rows = await openTickets(
    tx,
    prepared.flatMap((outcome) => (outcome.ok ? [outcome.value] : [])),
    now,
  );
  let next = 0;
  return prepared.map((outcome) => {
    if (!outcome.ok) return outcome;
    const row = rows[next++];
    return row === undefined ? { ok: false, error: new Error("openTickets returned fewer rows than tickets") } : { ok: true, value: row };
  });
}

/**
 * Opens the tickets of concurrent `POST /v1/tickets` requests together (K1): one transaction,
 * one statement per step for all of them, so the ticket number lock is taken once per batch
 * instead of once per ticket. A request that fails its own checks (unknown organization or
 * branch, requester) gets its error alone. When the shared transaction fails, every request is
 * retried in a transaction of its own, so that one request's failure stays its own.
 */
export function ticketOpener(deps: ApiDeps): CoalescingBatcher<TicketRequest, TicketRow> {
  const { database, clock } = deps;
  const openAlone = async (request: TicketRequest): Promise<TicketRow> => {
    const [outcome] = await database.db.transaction((tx) => openInTransaction(tx, [request], clock.now()));
    if (outcome === undefined) throw new Error("openInTransaction returned no outcome");
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  return new CoalescingBatcher<TicketRequest, TicketRow>(
    async (requests) => {
      if (requests.length > 1) {
        try {
          return await database.db.transaction((tx) => openInTransaction(tx, requests, clock.now()));
        } catch {
          // One at a time below: the request that failed the batch fails alone.
        }
      }
      const outcomes: BatchOutcome<TicketRow>[] = [];
      for (const request of requests) outcomes.push(await settle(() => openAlone(request)));
      return outcomes;
    },
    // One batch at a time: batches queue on the ticket number lock anyway.
    { maxBatchSize: 100, maxConcurrentBatches: 3 },
  );
}
