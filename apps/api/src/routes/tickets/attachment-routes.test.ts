import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { wordDocumentEntries, zipArchive } from "@kontor/ticketing/testing";
import { MAX_ATTACHMENT_BYTES } from "./attachment-routes.js";
import { openTicketAs, type TicketBody } from "./ticket-test-helpers.js";

let api: TestApi;
let ticketId: string;
beforeAll(async () => {
  api = await createTestApi();
  ticketId = (await openTicketAs(api, api.tokens.muellerReporter)).ticket.id;
}, 60_000);
afterAll(() => api.close());

// A PNG signature plus bytes that break any text decoding (NUL, 0xff).
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x7f]);
const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type AttachmentBody = { id: string; filename: string; contentType: string; size: number; kind: string; flags: string[]; uploadedBy: string; containedContentTypes?: string[] };

function upload(token: string, body: Record<string, unknown>, id = ticketId) {
  return api.request({ method: "POST", url: `/v1/tickets/${id}/attachments`, token, payload: body });
}

describe(`ticket attachments on ${testDatabaseKind()}`, () => {
  it("K1: the reporter attaches a screenshot; it comes back byte for byte with its content type", async () => {
    const response = await upload(api.tokens.muellerReporter, { filename: "Fehlermeldung.png", contentType: "image/png", contentBase64: PNG.toString("base64") });
    expect(response.statusCode, response.body).toBe(201);
    const stored = response.json<AttachmentBody>();
    expect(stored).toMatchObject({ filename: "Fehlermeldung.png", contentType: "image/png", size: 12, kind: "screenshot", flags: [], uploadedBy: "pu-ben" });
    expect(response.headers.location).toBe(`/v1/tickets/${ticketId}/attachments/${stored.id}`);
    const download = await api.request({ method: "GET", url: `/v1/tickets/${ticketId}/attachments/${stored.id}`, token: api.tokens.muellerManager });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("image/png");
    expect(download.headers["content-disposition"]).toContain("Fehlermeldung.png");
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const view = (await api.request({ method: "GET", url: `/v1/tickets/${ticketId}`, token: api.tokens.muellerReporter })).json<TicketBody>();
    expect(view.attachments.map((item) => item.id)).toEqual([stored.id]);
  });

  it("K3: Word documents and executables are accepted but classified and flagged", async () => {
    const word = (await upload(api.tokens.technician, { filename: "Screenshot.docx", contentType: WORD, contentBase64: "UEsDBA==" })).json<AttachmentBody>();
    expect(word).toMatchObject({ kind: "word-document", size: 4 });
    const tool = (await upload(api.tokens.technician, { filename: "fix.exe", contentType: "application/octet-stream", contentBase64: "TVo=" })).json<AttachmentBody>();
    expect(tool.flags).toEqual(["executable"]);
  });

  it("K3: a .docx with a pasted screenshot (word/media/image1.png) is flagged; one without images is not", async () => {
    const withScreenshot = Buffer.from(zipArchive(wordDocumentEntries({ image: true })));
    const flagged = await upload(api.tokens.muellerReporter, { filename: "Fehler beim Drucken.docx", contentType: WORD, contentBase64: withScreenshot.toString("base64") });
    expect(flagged.statusCode, flagged.body).toBe(201);
    const stored = flagged.json<AttachmentBody>();
    expect(stored).toMatchObject({
      kind: "word-document",
      flags: ["screenshot-in-word-document"],
      containedContentTypes: ["application/xml", "image/png"],
      size: withScreenshot.byteLength,
    });
    // Kept byte for byte (K3: accepted, only flagged), and listed on the ticket with its flag.
    const download = await api.request({ method: "GET", url: `/v1/tickets/${ticketId}/attachments/${stored.id}`, token: api.tokens.muellerReporter });
    expect(download.rawPayload.equals(withScreenshot)).toBe(true);
    const view = (await api.request({ method: "GET", url: `/v1/tickets/${ticketId}`, token: api.tokens.muellerReporter })).json<TicketBody>();
    expect(view.attachments.find((item) => item.id === stored.id)).toMatchObject({ flags: ["screenshot-in-word-document"] });

    // A mail client's generic type: the file name makes it a Word document all the same.
    const octetStream = (await upload(api.tokens.muellerReporter, { filename: "Fehler.docx", contentType: "application/octet-stream", contentBase64: withScreenshot.toString("base64") })).json<AttachmentBody>();
    expect(octetStream.flags).toEqual(["screenshot-in-word-document"]);

    const textOnly = Buffer.from(zipArchive(wordDocumentEntries()));
    const plain = (await upload(api.tokens.muellerReporter, { filename: "Protokoll.docx", contentType: WORD, contentBase64: textOnly.toString("base64") })).json<AttachmentBody>();
    expect(plain).toMatchObject({ kind: "word-document", flags: [], containedContentTypes: ["application/xml"] });

    // Not a Word document: a spreadsheet is a ZIP too, but is not looked into.
    const sheet = (await upload(api.tokens.muellerReporter, { filename: "Inventar.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", contentBase64: withScreenshot.toString("base64") })).json<AttachmentBody>();
    expect(sheet.flags).toEqual([]);
    expect(sheet.containedContentTypes).toBeUndefined();
  });

  it("accepts exactly 10 MiB and refuses one byte more with 413 naming body.contentBase64", async () => {
    const limit = Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x41);
    const accepted = await upload(api.tokens.technician, { filename: "trace.log", contentType: "text/plain", contentBase64: limit.toString("base64") });
    expect(accepted.statusCode, accepted.body.slice(0, 300)).toBe(201);
    expect(accepted.json<AttachmentBody>().size).toBe(10 * 1024 * 1024);
    const over = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x41);
    const refused = await upload(api.tokens.technician, { filename: "trace.log", contentType: "text/plain", contentBase64: over.toString("base64") });
    expect(expectProblem(refused, 413, "body.contentBase64").title).toBe("Content Too Large");
  }, 60_000);

  it("refuses malformed input naming the field", async () => {
    expectProblem(await upload(api.tokens.technician, { filename: "a.png", contentType: "image/png", contentBase64: "kein base64!" }), 400, "body.contentBase64");
    expectProblem(await upload(api.tokens.technician, { filename: "a.png", contentType: "image/png\r\nX-Evil: 1", contentBase64: "QQ==" }), 400, "body.contentType");
    expectProblem(await upload(api.tokens.technician, { filename: "", contentType: "image/png", contentBase64: "QQ==" }), 400, "body.filename");
  });

  it("K10: colleagues' and foreign tickets look absent (404); back office may not attach (403)", async () => {
    const annas = (await openTicketAs(api, api.tokens.muellerManager)).ticket.id;
    const body = { filename: "a.png", contentType: "image/png", contentBase64: PNG.toString("base64") };
    expectProblem(await upload(api.tokens.muellerReporter, body, annas), 404);
    expectProblem(await upload(api.tokens.baeckereiManager, body), 404);
    expectProblem(await upload(api.tokens.backOffice, body), 403);
    const stored = (await upload(api.tokens.muellerManager, body, annas)).json<AttachmentBody>();
    expectProblem(await api.request({ method: "GET", url: `/v1/tickets/${annas}/attachments/${stored.id}`, token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url: `/v1/tickets/${annas}/attachments/${stored.id}`, token: api.tokens.baeckereiManager }), 404);
    // An attachment id only opens within its own ticket.
    expectProblem(await api.request({ method: "GET", url: `/v1/tickets/${ticketId}/attachments/${stored.id}`, token: api.tokens.admin }), 404);
  });
});
