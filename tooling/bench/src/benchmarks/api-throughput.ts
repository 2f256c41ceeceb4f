import { openBenchDatabase, type DatabaseKind } from "../load/bench-database.js";
import { startEmptyServer, type EmptyServer } from "../load/empty-server.js";
import { startKontorApi, type RunningApi } from "../load/kontor-api-server.js";
import type { LoadBenchmark, LoadGoal, LoadMeasurement, LoadSettings } from "../load/load-benchmark.js";
import type { LoadRequest, LoadResult, LoadScenario } from "../load/load-result.js";
import { runLoad } from "../load/run-load.js";

/** Issue 11, item 4: on PostgreSQL, POST reaches a quarter of the empty route with p99 < 50 ms. */
const POSTGRES_POST_GOAL: LoadGoal = { minShare: 0.25, maxP99Ms: 50 };

interface Route {
  readonly route: string;
  readonly scenario: LoadScenario;
  readonly baseline: LoadScenario;
  readonly goal?: LoadGoal;
}

const ROUTES: readonly Route[] = [
  { route: "POST /v1/tickets", scenario: "create-ticket", baseline: "empty-post" },
  { route: "GET /v1/tickets", scenario: "list-tickets", baseline: "empty-get" },
];

function goalOf(route: Route, database: DatabaseKind): LoadGoal | undefined {
  return route.scenario === "create-ticket" && database === "postgres" ? POSTGRES_POST_GOAL : undefined;
}

/** Every response 2xx and no connection errors: otherwise the run did not do the work it claims. */
export function clean(result: LoadResult): boolean {
  return result.non2xx === 0 && result.errors === 0 && result.responses > 0;
}

function met(goal: LoadGoal, subject: LoadResult, baseline: LoadResult, share: number): boolean {
  return clean(subject) && clean(baseline) && share >= goal.minShare && subject.p99Ms < goal.maxP99Ms;
}

async function load(settings: LoadSettings, api: RunningApi, empty: EmptyServer, scenario: LoadScenario, durationSeconds: number): Promise<LoadResult> {
  const toKontor = scenario === "create-ticket" || scenario === "list-tickets";
  const request: LoadRequest = {
    origin: toKontor ? api.origin : empty.origin,
    path: toKontor ? "/v1/tickets" : "/empty",
    scenario,
    connections: settings.connections,
    durationSeconds,
    token: api.token,
    organizationId: api.organizationId,
  };
  return runLoad(request);
}

async function measureDatabase(settings: LoadSettings, database: DatabaseKind): Promise<LoadMeasurement[]> {
  const handle = await openBenchDatabase(database);
  const empty = await startEmptyServer();
  try {
    const api = await startKontorApi(handle);
    try {
      const rows: LoadMeasurement[] = [];
      for (const route of ROUTES) {
        console.error(`  ${database}: ${route.route} and its empty route …`);
        // Warm both paths first; the measured runs then follow each other directly.
        await load(settings, api, empty, route.baseline, settings.warmupSeconds);
        await load(settings, api, empty, route.scenario, settings.warmupSeconds);
        const baseline = await load(settings, api, empty, route.baseline, settings.durationSeconds);
        const subject = await load(settings, api, empty, route.scenario, settings.durationSeconds);
        const share = subject.requestsPerSecond / baseline.requestsPerSecond;
        const goal = goalOf(route, database);
        rows.push({
          id: apiThroughput.id,
          title: apiThroughput.title,
          database,
          route: route.route,
          connections: settings.connections,
          durationSeconds: settings.durationSeconds,
          subject,
          baseline,
          share,
          ...(goal === undefined ? {} : { goal, goalMet: met(goal, subject, baseline, share) }),
        });
      }
      return rows;
    } finally {
      await api.close();
    }
  } finally {
    await empty.close();
    await handle.close();
  }
}

/**
 * Issue 11, item 4: ticket creation and the ticket list of the real API under autocannon (50
 * connections, 10 s), each against an empty Fastify route served by the same process in the
 * same run, on embedded PGlite and on a PostgreSQL server.
 */
export const apiThroughput: LoadBenchmark = {
  id: "api-throughput",
  title: "API tickets under autocannon",
  async run(settings) {
    const rows: LoadMeasurement[] = [];
    for (const database of settings.databases) rows.push(...(await measureDatabase(settings, database)));
    return rows;
  },
};
