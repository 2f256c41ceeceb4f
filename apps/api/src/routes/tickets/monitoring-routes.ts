import { randomUUID } from "node:crypto";
import {
  appendToOutbox,
  findLatestSensorTicket,
  findMonitoringSourceByKey,
  insertMonitoringSource,
  lockMonitoringSource,
  type MonitoringSourceRow,
  type TicketRow,
} from "@kontor/db";
import { decideSensorEvent, sensorEventSchema, type SensorTicketRef, type Ticket } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { unwrap } from "../../http/domain-result.js";
import { conflict, notFound, ProblemError } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { instantSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { installationTicketingPolicies } from "../installation-policies/domains/ticketing-policy-domain.js";
import { changeTicket, openTicket, organizationOf } from "./ticket-store.js";

/** Header carrying a monitoring source's key (`kontor_ms_…`). */
export const MONITORING_KEY_HEADER = "x-monitoring-key";

const sourceBodySchema = z.object({
  organizationId: z.string().min(1).max(100),
  name: z.string().min(1).max(200).describe("e.g. `PRTG Köln`"),
});

const sourceResponseSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  createdAt: instantSchema,
  key: z.string().describe("Send as X-Monitoring-Key; shown only now, stored only as a SHA-256 hash"),
});

const alertBodySchema = sensorEventSchema.extend({
  organizationId: sensorEventSchema.shape.organizationId.optional().describe("Optional: the source's organization is used; another one is refused"),
});

const alertHeadersSchema = z.object({ [MONITORING_KEY_HEADER]: z.string().min(1).max(200).describe("The monitoring source's key") });

const alertResponseSchema = z.object({
  action: z.enum(["create-ticket", "update-ticket", "resolve-ticket", "record-only"]),
  ticketId: z.string().optional(),
  ticketNumber: z.string().optional(),
  reason: z.string().optional(),
});

const SOURCE_ROLES = ["admin", "dispatcher"] as const;

/** The source authenticated by the alert route's own hook. */
const sources = new WeakMap<FastifyRequest, MonitoringSourceRow>();

function unauthorized(): ProblemError {
  return new ProblemError(401, "unauthorized", "Unauthorized", {
    detail: "Send the key of a monitoring source as X-Monitoring-Key",
    headers: { "www-authenticate": 'X-Monitoring-Key realm="kontor"' },
  });
}

function sensorTicketRef(row: TicketRow): SensorTicketRef {
  const ticket = row.document as Ticket;
  return { id: ticket.id, status: ticket.status, priority: ticket.priority };
}

/**
 * Monitoring (K8): staff register a source per organization; the source reports sensor
 * deviations and recoveries with its own key, and `decideSensorEvent` opens, updates or
 * resolves the sensor's one open ticket. Which severities become a ticket is the installation's
 * stored ticketing policy (P1, `monitoring.ticketSeverities`; the shipped one while none is stored).
 */
export const monitoringRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/monitoring/sources",
    {
      schema: {
        tags: ["monitoring"],
        summary: "Register a monitoring source for an organization (K8); its key is returned once",
        body: sourceBodySchema,
        response: { 201: sourceResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, SOURCE_ROLES, "Monitoring sources");
      const organization = await organizationOf(deps.database.db, request.body.organizationId);
      if (organization === undefined) throw notFound(`Organization ${request.body.organizationId}`);
      const { source, key } = await insertMonitoringSource(
        deps.database.db,
        { organizationId: organization.id, name: request.body.name, createdBy: principal(request).userId },
        deps.clock.now(),
      );
      return reply.status(201).send({ id: source.id, organizationId: source.organizationId, name: source.name, createdAt: source.createdAt.toISOString(), key });
    },
  );

  app.post(
    "/v1/monitoring/alerts",
    {
      config: { public: true },
      // Authenticated per source before validation, so a caller without a key learns nothing.
      onRequest: async (request) => {
        const header: unknown = request.headers[MONITORING_KEY_HEADER];
        const source = typeof header === "string" && header !== "" ? await findMonitoringSourceByKey(deps.database.db, header) : undefined;
        if (source === undefined) throw unauthorized();
        sources.set(request, source);
      },
      schema: {
        tags: ["monitoring"],
        summary: "Report a sensor deviation or recovery (K8); authenticated by the source's X-Monitoring-Key, not a token",
        security: [],
        headers: alertHeadersSchema,
        body: alertBodySchema,
        response: { 200: alertResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const source = sources.get(request);
      if (source === undefined) throw unauthorized();
      const { organizationId, ...reading } = request.body;
      // A source speaks for its own organization only; another one looks absent (K10).
      if (organizationId !== undefined && organizationId !== source.organizationId) throw notFound(`Organization ${organizationId}`);
      const event = { ...reading, organizationId: source.organizationId };
      const now = deps.clock.now();
      try {
        return await deps.database.db.transaction(async (tx) => {
          // Reports of one source are decided one after the other (K8: one open ticket per sensor).
          await lockMonitoringSource(tx, source.id);
          const latest = await findLatestSensorTicket(tx, source.organizationId, event.sensorId, { forUpdate: true });
          // P1: the installation's stored K8 severities (and K1 window of the update), read once per report.
          const { serviceDesk: policies } = await installationTicketingPolicies(tx);
          const decision = unwrap(decideSensorEvent(event, latest === undefined ? undefined : sensorTicketRef(latest), randomUUID(), now.toISOString(), policies));
          switch (decision.action) {
            case "create-ticket": {
              // The requester is the monitoring system: no K2 confirmation to send.
              const row = await openTicket(tx, decision.ticket, now, { confirm: false });
              return { action: decision.action, ticketId: row.id, ticketNumber: row.number };
            }
            case "update-ticket":
            case "resolve-ticket": {
              if (latest === undefined || latest.id !== decision.ticketId) throw new Error("sensor decision names a ticket that was not offered");
              const row = await changeTicket(tx, latest, decision.commands, now, { policies });
              return { action: decision.action, ticketId: row.id, ticketNumber: row.number };
            }
            case "record-only": {
              await appendToOutbox(
                tx,
                [
                  {
                    topic: "monitoring.alert-recorded",
                    aggregateType: "monitoring-source",
                    aggregateId: source.id,
                    dedupeKey: `monitoring-alert:${source.id}:${event.sensorId}:${event.kind}:${event.observedAt}`,
                    payload: { ...event, reason: decision.reason },
                  },
                ],
                now,
              );
              return { action: decision.action, reason: decision.reason };
            }
          }
        });
      } catch (error) {
        // Another source of the organization opened the sensor's ticket at the same moment.
        if (isUniqueViolation(error)) throw conflict(`An alert for sensor ${event.sensorId} is being handled; retry`, "K8_SENSOR_TICKET_RACE");
        throw error;
      }
    },
  );
};
