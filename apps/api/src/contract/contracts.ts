import { organizationsContract } from "../routes/organizations/organizations.contract.js";
import type { EndpointContract } from "../testing/endpoint-contract.js";

/** Every route module's contract cases. Each domain adds its contract here with one line. */
export const CONTRACTS: readonly EndpointContract[] = [organizationsContract];
