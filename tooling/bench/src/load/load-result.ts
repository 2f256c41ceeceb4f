/** The kinds of request the load client can send; each is built in the client process. */
export type LoadScenario =
  /** `POST` of a ticket body with a fresh `Idempotency-Key` and subject on every request. */
  | "create-ticket"
  /** `GET` of the first page of the ticket list. */
  | "list-tickets"
  /** `POST` of the same ticket bodies and keys to a route that ignores them: the baseline of `create-ticket`. */
  | "empty-post"
  /** `GET` of a route that answers `{}`: the baseline of `list-tickets`. */
  | "empty-get";

/** What the parent asks the load client to do. */
export interface LoadRequest {
  /** Base URL of the server, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly path: string;
  readonly scenario: LoadScenario;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Bearer token sent on every request (the empty routes ignore it). */
  readonly token: string;
  /** Organization the created tickets are for. */
  readonly organizationId: string;
}

/** What one autocannon run measured. */
export interface LoadResult {
  /** Completed requests per second (mean over the run's one-second samples). */
  readonly requestsPerSecond: number;
  /** Median latency in milliseconds. */
  readonly p50Ms: number;
  /** 99th percentile latency in milliseconds. */
  readonly p99Ms: number;
  /** All completed responses. */
  readonly responses: number;
  /** Responses outside 2xx: each one means the run did not do the intended work. */
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
}
