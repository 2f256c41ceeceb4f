import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { fieldError, ProblemError, type ProblemFieldError } from "./problem.js";

const LOCATIONS = { body: "body", querystring: "query", params: "params", headers: "headers" } as const;

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: ProblemError): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) void reply.header(name, value);
  return reply.status(problem.status).type("application/problem+json").send(problem.toDocument(request.url.split("?")[0] ?? request.url));
}

function validationProblem(error: FastifyError & { validation: { instancePath: string; keyword: string; message?: string }[] }): ProblemError {
  const context = (error as { validationContext?: keyof typeof LOCATIONS }).validationContext ?? "body";
  const location = LOCATIONS[context];
  const errors: ProblemFieldError[] = error.validation.map((item) => {
    const path = item.instancePath.split("/").filter((key) => key !== "");
    return fieldError(location, path, item.keyword, item.message ?? "is invalid");
  });
  const first = errors[0];
  return new ProblemError(400, "validation", "Bad Request", {
    detail: first === undefined ? "The request is invalid" : `${first.path}: ${first.message}`,
    errors,
  });
}

/**
 * Every error leaves as `application/problem+json` (RFC 9457): schema violations as 400 with
 * each offending field's path, our `ProblemError`s as they are, anything unexpected as a 500
 * that reveals nothing internal (the log has the details).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) return sendProblem(reply, request, validationProblem(error));
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response does not match its schema");
      return sendProblem(reply, request, new ProblemError(500, "internal", "Internal Server Error", { detail: "The server could not produce a valid response" }));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendProblem(reply, request, new ProblemError(429, "rate-limited", "Too Many Requests", { detail: error.message }));
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const detail = error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ? "The body is not valid JSON" : error.message;
      return sendProblem(
        reply,
        request,
        new ProblemError(status, "bad-request", status === 413 ? "Content Too Large" : status === 415 ? "Unsupported Media Type" : "Bad Request", {
          detail,
          ...(status === 400 ? { errors: [fieldError("body", [], error.code, detail)] } : {}),
        }),
      );
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, request, new ProblemError(500, "internal", "Internal Server Error", { detail: "An unexpected error occurred" }));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, new ProblemError(404, "not-found", "Not Found", { detail: `No route ${request.method} ${request.url.split("?")[0] ?? ""}` })),
  );
}
