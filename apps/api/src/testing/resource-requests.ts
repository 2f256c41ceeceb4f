import type { LightMyRequestResponse } from "fastify";
import type { TestApi } from "./test-api.js";

/** Create, read and replace requests on one REST collection, e.g. `/v1/assets` (tests). */
export interface ResourceRequests {
  /** `POST <collection>` with the writer's token unless another is given. */
  readonly create: (payload: unknown, token?: string) => Promise<LightMyRequestResponse>;
  /** `GET <collection>/:id` as admin unless another token is given. */
  readonly read: (id: string, token?: string) => Promise<LightMyRequestResponse>;
  /** `PUT <collection>/:id` with the writer's token unless another is given. */
  readonly replace: (id: string, payload: unknown, token?: string) => Promise<LightMyRequestResponse>;
}

/**
 * Requests on `collection` for a test file whose API is built in `beforeAll`: `api` is read on
 * each call, and `writer` picks the token writes use by default.
 */
export function resourceRequests(api: () => TestApi, collection: string, writer: (tokens: TestApi["tokens"]) => string): ResourceRequests {
  return {
    create: (payload, token = writer(api().tokens)) => api().request({ method: "POST", url: collection, payload: payload as never, token }),
    read: (id, token = api().tokens.admin) => api().request({ method: "GET", url: `${collection}/${id}`, token }),
    replace: (id, payload, token = writer(api().tokens)) => api().request({ method: "PUT", url: `${collection}/${id}`, payload: payload as never, token }),
  };
}
