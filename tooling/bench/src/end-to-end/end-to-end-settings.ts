import type { EndToEndSettings } from "./end-to-end-benchmark.js";

/** The size: 10,000 contracts. */
export const DEFAULT_CONTRACTS = 10_000;

/**
 * The size, or `KONTOR_BENCH_CONTRACTS` for a quick look (e.g. `1000`); the close gives up
 * after `KONTOR_BENCH_TIMEOUT_SECONDS` (default 600). Throws naming a variable it cannot read.
 */
export function endToEndSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): EndToEndSettings {
  return {
    contracts: positiveInteger(env, "KONTOR_BENCH_CONTRACTS", DEFAULT_CONTRACTS),
    timeoutMs: positiveInteger(env, "KONTOR_BENCH_TIMEOUT_SECONDS", 600) * 1000,
  };
}

function positiveInteger(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${text}`);
  return value;
}
