import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@kontor/db/testing";
import type { EndpointCase } from "../testing/endpoint-contract.js";
import { expectProblem } from "../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../testing/test-api.js";
import { CONTRACTS } from "./contracts.js";

let api: TestApi;
const cases: EndpointCase[] = [];

beforeAll(async () => {
  api = await createTestApi();
  for (const contract of CONTRACTS) cases.push(...(await contract.setup(api)));
}, 120_000);
afterAll(() => api.close());

/** Routes the API serves that need a token: every one must have a contract case. */
function authenticatedRoutes(): string[] {
  const routes: string[] = [];
  const document = api.app.swagger() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (Array.isArray(operation.security) && operation.security.length === 0) continue;
      routes.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`);
    }
  }
  return routes.sort();
}

describe(`every endpoint on ${testDatabaseKind()} (issue 9, K10)`, () => {
  it("has a contract case for every authenticated route", () => {
    const covered = new Set(cases.map((item) => `${item.method} ${item.route}`));
    expect(authenticatedRoutes().filter((route) => !covered.has(route))).toEqual([]);
  });

  it("answers 401 problem+json to requests without a token, and with a wrong one", async () => {
    for (const item of cases) {
      if (item.route === "/v1/auth/sessions") continue; // public: the login itself
      for (const token of [undefined, "kontor_at_forged"]) {
        const response = await api.request({ method: item.method, url: item.request.url, payload: item.request.body as never, token });
        expectProblem(response, 401);
        expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      }
    }
  });

  it("answers 400 problem+json naming the field for bad input", async () => {
    for (const item of cases) {
      if ("none" in item.badInput) continue;
      const token = api.tokens[item.badInput.token ?? "admin"];
      const response = await api.request({ method: item.method, url: item.badInput.request.url, payload: item.badInput.request.body as never, token });
      expectProblem(response, 400, item.badInput.field);
    }
  });

  it("hides Müller GmbH's data from Bäckerei Schmidt: 404, or a list without it", async () => {
    for (const item of cases) {
      const request = item.crossTenant.request ?? item.request;
      const response = await api.request({ method: item.method, url: request.url, payload: request.body as never, token: api.tokens.baeckereiManager });
      if (item.crossTenant.expect === 404) expectProblem(response, 404);
      else {
        expect(response.statusCode, `${item.method} ${item.route}: ${response.body}`).toBe(200);
        item.crossTenant.assertFiltered(response);
      }
    }
  });
});
