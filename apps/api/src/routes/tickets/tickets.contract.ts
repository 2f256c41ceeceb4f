import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";

const PNG_BASE64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString("base64");

/** Contract cases of the service desk: tickets, attachments, statistics, monitoring sources (K1–K13). */
export const ticketsContract: EndpointContract = {
  name: "tickets",
  async setup(api) {
    const mueller = api.organizations.mueller;
    const created = await api.request({
      method: "POST",
      url: "/v1/tickets",
      token: api.tokens.muellerManager,
      payload: { kind: "incident", subject: "Drucker im Lager druckt nicht", description: "Seit heute früh kommt nichts mehr." },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticketId = created.json<{ ticket: { id: string } }>().ticket.id;
    const uploaded = await api.request({
      method: "POST",
      url: `/v1/tickets/${ticketId}/attachments`,
      token: api.tokens.muellerManager,
      payload: { filename: "Screenshot.png", contentType: "image/png", contentBase64: PNG_BASE64 },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachmentId = uploaded.json<{ id: string }>().id;
    const ticketUrl = `/v1/tickets/${ticketId}`;
    const newTicket = { organizationId: mueller, kind: "request", subject: "Neuer Arbeitsplatz", description: "Für Frau Klein", requester: { email: "dora.klein@mueller-gmbh.de" } };
    return [
      {
        method: "POST",
        route: "/v1/tickets",
        request: { url: "/v1/tickets", body: newTicket },
        badInput: { request: { url: "/v1/tickets", body: { ...newTicket, kind: "complaint" } }, field: "body.kind" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/tickets",
        request: { url: `/v1/tickets?organizationId=${mueller}` },
        badInput: { request: { url: "/v1/tickets?status=open" }, field: "query.status" },
        crossTenant: {
          expect: 200,
          assertFiltered: (response) => {
            const items = response.json<{ items: { organizationId: string }[] }>().items;
            expect(items.filter((item) => item.organizationId !== api.organizations.baeckerei)).toEqual([]);
          },
        },
      },
      {
        method: "GET",
        route: "/v1/tickets/:id",
        request: { url: ticketUrl },
        badInput: { request: { url: `/v1/tickets/${"x".repeat(101)}` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/tickets/:id/comments",
        request: { url: `${ticketUrl}/comments`, body: { text: "Bitte rufen Sie mich an." } },
        badInput: { request: { url: `${ticketUrl}/comments`, body: { text: "" } }, field: "body.text" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/tickets/:id/assignment",
        request: { url: `${ticketUrl}/assignment`, body: { assigneeId: api.users.technician } },
        badInput: { request: { url: `${ticketUrl}/assignment`, body: { assigneeId: "" } }, field: "body.assigneeId" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/tickets/:id/qualification",
        request: { url: `${ticketUrl}/qualification`, body: { kind: "incident" } },
        badInput: { request: { url: `${ticketUrl}/qualification`, body: { kind: "complaint" } }, field: "body.kind" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/tickets/:id/status",
        request: { url: `${ticketUrl}/status`, body: { type: "record-customer-contact", via: "phone" } },
        badInput: { request: { url: `${ticketUrl}/status`, body: { type: "record-customer-contact", via: "pigeon" } }, field: "body.via" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/tickets/:id/feedback",
        request: { url: `${ticketUrl}/feedback`, body: { rating: 5 } },
        badInput: { request: { url: `${ticketUrl}/feedback`, body: { rating: 6 } }, field: "body.rating" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/tickets/:id/attachments",
        request: { url: `${ticketUrl}/attachments`, body: { filename: "log.txt", contentType: "text/plain", contentBase64: "aGFsbG8=" } },
        badInput: {
          request: { url: `${ticketUrl}/attachments`, body: { filename: "log.txt", contentType: "text/plain", contentBase64: "not base64!" } },
          field: "body.contentBase64",
        },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/tickets/:id/attachments/:attachmentId",
        request: { url: `${ticketUrl}/attachments/${attachmentId}` },
        badInput: { request: { url: `${ticketUrl}/attachments/${"x".repeat(101)}` }, field: "params.attachmentId" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/statistics/tickets",
        request: { url: `/v1/statistics/tickets?organizationId=${mueller}&month=2026-11` },
        badInput: { request: { url: `/v1/statistics/tickets?organizationId=${mueller}&month=2026-13` }, field: "query.month" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/monitoring/sources",
        request: { url: "/v1/monitoring/sources", body: { organizationId: mueller, name: "PRTG Köln" } },
        badInput: { request: { url: "/v1/monitoring/sources", body: { organizationId: mueller, name: "" } }, field: "body.name" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
