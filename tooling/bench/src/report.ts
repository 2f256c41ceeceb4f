import type { Goal } from "./benchmark.js";
import type { EndToEndMeasurement } from "./end-to-end/end-to-end-benchmark.js";
import type { LoadMeasurement } from "./load/load-benchmark.js";
import type { Measurement } from "./measure.js";

function describeGoal(goal: Goal): string {
  return goal.kind === "max-ratio"
    ? `≤ ${goal.value}× baseline time`
    : `≥ ${Math.round(goal.value * 100)}% of baseline throughput`;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** The results as a Markdown table, one row per benchmark. */
export function markdownTable(results: readonly Measurement[]): string {
  const header = [
    "| benchmark | work | Kontor (median) | baseline (median) | ratio | throughput share | goal | met |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  const rows = results.map(
    (r) =>
      `| ${r.title} | ${r.units.toLocaleString("en-US")} ${r.unitName} | ${fixed(r.subjectMs)} ms | ${fixed(r.baselineMs)} ms | ${fixed(r.ratio, 2)}× | ${fixed(100 / r.ratio, 0)}% | ${describeGoal(r.goal)} | ${r.goalMet ? "yes" : "**no**"} |`,
  );
  return [...header, ...rows].join("\n");
}

/** The results as the JSON written to `results/latest.json`. */
export function jsonReport(
  results: readonly Measurement[],
  startedAt: string,
  loadResults: readonly LoadMeasurement[] = [],
  endToEndResults: readonly EndToEndMeasurement[] = [],
): string {
  return `${JSON.stringify(
    {
      startedAt,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      results,
      loadResults,
      endToEndResults,
    },
    null,
    2,
  )}\n`;
}
