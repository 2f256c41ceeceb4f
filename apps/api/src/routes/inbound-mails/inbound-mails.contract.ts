import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { quarantinedMail } from "./inbound-mail-test-support.js";

/**
 * Contract cases of the inbound-mail routes (K2–K4). They are staff-only: the Bäckerei portal
 * user of the cross-tenant check gets 404, as for anything a customer may not know exists (K10).
 */
export const inboundMailsContract: EndpointContract = {
  name: "inbound mails",
  async setup(api) {
    const mail = await quarantinedMail(api, { from: "max.muster@gmail.com", subject: "Drucker defekt" });
    const mailUrl = `/v1/inbound-mails/${mail.id}`;
    const tooLongId = `/v1/inbound-mails/${"x".repeat(101)}`;
    return [
      {
        method: "GET",
        route: "/v1/inbound-mails",
        request: { url: "/v1/inbound-mails?status=quarantined" },
        badInput: { request: { url: "/v1/inbound-mails?status=received" }, field: "query.status" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/inbound-mails/:id",
        request: { url: mailUrl },
        badInput: { request: { url: tooLongId }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/inbound-mails/:id/raw",
        request: { url: `${mailUrl}/raw` },
        badInput: { request: { url: `${tooLongId}/raw` }, field: "params.id" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/inbound-mails/:id/release",
        request: { url: `${mailUrl}/release`, body: { organizationId: api.organizations.mueller } },
        badInput: { request: { url: `${mailUrl}/release`, body: { organizationId: "org-does-not-exist" } }, field: "body.organizationId" },
        crossTenant: { expect: 404 },
      },
      {
        method: "POST",
        route: "/v1/inbound-mails/:id/discard",
        request: { url: `${mailUrl}/discard`, body: { note: "Werbung" } },
        badInput: { request: { url: `${mailUrl}/discard`, body: { note: "" } }, field: "body.note" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
