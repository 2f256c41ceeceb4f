import { describe, expect, it } from "vitest";
import { readApiConfig } from "./api-config.js";

describe("readApiConfig", () => {
  it("defaults to the embedded database on 127.0.0.1:3000 with a rate limit", () => {
    const config = readApiConfig({});
    expect(config).toMatchObject({ host: "127.0.0.1", port: 3000, databaseUrl: undefined, dataDir: ".kontor/data", rateLimitPerMinute: 600 });
  });

  it("reads server mode and turns rate limiting off with 0", () => {
    const config = readApiConfig({ DATABASE_URL: "postgres://kontor@db/kontor", PORT: "8080", KONTOR_RATE_LIMIT: "0" });
    expect(config).toMatchObject({ databaseUrl: "postgres://kontor@db/kontor", port: 8080, rateLimitPerMinute: false });
  });

  it("names the variable it cannot read", () => {
    expect(() => readApiConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => readApiConfig({ KONTOR_RATE_LIMIT: "-5" })).toThrow(/KONTOR_RATE_LIMIT/);
  });
});
