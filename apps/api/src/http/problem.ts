/** One offending field of a problem (RFC 9457 extension member `errors`). */
export interface ProblemFieldError {
  /** Where: `body`, `query`, `params` or `headers`, then the field path, e.g. `body.items.0.quantity`. */
  readonly path: string;
  /** JSON Pointer into the request part, e.g. `/items/0/quantity`. */
  readonly pointer: string;
  /** Stable code: a zod issue code or a rule code such as `L12_RESELLER_CLOUD_MONTHLY`. */
  readonly code: string;
  readonly message: string;
}

/** An RFC 9457 problem details document. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code?: string;
  readonly errors?: readonly ProblemFieldError[];
}

const TYPE_BASE = "https://kontor.dev/problems/";

/**
 * An error that the API answers with `application/problem+json`. Thrown anywhere in a route;
 * the error handler renders it.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly code: string | undefined;
  readonly errors: readonly ProblemFieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    slug: string,
    title: string,
    options: { detail?: string; code?: string; errors?: readonly ProblemFieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(options.detail ?? title);
    this.name = "ProblemError";
    this.status = status;
    this.type = `${TYPE_BASE}${slug}`;
    this.title = title;
    this.code = options.code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  /** The problem document for `instance` (the request path). */
  toDocument(instance: string): ProblemDocument {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      instance,
      ...(this.code === undefined ? {} : { code: this.code }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

/** Builds a field error from a location and a path of keys. */
export function fieldError(location: "body" | "query" | "params" | "headers", path: readonly PropertyKey[], code: string, message: string): ProblemFieldError {
  const keys = path.map((key) => String(key));
  return {
    path: [location, ...keys].join("."),
    pointer: `/${keys.map((key) => key.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`,
    code,
    message,
  };
}

/** 404 for anything the caller may not know exists (K10: foreign organizations look absent). */
export function notFound(what: string): ProblemError {
  return new ProblemError(404, "not-found", "Not Found", { detail: `${what} does not exist` });
}

/** 403 for an action the caller's role does not allow on something it may see. */
export function forbidden(action: string): ProblemError {
  return new ProblemError(403, "forbidden", "Forbidden", { detail: `Your role may not ${action}`, code: "K10_ACCESS_DENIED" });
}

/** 400 for one bad field found after schema validation. */
export function badRequest(error: ProblemFieldError): ProblemError {
  return new ProblemError(400, "validation", "Bad Request", { detail: `${error.path}: ${error.message}`, errors: [error] });
}

/**
 * 422 for input that is well-formed but breaks a business rule: the domain package's errors,
 * each with its rule code and field path.
 */
export function ruleViolation(errors: readonly { readonly code: string; readonly message: string; readonly path?: readonly PropertyKey[] }[]): ProblemError {
  const fieldErrors = errors.map((item) => fieldError("body", item.path ?? [], item.code, item.message));
  return new ProblemError(422, "rule-violation", "Unprocessable Content", {
    detail: errors.map((item) => item.message).join("; "),
    ...(errors[0] === undefined ? {} : { code: errors[0].code }),
    errors: fieldErrors,
  });
}

/** 409 for a write that lost a race (optimistic version) or a state that forbids it. */
export function conflict(detail: string, code?: string): ProblemError {
  return new ProblemError(409, "conflict", "Conflict", { detail, ...(code === undefined ? {} : { code }) });
}

/**
 * 413 for an upload of `size` bytes (decoded from `body.contentBase64`) above `maxBytes`, with the
 * field path.
 */
export function contentTooLarge(size: number, maxBytes: number): ProblemError {
  const message = `is ${size} bytes decoded; at most ${maxBytes} are accepted`;
  return new ProblemError(413, "content-too-large", "Content Too Large", {
    detail: `body.contentBase64: ${message}`,
    errors: [fieldError("body", ["contentBase64"], "too_big", message)],
  });
}
