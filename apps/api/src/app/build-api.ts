import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { registerAuthentication } from "../auth/authenticate.js";
import { registerErrorHandler } from "../http/error-handler.js";
import { registerIdempotency } from "../http/idempotency.js";
import { registerRoutes } from "../routes/index.js";
import type { ApiDeps } from "./api-deps.js";
import { loggerOptions } from "./logger.js";
import { registerOpenApi } from "./openapi.js";

/** Options of {@link buildApi}. */
export interface ApiOptions extends ApiDeps {
  /** pino level, or `false` for no logs (tests). Default `info`. */
  readonly logLevel?: string | false;
  /** A stream for the log lines (tests read it); default stdout. */
  readonly logStream?: NodeJS.WritableStream;
  /** Requests per minute per token (or per address without one); `false` turns limiting off. Default 600. */
  readonly rateLimitPerMinute?: number | false;
  /** Largest accepted body in bytes (attachments are base64 inside JSON). Default 15 MiB. */
  readonly bodyLimit?: number;
}

/**
 * The Kontor HTTP API: Fastify with zod validation from the domain packages, OpenAPI at
 * `/openapi.json` and `/docs`, problem+json errors, Bearer authentication, `can()` on every
 * route, idempotent POSTs and rate limiting. Call `listen()` on the result, or `inject()` in tests.
 */
export async function buildApi(options: ApiOptions): Promise<FastifyInstance> {
  const level = options.logLevel ?? "info";
  const app = Fastify({
    logger: level === false ? false : { ...loggerOptions(level), ...(options.logStream === undefined ? {} : { stream: options.logStream }) },
    bodyLimit: options.bodyLimit ?? 15 * 1024 * 1024,
    trustProxy: false,
    // Long ids reach validation and get a 400 naming `params.id` instead of a bare 414.
    routerOptions: { maxParamLength: 1000 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerOpenApi(app);

  const perMinute = options.rateLimitPerMinute ?? 600;
  if (perMinute !== false) {
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: "1 minute",
      // Per credential when one is sent (hashed, never logged), else per client address.
      keyGenerator: (request) => request.headers.authorization ?? request.ip,
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(`Rate limit of ${context.max} requests per ${context.after} exceeded`), { statusCode: 429 }),
    });
  }
  registerAuthentication(app, options);
  registerIdempotency(app, options);
  await registerRoutes(app, { database: options.database, clock: options.clock });
  return app;
}
