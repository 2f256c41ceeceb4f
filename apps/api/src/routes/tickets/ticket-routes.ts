import { findTicket, listTicketAttachments, listTickets } from "@kontor/db";
import { can, ticketStatusSchema } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { badRequest, fieldError, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { requireTicketAccess } from "./ticket-access.js";
import { createTicketBodySchema, ticketOpener } from "./ticket-opening.js";
import { ticketSummary, ticketSummarySchema, ticketView, ticketViewSchema } from "./ticket-view.js";

const listQuerySchema = pageQuerySchema.extend({
  organizationId: z.string().min(1).max(100).optional().describe("Staff: only this organization; portal users always see their own"),
  status: ticketStatusSchema.optional(),
  assigneeId: z.string().min(1).max(100).optional(),
});

/** Tickets (K1, K10): open, list and read. */
export const ticketRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  const opener = ticketOpener(deps);
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
      const row = await opener.submit({ who, organizationId, body });
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
