import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchmarks, endToEndBenchmarks, loadBenchmarks } from "./benchmarks/index.js";
import type { EndToEndMeasurement } from "./end-to-end/end-to-end-benchmark.js";
import { endToEndMarkdownTable } from "./end-to-end/end-to-end-report.js";
import { endToEndSettingsFromEnvironment } from "./end-to-end/end-to-end-settings.js";
import type { LoadMeasurement } from "./load/load-benchmark.js";
import { loadMarkdownTable } from "./load/load-report.js";
import { loadSettingsFromEnvironment } from "./load/load-settings.js";
import { measure, type Measurement } from "./measure.js";
import { jsonReport, markdownTable } from "./report.js";

// `pnpm bench` runs every benchmark; `pnpm bench <id> [<id> …]` runs the named ones.
const wanted = process.argv.slice(2).filter((arg) => arg !== "--");
const known = [...benchmarks, ...loadBenchmarks, ...endToEndBenchmarks].map((b) => b.id);
const unknown = wanted.filter((id) => !known.includes(id));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}`);
  console.error(`Known: ${known.join(", ")}`);
  process.exit(2);
}
const chosen = <T extends { readonly id: string }>(list: readonly T[]) => (wanted.length === 0 ? list : list.filter((b) => wanted.includes(b.id)));

const startedAt = new Date().toISOString();
const results: Measurement[] = [];
for (const benchmark of chosen(benchmarks)) {
  console.error(`running ${benchmark.id} …`);
  results.push(await measure(benchmark));
}
const loadResults: LoadMeasurement[] = [];
const selectedLoad = chosen(loadBenchmarks);
if (selectedLoad.length > 0) {
  const settings = loadSettingsFromEnvironment(process.env);
  for (const benchmark of selectedLoad) {
    console.error(`running ${benchmark.id} (${settings.connections} connections, ${settings.durationSeconds} s per run) …`);
    loadResults.push(...(await benchmark.run(settings)));
  }
}
const endToEndResults: EndToEndMeasurement[] = [];
const selectedEndToEnd = chosen(endToEndBenchmarks);
if (selectedEndToEnd.length > 0) {
  const settings = endToEndSettingsFromEnvironment(process.env);
  for (const benchmark of selectedEndToEnd) {
    console.error(`running ${benchmark.id} (${settings.contracts.toLocaleString("en-US")} contracts) …`);
    endToEndResults.push(await benchmark.run(settings));
  }
}

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "latest.json"), jsonReport(results, startedAt, loadResults, endToEndResults));
const tables = [
  results.length > 0 ? markdownTable(results) : undefined,
  loadResults.length > 0 ? loadMarkdownTable(loadResults) : undefined,
  endToEndResults.length > 0 ? endToEndMarkdownTable(endToEndResults) : undefined,
].filter((table) => table !== undefined);
console.log(tables.join("\n\n"));
console.log(`\nJSON: ${join(resultsDir, "latest.json")}`);
