import type { DatabaseHandle } from "@kontor/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBenchDatabase } from "../load/bench-database.js";
import { startEmptyServer, type EmptyServer } from "../load/empty-server.js";
import { startKontorApi, type RunningApi } from "../load/kontor-api-server.js";
import type { LoadScenario } from "../load/load-result.js";
import { runLoad } from "../load/run-load.js";
import { apiThroughput, clean } from "./api-throughput.js";

// The rates only mean something if every request did its work: 2xx only, one ticket per POST.
describe("API throughput smoke test", () => {
  let database: DatabaseHandle;
  let api: RunningApi;
  let empty: EmptyServer;

  beforeAll(async () => {
    database = await openBenchDatabase("pglite");
    api = await startKontorApi(database);
    empty = await startEmptyServer();
  });

  afterAll(async () => {
    await api.close();
    await empty.close();
    await database.close();
  });

  const load = (scenario: LoadScenario, toKontor: boolean) =>
    runLoad({
      origin: toKontor ? api.origin : empty.origin,
      path: toKontor ? "/v1/tickets" : "/empty",
      scenario,
      connections: 4,
      durationSeconds: 1,
      token: api.token,
      organizationId: api.organizationId,
    });

  it("K1: every POST under load creates its own ticket (fresh Idempotency-Key and subject each time)", async () => {
    const created = await load("create-ticket", true);
    expect(clean(created)).toBe(true);
    const { rows } = await database.query<{ count: number }>("SELECT count(*)::int AS count FROM tickets");
    // Requests still in flight when autocannon stops are created but not counted: at most one per connection.
    const tickets = rows[0]?.count ?? 0;
    expect(tickets).toBeGreaterThanOrEqual(created.responses);
    expect(tickets).toBeLessThanOrEqual(created.responses + 4);
  });

  it("the list and both empty routes answer 2xx only", async () => {
    for (const [scenario, toKontor] of [["list-tickets", true], ["empty-get", false], ["empty-post", false]] as const) {
      expect(clean(await load(scenario, toKontor)), scenario).toBe(true);
    }
  });

  it("the benchmark runs on PostgreSQL and reports both routes against their baselines", async () => {
    const rows = await apiThroughput.run({ connections: 4, durationSeconds: 1, warmupSeconds: 1, databases: ["postgres"] });
    expect(rows.map((row) => row.route)).toEqual(["POST /v1/tickets", "GET /v1/tickets"]);
    for (const row of rows) {
      expect(clean(row.subject) && clean(row.baseline)).toBe(true);
      expect(row.share).toBeGreaterThan(0);
    }
    expect(rows[0]?.goal).toEqual({ minShare: 0.25, maxP99Ms: 50 });
  });
});
