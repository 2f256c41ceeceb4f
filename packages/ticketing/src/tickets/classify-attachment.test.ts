import { describe, expect, it } from "vitest";
import type { AttachmentMeta } from "./attachment.js";
import { classifyAttachment } from "./classify-attachment.js";

describe("classifyAttachment (K3)", () => {
  it.each([
    [{ filename: "Screenshot 2026-06-03.png", contentType: "image/png", size: 1 }, "screenshot", []],
    [{ filename: "IMG_0042.JPG", contentType: "application/octet-stream", size: 1 }, "screenshot", []],
    [{ filename: "Fehler.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 1, containedContentTypes: ["image/png"] }, "word-document", ["screenshot-in-word-document"]],
    [{ filename: "Protokoll.docx", contentType: "application/octet-stream", size: 1, containedContentTypes: ["application/xml"] }, "word-document", []],
    [{ filename: "Alt.doc", contentType: "application/msword", size: 1 }, "word-document", []],
    [{ filename: "Rechnung.pdf", contentType: "application/pdf", size: 1 }, "document", []],
    [{ filename: "tool.exe", contentType: "application/octet-stream", size: 1 }, "other", ["executable"]],
  ] satisfies [AttachmentMeta, string, string[]][])("K3: %o → %s %o", (meta, kind, flags) => {
    const result = classifyAttachment(meta);
    expect(result.kind).toBe(kind);
    expect(result.flags).toEqual(flags);
  });
});
