import { expect } from "vitest";
import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { NORDLICHT_BILLING_SETTINGS, WRONG_CHECK_DIGIT_IBAN } from "./billing-settings-fixtures.js";

/**
 * Contract cases of the billing settings (C8, T1). They are the installation's, not a customer's:
 * a portal user of any organization gets 404 (K10: staff administration looks absent).
 */
export const billingSettingsContract: EndpointContract = {
  name: "billing settings",
  async setup(api) {
    const stored = await api.request({ method: "PUT", url: "/v1/billing-settings", token: api.tokens.admin, payload: NORDLICHT_BILLING_SETTINGS });
    expect(stored.statusCode, stored.body).toBe(201);
    const version = stored.json<{ version: number }>().version;
    return [
      {
        method: "GET",
        route: "/v1/billing-settings",
        request: { url: "/v1/billing-settings" },
        badInput: { none: "no parameters, query or body" },
        crossTenant: { expect: 404 },
      },
      {
        method: "PUT",
        route: "/v1/billing-settings",
        request: { url: "/v1/billing-settings", body: { ...NORDLICHT_BILLING_SETTINGS, expectedVersion: version } },
        badInput: {
          request: { url: "/v1/billing-settings", body: { ...NORDLICHT_BILLING_SETTINGS, paymentMeans: { kind: "sepa-credit-transfer", iban: WRONG_CHECK_DIGIT_IBAN }, expectedVersion: version } },
          field: "body.paymentMeans.iban",
        },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
