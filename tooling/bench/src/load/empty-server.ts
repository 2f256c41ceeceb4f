import Fastify from "fastify";

/** A listening Fastify instance with nothing behind its routes. */
export interface EmptyServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * The baseline: plain Fastify in the same process as the API, with `GET /empty` answering `{}`
 * and `POST /empty` parsing the same JSON body the ticket route gets and answering `{}` with
 * 201. The difference to the API is everything Kontor adds: auth, idempotency, validation,
 * the database and the serialized response.
 */
export async function startEmptyServer(): Promise<EmptyServer> {
  const app = Fastify({ logger: false });
  app.get("/empty", () => ({}));
  app.post("/empty", (_request, reply) => reply.status(201).send({}));
  const origin = await app.listen({ host: "127.0.0.1", port: 0 });
  return { origin, close: () => app.close() };
}
