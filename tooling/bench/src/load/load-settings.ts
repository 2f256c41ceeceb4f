import type { LoadSettings } from "./load-benchmark.js";

function positiveNumber(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, not ${text}`);
  return value;
}

/**
 * The load (50 connections, 10 s per run, PGlite and PostgreSQL);
 * `KONTOR_BENCH_DURATION=2` shortens every run for a quick look.
 */
export function loadSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): LoadSettings {
  const durationSeconds = positiveNumber(env, "KONTOR_BENCH_DURATION", 10);
  return {
    connections: 50,
    durationSeconds,
    warmupSeconds: Math.min(2, durationSeconds),
    databases: ["pglite", "postgres"],
  };
}
