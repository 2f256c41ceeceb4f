import { findTicket, findUser, listTicketAttachments, listTickets, type KontorTransaction } from "@kontor/db";
import { can, requesterSchema, ticketChannelSchema, ticketInputSchema, ticketStatusSchema, type Requester } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import type { Principal } from "../../auth/principal.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { badRequest, fieldError, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { requireTicketAccess } from "./ticket-access.js";
import { openTicket, organizationOf } from "./ticket-store.js";
import { ticketSummary, ticketSummarySchema, ticketView, ticketViewSchema } from "./ticket-view.js";

const createTicketBodySchema = ticketInputSchema.pick({ kind: true, subject: true, description: true, priority: true, branchId: true }).extend({
  organizationId: z.string().min(1).max(100).optional().describe("Required for staff; portal users open tickets for their own organization"),
  requester: requesterSchema.optional().describe("Required for staff: the customer contact the ticket is for. Portal users are the requester themselves"),
  channel: ticketChannelSchema
    .extract(["phone", "mail", "portal"])
    .optional()
    .describe("How staff received it (default phone, K2); tickets of portal users are always `portal`"),
});

const listQuerySchema = pageQuerySchema.extend({
  organizationId: z.string().min(1).max(100).optional().describe("Staff: only this organization; portal users always see their own"),
  status: ticketStatusSchema.optional(),
  assigneeId: z.string().min(1).max(100).optional(),
});

function displayName(profile: unknown): string | undefined {
  const { firstName, lastName } = (profile ?? {}) as { firstName?: unknown; lastName?: unknown };
  const name = [firstName, lastName].filter((part): part is string => typeof part === "string" && part !== "").join(" ");
  return name === "" ? undefined : name;
}

/**
 * Who a new ticket is for: a portal user is the requester themselves (K10: reporters follow
 * their own tickets); staff name the customer contact, optionally linking a portal user of the
 * same organization.
 */
async function requesterFor(tx: KontorTransaction, who: Principal, given: Requester | undefined, organizationId: string): Promise<Requester> {
  if (who.actor.kind === "portal") {
    if (given !== undefined) throw badRequest(fieldError("body", ["requester"], "not_allowed", "portal users open tickets as themselves"));
    const name = displayName((await findUser(tx, who.userId))?.profile);
    return { email: who.email, ...(name === undefined ? {} : { name }), portalUserId: who.userId };
  }
  if (given === undefined) throw badRequest(fieldError("body", ["requester"], "required", "name the customer contact the ticket is for"));
  if (given.portalUserId !== undefined) {
    const user = await findUser(tx, given.portalUserId, organizationId);
    if (user?.kind !== "portal") throw badRequest(fieldError("body", ["requester", "portalUserId"], "unknown_portal_user", "is not a portal user of the organization"));
  }
  return given;
}

/** Tickets (K1, K10): open, list and read. */
export const ticketRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "Open a ticket (K1); the requester gets a confirmation with the ticket number (K2)",
        body: createTicketBodySchema,
        response: { 201: ticketViewSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const who = principal(request);
      const body = request.body;
      const organizationId = body.organizationId ?? who.organizationId;
      if (organizationId === undefined) throw badRequest(fieldError("body", ["organizationId"], "required", "staff name the organization the ticket is for"));
      requireAccess(request, "ticket:create", { organizationId }, `Organization ${organizationId}`);
      const now = deps.clock.now();
      const row = await deps.database.db.transaction(async (tx) => {
        const organization = await organizationOf(tx, organizationId);
        if (organization === undefined) throw notFound(`Organization ${organizationId}`);
        if (body.branchId !== undefined && !organization.branches.some((branch) => branch.id === body.branchId)) {
          throw badRequest(fieldError("body", ["branchId"], "unknown_branch", "is not a branch of the organization"));
        }
        const requester = await requesterFor(tx, who, body.requester, organizationId);
        return openTicket(
          tx,
          {
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
          now,
          { confirm: true, organization },
        );
      });
      return reply.status(201).header("location", `/v1/tickets/${row.id}`).send(ticketView(row, [], who));
    },
  );

  app.get(
    "/v1/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "List tickets: a portal manager sees the organization's, a reporter only their own (K10)",
        querystring: listQuerySchema,
        response: { 200: pageSchema(ticketSummarySchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = principal(request);
      const organizationId = organizationScope(request, request.query.organizationId);
      // K10: a portal user who may not read every ticket of the organization (a reporter) lists the ones they requested.
      const requesterPortalUserId = who.actor.kind === "portal" && !can(who.actor, "ticket:read", { organizationId: who.actor.organizationId }) ? who.userId : undefined;
      // Staff grants do not depend on the organization, so an unfiltered staff list asks for any.
      requireAccess(
        request,
        "ticket:read",
        { organizationId: organizationId ?? "*", ...(requesterPortalUserId === undefined ? {} : { requesterPortalUserId }) },
        "Tickets",
      );
      const page = await listTickets(deps.database.db, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
        organizationId,
        requesterPortalUserId,
        status: request.query.status,
        assigneeId: request.query.assigneeId,
      });
      return toPageBody(page, ticketSummary);
    },
  );

  app.get(
    "/v1/tickets/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "One ticket with comments, history and attachments (internal notes only for staff, K10)",
        params: idParamsSchema,
        response: { 200: ticketViewSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await findTicket(deps.database.db, request.params.id);
      if (row === undefined) throw notFound(`Ticket ${request.params.id}`);
      const who = requireTicketAccess(request, row, "ticket:read");
      return ticketView(row, await listTicketAttachments(deps.database.db, row.id), who);
    },
  );
};
