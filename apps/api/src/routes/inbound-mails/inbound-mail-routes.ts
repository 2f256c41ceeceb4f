import {
  discardInboundMail,
  findInboundMail,
  findInboundMailSummary,
  findOrganization,
  listInboundMails,
  releaseInboundMail,
  REVIEWABLE_INBOUND_MAIL_STATUSES,
  type InboundMailSummaryRow,
} from "@kontor/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { badRequest, conflict, fieldError, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { requireInboundMailReviewer } from "./inbound-mail-access.js";
import { inboundMailSchema, inboundMailView } from "./inbound-mail-view.js";

const listQuerySchema = pageQuerySchema.extend({
  status: z
    .enum(["quarantined", "kept", "discarded"])
    .default("quarantined")
    .describe("`quarantined` (K2 unknown sender, unreadable mail, K4 limits), `kept` (K2: not an incident or request) or `discarded`"),
});

const releaseBodySchema = z.object({
  organizationId: z.string().min(1).max(100).describe("The customer the mail belongs to; intake treats the sender as its contact (K2)"),
});

const discardBodySchema = z.object({
  note: z.string().trim().min(1).max(500).describe("Why the mail is dropped (recorded with who and when)"),
});

/** The raw message: Fastify sends the Buffer as it is; OpenAPI shows a binary string. */
const rawMessageSchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: "string", format: "binary", description: "The message exactly as it arrived (RFC 5322), byte for byte" });

const REVIEWABLE = REVIEWABLE_INBOUND_MAIL_STATUSES.join(" or ");

/** 409 for a mail intake has already handled (or that is waiting for intake). */
function notReviewable(row: InboundMailSummaryRow, action: "released" | "discarded", code: string) {
  return conflict(`Inbound mail ${row.id} is ${row.status}; only ${REVIEWABLE} mail can be ${action}`, code);
}

/**
 * Inbound mail the intake kept or quarantined (K2–K4): staff list and read it, download the
 * raw message, release it to an organization (intake decides it again) or discard it. Staff
 * only (K10): portal users get 404, staff other than dispatchers and admins 403.
 */
export const inboundMailRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  const db = deps.database.db;

  async function existing(id: string): Promise<InboundMailSummaryRow> {
    const row = await findInboundMailSummary(db, id);
    if (row === undefined) throw notFound(`Inbound mail ${id}`);
    return row;
  }

  app.get(
    "/v1/inbound-mails",
    {
      schema: {
        tags: ["inbound mail"],
        summary: "List quarantined, kept or discarded inbound mail, oldest first (K2–K4; dispatchers and admins)",
        querystring: listQuerySchema,
        response: { 200: pageSchema(inboundMailSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      requireInboundMailReviewer(request);
      const page = await listInboundMails(db, { status: request.query.status, limit: request.query.limit, after: decodeCursor(request.query.cursor) });
      return toPageBody(page, inboundMailView);
    },
  );

  app.get(
    "/v1/inbound-mails/:id",
    {
      schema: {
        tags: ["inbound mail"],
        summary: "One inbound mail: intake's decision and reason, release and discard records (K2–K4)",
        params: idParamsSchema,
        response: { 200: inboundMailSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      requireInboundMailReviewer(request);
      return inboundMailView(await existing(request.params.id));
    },
  );

  app.get(
    "/v1/inbound-mails/:id/raw",
    {
      schema: {
        tags: ["inbound mail"],
        summary: "Download the stored message byte for byte as message/rfc822 (K2: stored before anything else)",
        params: idParamsSchema,
        produces: ["message/rfc822", "application/problem+json"],
        response: { 200: rawMessageSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireInboundMailReviewer(request);
      const row = await findInboundMail(db, request.params.id);
      if (row === undefined) throw notFound(`Inbound mail ${request.params.id}`);
      const filename = `inbound-mail-${row.id.replace(/[^A-Za-z0-9._-]/g, "_")}.eml`;
      return reply
        .type("message/rfc822")
        .header("content-disposition", `attachment; filename="${filename}"`)
        // The message is untrusted content: never sniffed or rendered as our own page.
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox")
        .send(Buffer.from(row.raw.buffer, row.raw.byteOffset, row.raw.byteLength));
    },
  );

  app.post(
    "/v1/inbound-mails/:id/release",
    {
      schema: {
        tags: ["inbound mail"],
        summary:
          "Release a quarantined or kept mail to an organization (K2): intake decides it again, treating the sender as the organization's contact (409 for any other status)",
        params: idParamsSchema,
        body: releaseBodySchema,
        response: { 202: inboundMailSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const who = requireInboundMailReviewer(request);
      const { id } = request.params;
      const row = await existing(id);
      const { organizationId } = request.body;
      if ((await findOrganization(db, organizationId)) === undefined) {
        throw badRequest(fieldError("body", ["organizationId"], "unknown_organization", `names no organization (${organizationId})`));
      }
      // The status check and the change are one statement: a concurrent release, discard or
      // intake pass cannot both win.
      const released = await releaseInboundMail(db, id, { organizationId, releasedBy: who.userId }, deps.clock.now());
      if (released === undefined) throw notReviewable((await findInboundMailSummary(db, id)) ?? row, "released", "K2_MAIL_NOT_RELEASABLE");
      request.log.info({ inboundMailId: id, organizationId, previousStatus: row.status, previousReasonCode: row.reasonCode }, "inbound mail released");
      // 202: the worker's intake sweep decides the mail shortly; poll the mail for the outcome.
      return reply.status(202).header("location", `/v1/inbound-mails/${id}`).send(inboundMailView(released));
    },
  );

  app.post(
    "/v1/inbound-mails/:id/discard",
    {
      schema: {
        tags: ["inbound mail"],
        summary: "Discard a quarantined or kept mail with a note; the raw message is kept (K2), who and when are recorded (409 for any other status)",
        params: idParamsSchema,
        body: discardBodySchema,
        response: { 200: inboundMailSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = requireInboundMailReviewer(request);
      const { id } = request.params;
      const row = await existing(id);
      const discarded = await discardInboundMail(db, id, { note: request.body.note, discardedBy: who.userId }, deps.clock.now());
      if (discarded === undefined) throw notReviewable((await findInboundMailSummary(db, id)) ?? row, "discarded", "K2_MAIL_NOT_DISCARDABLE");
      request.log.info({ inboundMailId: id, previousStatus: row.status, previousReasonCode: row.reasonCode }, "inbound mail discarded");
      return inboundMailView(discarded);
    },
  );
};
