import { z } from "zod";

/**
 * zod schema of attachment metadata (the bytes live in the app's storage). `containedContentTypes`
 * lists what the worker found inside a container (a `.docx` is a zip); absent means not inspected.
 */
export const attachmentMetaSchema = z
  .object({
    filename: z.string(),
    contentType: z.string().min(1),
    size: z.number().int().nonnegative(),
    disposition: z.enum(["attachment", "inline"]).optional(),
    contentId: z.string().optional(),
    containedContentTypes: z.array(z.string()).optional(),
  })
  .strict();

/** Metadata of one attachment (K1, K3). */
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

/** Review flags on an accepted attachment. */
export const ATTACHMENT_FLAGS = ["screenshot-in-word-document", "executable"] as const;

/** A review flag: the attachment is kept but someone should look (K3). */
export type AttachmentFlag = (typeof ATTACHMENT_FLAGS)[number];

/** What an attachment is, for display and statistics. */
export type AttachmentKind = "screenshot" | "word-document" | "document" | "other";

/** zod schema of a {@link TicketAttachment}. */
export const ticketAttachmentSchema = attachmentMetaSchema.extend({
  kind: z.enum(["screenshot", "word-document", "document", "other"]),
  flags: z.array(z.enum(ATTACHMENT_FLAGS)),
});

/** An attachment as kept on a ticket: the metadata plus its kind and review flags. */
export type TicketAttachment = z.infer<typeof ticketAttachmentSchema>;
