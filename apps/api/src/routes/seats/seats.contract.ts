import type { EndpointContract } from "../../testing/endpoint-contract.js";

/** Contract cases of the seat routes (S1–S10). */
export const seatsContract: EndpointContract = {
  name: "seats",
  async setup(api) {
    const base = `/v1/organizations/${api.organizations.mueller}`;
    // Müller's seat history: a paid license and a user on it.
    for (const body of [
      { command: "buy-licenses", productId: "contract-cc", quantity: 2 },
      { command: "assign-user", productId: "contract-cc", userId: "contract-user", email: "user@mueller-gmbh.de" },
    ]) {
      const response = await api.request({ method: "POST", url: `${base}/seat-events`, payload: body, token: api.tokens.accountManager });
      if (response.statusCode !== 201) throw new Error(`seats contract setup: ${response.body}`);
    }
    const badAsOf = (path: string) => ({ request: { url: `${base}${path}?asOf=yesterday` }, field: "query.asOf" });
    return [
      {
        method: "POST",
        route: "/v1/organizations/:id/seat-events",
        request: { url: `${base}/seat-events`, body: { command: "buy-licenses", productId: "contract-cc", quantity: 1 } },
        badInput: { request: { url: `${base}/seat-events`, body: { command: "buy-licenses", productId: "contract-cc", quantity: 0 } }, field: "body.quantity" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/organizations/:id/seat-events",
        request: { url: `${base}/seat-events` },
        badInput: { request: { url: `${base}/seat-events?cursor=nonsense` }, field: "query.cursor" },
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/organizations/:id/seat-status",
        request: { url: `${base}/seat-status` },
        badInput: badAsOf("/seat-status"),
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/organizations/:id/seat-status/must-be-paid.csv",
        request: { url: `${base}/seat-status/must-be-paid.csv` },
        badInput: badAsOf("/seat-status/must-be-paid.csv"),
        crossTenant: { expect: 404 },
      },
      {
        method: "GET",
        route: "/v1/organizations/:id/seat-status/no-access.csv",
        request: { url: `${base}/seat-status/no-access.csv` },
        badInput: badAsOf("/seat-status/no-access.csv"),
        crossTenant: { expect: 404 },
      },
    ];
  },
};
