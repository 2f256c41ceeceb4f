import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** OpenAPI 3.1 generated from the routes' zod schemas, at `/openapi.json`, with docs at `/docs`. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Kontor API",
        version: "0.1.0",
        description:
          "Licensing, seats, prepaid-hour contingents, tickets, tax and payment terms, and invoices for IT resellers and managed-service providers. Errors are RFC 9457 problem+json; every POST accepts an Idempotency-Key.",
      },
      components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API token (`kontor_at_…`)" } },
      },
      security: [{ bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list", deepLinking: true } });
  app.get("/openapi.json", { schema: { hide: true }, config: { public: true } }, () => app.swagger());
}
