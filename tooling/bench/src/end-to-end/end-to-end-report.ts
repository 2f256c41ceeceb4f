import type { EndToEndGoal, EndToEndMeasurement } from "./end-to-end-benchmark.js";

/** Milliseconds below ten seconds (the baseline's parts), seconds above. */
const duration = (ms: number): string => (ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const mebibytes = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;

function describeGoal(goal: EndToEndGoal): string {
  const memory = goal.maxPeakRssBytes >= 2 ** 30 ? `${goal.maxPeakRssBytes / 2 ** 30} GiB` : mebibytes(goal.maxPeakRssBytes);
  return `< ${goal.maxWallMs / 1000} s and < ${memory} for ${goal.forContracts.toLocaleString("en-US")} contracts`;
}

function metCell(row: EndToEndMeasurement): string {
  if (row.goalMet === undefined) return "— (smaller run)";
  return row.goalMet ? "yes" : "**no**";
}

/** The end-to-end results as a Markdown table, one row per benchmark. */
export function endToEndMarkdownTable(rows: readonly EndToEndMeasurement[]): string {
  const header = [
    "| benchmark | work | Kontor wall time | Kontor peak RSS | baseline wall time (query + close) | baseline peak RSS | time ratio | memory ratio | goal | met |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  const lines = rows.map(
    (r) =>
      `| ${r.title} (${r.itemConcurrency} items at once) | ${r.contracts.toLocaleString("en-US")} contracts | ${duration(r.subject.wallMs)} | ${mebibytes(r.subject.peakRssBytes)} | ${duration(r.baseline.wallMs)} (${duration(r.baseline.loadMs)} + ${duration(r.baseline.closeMs)}) | ${mebibytes(r.baseline.peakRssBytes)} | ${r.timeRatio.toFixed(1)}× | ${r.memoryRatio.toFixed(1)}× | ${describeGoal(r.goal)} | ${metCell(r)} |`,
  );
  return [...header, ...lines].join("\n");
}
