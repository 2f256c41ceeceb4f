import { randomUUID } from "node:crypto";
import { findTicket, findTicketAttachment, insertTicketAttachment } from "@kontor/db";
import { attachmentMetaSchema, classifyAttachment, withContainedContentTypes } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { attachmentDisposition } from "../../http/content-disposition.js";
import { contentTooLarge, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { requireTicketAccess } from "./ticket-access.js";
import { storedAttachment, storedAttachmentSchema } from "./ticket-view.js";

/** Largest attachment accepted, decoded: 10 MiB (a screenshot or a log file, not an archive). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Base64 length of {@link MAX_ATTACHMENT_BYTES}; anything longer cannot fit. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** A bare media type: it is sent back as `Content-Type`, so nothing beyond `type/subtype`. */
const MEDIA_TYPE = /^[A-Za-z0-9][\w!#$&^.+-]*\/[A-Za-z0-9][\w!#$&^.+-]*$/;

const attachmentBodySchema = z.object({
  filename: attachmentMetaSchema.shape.filename.min(1).max(255),
  contentType: attachmentMetaSchema.shape.contentType.max(255).regex(MEDIA_TYPE, "Expected a media type such as image/png"),
  contentBase64: z.base64().min(1).max(MAX_BASE64_LENGTH).describe(`The file, base64-encoded; at most ${MAX_ATTACHMENT_BYTES} bytes decoded`),
});

/** A binary body: Fastify sends Buffers as they are; OpenAPI shows a binary string. */
const fileBodySchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: "string", format: "binary", description: "The file, byte for byte, with the content type it was uploaded with" });

const attachmentParamsSchema = idParamsSchema.extend({ attachmentId: z.string().min(1).max(100) });

/** Screenshots and files on tickets (K1), classified on the way in (K3: screenshots in Word flagged). */
export const attachmentRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/tickets/:id/attachments",
    {
      schema: {
        tags: ["tickets"],
        summary: `Attach a file to a ticket (K1), base64 in JSON, at most ${MAX_ATTACHMENT_BYTES} bytes decoded (413 beyond)`,
        params: idParamsSchema,
        body: attachmentBodySchema,
        response: { 201: storedAttachmentSchema, 413: standardErrorResponses[400], ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const row = await findTicket(deps.database.db, request.params.id);
      if (row === undefined) throw notFound(`Ticket ${request.params.id}`);
      // Attaching is part of the conversation on a ticket (K1: customers attach screenshots).
      const who = requireTicketAccess(request, row, "ticket:comment");
      const { filename, contentType, contentBase64 } = request.body;
      const content = Buffer.from(contentBase64, "base64");
      if (content.byteLength > MAX_ATTACHMENT_BYTES) throw contentTooLarge(content.byteLength, MAX_ATTACHMENT_BYTES);
      // K3: a .docx/.docm/.odt is looked into, so a screenshot wrapped in it gets flagged.
      const meta = classifyAttachment(withContainedContentTypes({ filename, contentType, size: content.byteLength }, content));
      const id = randomUUID();
      const stored = await insertTicketAttachment(
        deps.database.db,
        { id, ticketId: row.id, filename, contentType, meta, content, uploadedBy: who.userId },
        deps.clock.now(),
      );
      return reply.status(201).header("location", `/v1/tickets/${row.id}/attachments/${id}`).send(storedAttachment(stored));
    },
  );

  app.get(
    "/v1/tickets/:id/attachments/:attachmentId",
    {
      schema: {
        tags: ["tickets"],
        summary: "Download an attachment of a ticket, byte for byte with its content type",
        params: attachmentParamsSchema,
        produces: ["application/octet-stream", "application/problem+json"],
        response: { 200: fileBodySchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const row = await findTicket(deps.database.db, request.params.id);
      if (row === undefined) throw notFound(`Ticket ${request.params.id}`);
      requireTicketAccess(request, row, "ticket:read");
      const attachment = await findTicketAttachment(deps.database.db, row.id, request.params.attachmentId);
      if (attachment === undefined) throw notFound(`Attachment ${request.params.attachmentId}`);
      return reply
        .type(attachment.contentType)
        .header("content-disposition", attachmentDisposition(attachment.filename))
        // Uploaded content is never rendered as our own page (stored XSS).
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox")
        .send(Buffer.from(attachment.content));
    },
  );
};
