import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchmarks } from "./benchmarks/index.js";
import { measure, type Measurement } from "./measure.js";
import { jsonReport, markdownTable } from "./report.js";

// `pnpm bench` runs every benchmark; `pnpm bench <id> [<id> …]` runs the named ones.
const wanted = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = wanted.filter((id) => !benchmarks.some((b) => b.id === id));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}`);
  console.error(`Known: ${benchmarks.map((b) => b.id).join(", ")}`);
  process.exit(2);
}
const selected = wanted.length === 0 ? benchmarks : benchmarks.filter((b) => wanted.includes(b.id));

const startedAt = new Date().toISOString();
const results: Measurement[] = [];
for (const benchmark of selected) {
  console.error(`running ${benchmark.id} …`);
  results.push(await measure(benchmark));
}

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "latest.json"), jsonReport(results, startedAt));
console.log(markdownTable(results));
console.log(`\nJSON: ${join(resultsDir, "latest.json")}`);
