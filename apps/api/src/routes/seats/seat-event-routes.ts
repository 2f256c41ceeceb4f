import { randomUUID } from "node:crypto";
import { appendSeatEvent, appendToOutbox, findSeatEvent, listSeatEvents, loadSeatHistory, lockSeatHistory } from "@kontor/db";
import { evaluateSeats, type EvaluateSeatsOptions, type SeatEvent } from "@kontor/seats";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationSeatPolicies } from "../installation-policies/domains/seat-policy-domain.js";
import { visibleOrganization } from "../organizations/organization-routes.js";
import { SEAT_READ_ACTION, SEAT_WRITE_ACTION } from "./seat-access.js";
import { runSeatCommand, seatCommandBodySchema } from "./seat-command-body.js";
import { seatEvaluationSchema, seatMailSchema, storedSeatEventSchema } from "./seat-evaluation-schema.js";
import { onRequestBody, organizationZone, toSeatHistory, uniqueEventId } from "./seat-history.js";
import { seatMailEvents } from "./seat-mail-outbox.js";

const appendedSchema = storedSeatEventSchema.extend({
  effects: z.array(z.object({ type: z.enum(["moved-onto-paid-license", "access-restored"]), productId: z.string(), userId: z.string() })),
  mails: z.array(seatMailSchema).describe("Mails written to the outbox with this event"),
  evaluation: seatEvaluationSchema,
});

/** The seat history of an organization (S1–S10): append commands, read the events. */
export const seatEventRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/organizations/:id/seat-events",
    {
      schema: {
        tags: ["seats"],
        summary: "Run a seat command (S1–S9) and append its event to the organization's history",
        params: idParamsSchema,
        body: seatCommandBodySchema,
        response: { 201: appendedSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      requireAccess(request, SEAT_WRITE_ACTION, { organizationId: organization.id }, "Organization");
      const zone = organizationZone(organization.record);
      const now = deps.clock.now();
      const asOf = now.toISOString();
      const eventId = request.body.id ?? randomUUID();
      const appended = await deps.database.db.transaction(async (tx) => {
        // The lock serializes appends of this organization: each command sees every event before it.
        const version = await lockSeatHistory(tx, organization.id, now);
        const history = toSeatHistory(await loadSeatHistory(tx, organization.id));
        // P1: the installation's stored purchase-order windows (S2, S5, S8), read once in this
        // transaction, govern both the command and the mails that fell due before it.
        const { purchaseOrderWindows: policies } = await installationSeatPolicies(tx);
        const outcome = unwrap(onRequestBody(runSeatCommand(history, request.body, eventId, asOf, { zone, policies })));
        const stored = await findSeatEvent(tx, organization.id, outcome.event.id);
        if (stored !== undefined) unwrap(uniqueEventId(stored.event as SeatEvent, outcome.event));
        const row = await appendSeatEvent(tx, organization.id, version, { id: outcome.event.id, type: outcome.event.type, at: now, event: outcome.event }, now);
        // S10: mails that fell due since the previous event (a reminder on day 31, a suspension
        // after day 60) go out with this one; the deterministic ids keep each mail single.
        const previousAt = history.at(-1)?.at;
        const options: EvaluateSeatsOptions = previousAt === undefined ? { asOf, zone, policies } : { asOf, zone, policies, mailsAfter: previousAt };
        const due = unwrap(evaluateSeats(outcome.history, options)).mails;
        const mails = [...due, ...outcome.mails.filter((mail) => !due.some((other) => other.id === mail.id))];
        await appendToOutbox(tx, seatMailEvents(organization.id, mails), now);
        return { sequence: row.sequence, event: outcome.event, effects: outcome.effects, mails, evaluation: outcome.evaluation };
      });
      return reply.status(201).header("location", `/v1/organizations/${organization.id}/seat-events`).send(asResponse(appended));
    },
  );

  app.get(
    "/v1/organizations/:id/seat-events",
    {
      schema: {
        tags: ["seats"],
        summary: "The organization's seat history, oldest first",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(storedSeatEventSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      requireAccess(request, SEAT_READ_ACTION, { organizationId: organization.id }, "Organization");
      const page = await listSeatEvents(deps.database.db, organization.id, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
      return toPageBody(page, (row) => ({ sequence: row.sequence, event: asResponse(row.event as SeatEvent) }));
    },
  );
};
