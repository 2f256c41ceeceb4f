import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@kontor/db/testing";
import { createTestApi, type TestApi } from "../testing/test-api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

type Operation = { requestBody?: unknown; parameters?: unknown[]; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe(`OpenAPI document on ${testDatabaseKind()} (issue 9)`, () => {
  it("/openapi.json is served without a token and validates as OpenAPI 3.1", async () => {
    const response = await api.request({ method: "GET", url: "/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, Operation>> }>();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("documents every route with its request and response schemas", async () => {
    const document = (await api.request({ method: "GET", url: "/openapi.json" })).json<{ paths: Record<string, Record<string, Operation>> }>();
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith("2"));
        if (success.length === 0) missing.push(`${method} ${path}: no success response`);
        for (const [status, response] of success) {
          if (status !== "204" && response.content === undefined) missing.push(`${method} ${path}: ${status} without a schema`);
        }
        if (!("400" in (operation.responses ?? {})) && path !== "/health" && path !== "/ready") missing.push(`${method} ${path}: no 400 problem`);
        const takesInput = /\{/.test(path) || method === "post" || method === "put";
        if (takesInput && operation.requestBody === undefined && (operation.parameters ?? []).length === 0) {
          missing.push(`${method} ${path}: input not documented`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(document.paths).length).toBeGreaterThan(5);
  });

  it("/docs serves the interactive documentation", async () => {
    const response = await api.request({ method: "GET", url: "/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    expect(response.body).toContain("swagger");
  });

  it("/health and /ready answer without a token", async () => {
    expect((await api.request({ method: "GET", url: "/health" })).json()).toEqual({ status: "ok" });
    expect((await api.request({ method: "GET", url: "/ready" })).json()).toEqual({ status: "ok", database: testDatabaseKind() });
  });
});
