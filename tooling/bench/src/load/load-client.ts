/**
 * The load generator's process: receives one {@link LoadRequest} over IPC, fires it with
 * autocannon and sends the {@link LoadResult} back. It runs in its own process so that
 * generating load does not share an event loop with the servers it measures.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import type { LoadRequest, LoadResult } from "./load-result.js";

/** Unique per request across runs and processes, so every POST creates a new ticket. */
function ticketRequests(request: LoadRequest): autocannon.Request[] {
  const run = randomUUID().slice(0, 8);
  let sequence = 0;
  return [
    {
      method: "POST",
      path: request.path,
      setupRequest: (req) => {
        sequence += 1;
        return {
          ...req,
          headers: { ...req.headers, "idempotency-key": `bench-${run}-${sequence}` },
          body: JSON.stringify({
            kind: "incident",
            subject: `VPN bricht ab (${run}-${sequence})`,
            description: "Seit dem Update trennt der VPN-Client alle paar Minuten die Verbindung.",
            organizationId: request.organizationId,
            requester: { email: "anna.becker@mueller-gmbh.de", name: "Anna Becker" },
          }),
        };
      },
    },
  ];
}

function requestsFor(request: LoadRequest): autocannon.Request[] {
  switch (request.scenario) {
    case "create-ticket":
    case "empty-post":
      return ticketRequests(request);
    case "list-tickets":
    case "empty-get":
      return [{ method: "GET", path: request.path }];
  }
}

async function fire(request: LoadRequest): Promise<LoadResult> {
  const result = await autocannon({
    url: request.origin,
    connections: request.connections,
    duration: request.durationSeconds,
    headers: { authorization: `Bearer ${request.token}`, "content-type": "application/json" },
    requests: requestsFor(request),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses: result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"],
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

process.once("message", (message: LoadRequest) => {
  fire(message).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }, () => process.exit(1)),
  );
});
