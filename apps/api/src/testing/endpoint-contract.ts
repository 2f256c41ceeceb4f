import type { LightMyRequestResponse } from "fastify";
import type { TestApi } from "./test-api.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A request in a contract case; the token is chosen by the check. */
export interface ContractRequest {
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * What every endpoint must show (issue 9): 401 without a token, 400 problem+json naming the
 * field for bad input, 404 when another organization's user reaches for this organization's
 * data.
 */
export interface EndpointCase {
  readonly method: Method;
  /** The route as registered, e.g. `/v1/organizations/:id`. */
  readonly route: string;
  /** A valid request, against data of Müller GmbH. */
  readonly request: ContractRequest;
  /** A request with one bad field, sent with `badInputToken` (default admin). */
  readonly badInput:
    | { readonly request: ContractRequest; readonly field: string; readonly token?: keyof TestApi["tokens"] }
    | { readonly none: string };
  /**
   * How a user of Bäckerei Schmidt fares on Müller's data: 404 by default; a list may instead
   * answer 200 with none of Müller's items (`assertFiltered`).
   */
  readonly crossTenant:
    | { readonly request?: ContractRequest; readonly expect: 404 }
    | { readonly request?: ContractRequest; readonly expect: 200; readonly assertFiltered: (response: LightMyRequestResponse) => void };
}

/** The contract cases of one route module, given an API seeded with its data. */
export interface EndpointContract {
  readonly name: string;
  setup(api: TestApi): Promise<readonly EndpointCase[]>;
}
