import { randomUUID } from "node:crypto";
import { findOrganization, findUser, listTicketAttachments, type KontorTransaction, type TicketRow } from "@kontor/db";
import { ticketCommandSchema, ticketCommentSchema, ticketKindSchema, type AccessAction, type Organization, type Ticket, type TicketCommand } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { principal } from "../../auth/authenticate.js";
import type { Principal } from "../../auth/principal.js";
import { badRequest, fieldError } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { actorRefOf, requireTicketAccess } from "./ticket-access.js";
import { changeTicket, lockTicket } from "./ticket-store.js";
import { ticketView, ticketViewSchema, type TicketView } from "./ticket-view.js";

const [, contact, startWork, waitForCustomer, resumeWork, , setPriority, resolve, close, reopen, giveFeedback] = ticketCommandSchema.options;

/** The workflow commands of `@kontor/ticketing` (K1, K6) without `by`: the API fills in the caller. */
const statusBodySchema = z.discriminatedUnion("type", [
  contact.omit({ by: true }),
  startWork.omit({ by: true }),
  waitForCustomer.omit({ by: true }),
  resumeWork.omit({ by: true }),
  setPriority.omit({ by: true }),
  resolve.omit({ by: true }),
  close.omit({ by: true }),
  reopen.omit({ by: true }),
]);

const commentBodySchema = z.object({
  text: ticketCommentSchema.shape.text.min(1).max(50_000),
  visibility: ticketCommentSchema.shape.visibility.default("public").describe("`internal` notes are for staff only (K10)"),
});

const assignmentBodySchema = z.object({ assigneeId: z.string().min(1).max(100).describe("Staff user id of the technician (K6)") });

const feedbackBodySchema = giveFeedback.omit({ by: true, type: true });

const qualificationBodySchema = z
  .object({
    kind: ticketKindSchema.optional().describe("Incident or request (K1), when the guess from the mail was wrong"),
    organizationId: z.string().min(1).max(100).optional().describe("The customer the ticket belongs to (K2: a mail from an unknown sender)"),
    branchId: z.string().min(1).max(100).nullable().optional().describe("One of that customer's branches (O1), or null for the company"),
  })
  .refine((body) => body.organizationId !== undefined || body.kind !== undefined || body.branchId !== undefined, { message: "Name the organization, the kind or the branch" });

/**
 * The `can()` action a workflow command needs (K10): staff work tickets; a customer may only
 * close or reopen a resolved ticket of theirs, their answer to the resolution like feedback.
 */
function statusAction(who: Principal, type: z.infer<typeof statusBodySchema>["type"]): AccessAction {
  if (who.actor.kind === "portal" && (type === "close" || type === "reopen")) return "ticket:feedback";
  return "ticket:work";
}

/**
 * Locks a ticket, checks `action` on it (404 when the caller may not read it, 403 when it may
 * not act), applies the commands and stores the result with its outbox events, all in one
 * transaction. `changeTicket` reads the installation's ticketing policies once for the request
 * (P1: e.g. the stored K1 reopen window a customer's reopen or comment is judged by).
 */
async function commandTicket(
  deps: ApiDeps,
  request: FastifyRequest,
  id: string,
  action: (who: Principal) => AccessAction,
  commands: (who: Principal, tx: KontorTransaction, row: TicketRow) => Promise<readonly TicketCommand[]> | readonly TicketCommand[],
): Promise<TicketView> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const row = await lockTicket(tx, id);
    const who = requireTicketAccess(request, row, action(principal(request)));
    const updated = await changeTicket(tx, row, await commands(who, tx, row), now);
    return ticketView(updated, await listTicketAttachments(tx, updated.id), who);
  });
}

