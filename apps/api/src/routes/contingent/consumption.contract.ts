import type { EndpointContract } from "../../testing/endpoint-contract.js";
import { contingentContractInput } from "./contingent-fixtures.js";

/** Contract case of the consumption series (K13). */
export const consumptionContract: EndpointContract = {
  name: "contingent consumption",
  async setup(api) {
    const created = await api.request({
      method: "POST",
      url: "/v1/contracts",
      payload: contingentContractInput("K-CONSUMPTION-1", api.organizations.mueller),
      token: api.tokens.accountManager,
    });
    if (created.statusCode !== 201) throw new Error(`consumption contract setup: ${created.body}`);
    const url = "/v1/contracts/K-CONSUMPTION-1/consumption";
    return [
      {
        method: "GET",
        route: "/v1/contracts/:id/consumption",
        request: { url: `${url}?from=2026-01` },
        badInput: { request: { url: `${url}?from=2026-13` }, field: "query.from" },
        crossTenant: { expect: 404 },
      },
    ];
  },
};
