import type { EndpointContract } from "../../testing/endpoint-contract.js";

/** Contract cases of the credential routes (K12). */
export const credentialsContract: EndpointContract = {
  name: "credentials",
  setup: () => Promise.resolve([]),
};