/** Comments, internal notes, dispatch, workflow and feedback on tickets (K1, K6, K10). */
export const ticketCommandRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/tickets/:id/comments",
    {
      schema: {
        tags: ["tickets"],
        summary: "Comment on a ticket, or write an internal note (staff only; never shown to portal users, K10)",
        params: idParamsSchema,
        body: commentBodySchema,
        response: { 201: ticketViewSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { text, visibility } = request.body;
      const view = await commandTicket(
        deps,
        request,
        request.params.id,
        () => (visibility === "internal" ? "ticket:internal-note" : "ticket:comment"),
        (who) => [{ type: "add-comment", by: actorRefOf(who), commentId: randomUUID(), visibility, text, attachments: [] }],
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    "/v1/tickets/:id/assignment",
    {
      schema: {
        tags: ["tickets"],
        summary: "Assign a ticket to a technician (K6: dispatch); the technician contacts the customer before work starts",
        params: idParamsSchema,
        body: assignmentBodySchema,
        response: { 200: ticketViewSchema, ...standardErrorResponses },
      },
    },
    async (request) =>
      commandTicket(
        deps,
        request,
        request.params.id,
        () => "ticket:assign",
        async (who, tx) => {
          const assignee = await findUser(tx, request.body.assigneeId);
          if (assignee === undefined || assignee.disabledAt !== null) {
            throw badRequest(fieldError("body", ["assigneeId"], "unknown_user", "is not an active user"));
          }
          // Whether the role may take tickets is K6's decision in `applyTicketCommand`.
          return [{ type: "assign", by: actorRefOf(who), assignee: { id: assignee.id, role: assignee.role } }];
        },
      ),
  );

  app.post(
    "/v1/tickets/:id/status",
    {
      schema: {
        tags: ["tickets"],
        summary: "Move a ticket through the K1 workflow: customer contact, start work (K6), wait, resume, priority, resolve, close, reopen",
        params: idParamsSchema,
        body: statusBodySchema,
        response: { 200: ticketViewSchema, ...standardErrorResponses },
      },
    },
    async (request) =>
      commandTicket(
        deps,
        request,
        request.params.id,
        (who) => statusAction(who, request.body.type),
        (who) => [{ ...request.body, by: actorRefOf(who) }],
      ),
  );

  app.post(
    "/v1/tickets/:id/qualification",
    {
      schema: {
        tags: ["tickets"],
        summary: "Qualify a ticket (K1, K2: dispatch): the customer a mail from an unknown sender belongs to, incident or request, the customer's branch (O1)",
        description:
          "Omitted fields stay; a new organization drops the old one's branch unless `branchId` names one of the new one's. " +
          "An unknown organization is 400 `unknown_organization` on `body.organizationId`, a branch the customer does not have 400 `unknown_branch` on `body.branchId`; " +
          "a closed ticket is 422 `K1_TICKET_CLOSED`. From then on the ticket counts for that customer: its portal, its statistics (K13) and its SLA (K7).",
        params: idParamsSchema,
        body: qualificationBodySchema,
        response: { 200: ticketViewSchema, ...standardErrorResponses },
      },
    },
    async (request) =>
      commandTicket(
        deps,
        request,
        request.params.id,
        () => "ticket:assign",
        async (who, tx, row) => {
          const { organizationId, kind, branchId } = request.body;
          const targetId = organizationId ?? (row.document as Ticket).organizationId;
          let organization: Organization | undefined;
          if (targetId !== undefined) {
            organization = (await findOrganization(tx, targetId))?.record as Organization | undefined;
            if (organization === undefined) throw badRequest(fieldError("body", ["organizationId"], "unknown_organization", "is not a customer"));
          }
          if (typeof branchId === "string" && organization?.branches.some((branch) => branch.id === branchId) !== true) {
            throw badRequest(fieldError("body", ["branchId"], "unknown_branch", "is not a branch of the ticket's organization"));
          }
          return [
            {
              type: "qualify",
              by: actorRefOf(who),
              ...(organizationId === undefined ? {} : { organizationId }),
              ...(kind === undefined ? {} : { kind }),
              ...(branchId === undefined ? {} : { branchId }),
            },
          ];
        },
      ),
  );

  app.post(
    "/v1/tickets/:id/feedback",
    {
      schema: {
        tags: ["tickets"],
        summary: "Customer feedback on a resolved or closed ticket, once (K1)",
        params: idParamsSchema,
        body: feedbackBodySchema,
        response: { 201: ticketViewSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { rating, text } = request.body;
      const view = await commandTicket(
        deps,
        request,
        request.params.id,
        () => "ticket:feedback",
        (who) => [{ type: "give-feedback", by: actorRefOf(who), rating, ...(text === undefined ? {} : { text }) }],
      );
      return reply.status(201).send(view);
    },
  );
};
