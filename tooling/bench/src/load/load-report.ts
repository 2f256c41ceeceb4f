import type { LoadGoal, LoadMeasurement } from "./load-benchmark.js";
import type { LoadResult } from "./load-result.js";

const fixed = (value: number, digits = 1) => value.toFixed(digits);

function describeGoal(goal: LoadGoal | undefined): string {
  return goal === undefined ? "—" : `≥ ${Math.round(goal.minShare * 100)}% of empty route, p99 < ${goal.maxP99Ms} ms`;
}

function metCell(row: LoadMeasurement): string {
  if (row.goalMet === undefined) return "—";
  return row.goalMet ? "yes" : "**no**";
}

/** Failed responses are shown in the row: a run with them measured something else. */
function failures(result: LoadResult): string {
  return result.non2xx === 0 && result.errors === 0 ? "" : ` (${result.non2xx} non-2xx, ${result.errors} errors)`;
}

/** The load results as a Markdown table, one row per route and database. */
export function loadMarkdownTable(rows: readonly LoadMeasurement[]): string {
  const header = [
    "| benchmark | database | route | Kontor req/s | p50 | p99 | empty route req/s | p50 | p99 | share of empty route | goal | met |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  const lines = rows.map(
    (r) =>
      `| ${r.title} (${r.connections} connections, ${r.durationSeconds} s) | ${r.database} | ${r.route} | ${fixed(r.subject.requestsPerSecond, 0)}${failures(r.subject)} | ${r.subject.p50Ms} ms | ${r.subject.p99Ms} ms | ${fixed(r.baseline.requestsPerSecond, 0)}${failures(r.baseline)} | ${r.baseline.p50Ms} ms | ${r.baseline.p99Ms} ms | ${fixed(r.share * 100)}% | ${describeGoal(r.goal)} | ${metCell(r)} |`,
  );
  return [...header, ...lines].join("\n");
}
