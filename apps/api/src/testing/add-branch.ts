import { expect } from "vitest";
import type { TestApi } from "./test-api.js";

/**
 * Adds a branch in Köln to an organization through `POST /v1/organizations/:id/branches`, as an
 * account manager would (O1), and returns its id; `receives` says whether it receives goods
 * and services.
 */
export async function addBranch(api: TestApi, organizationId: string, name: string, receives: { goods: boolean; services: boolean }): Promise<string> {
  const response = await api.request({
    method: "POST",
    url: `/v1/organizations/${organizationId}/branches`,
    payload: { name, address: { street: "Siegburger Straße 229", postalCode: "50679", city: "Köln", country: "DE" }, receivesGoods: receives.goods, receivesServices: receives.services },
    token: api.tokens.accountManager,
  });
  expect(response.statusCode, response.body).toBe(201);
  const branch = response.json<{ organization: { branches: { id: string; name: string }[] } }>().organization.branches.find((candidate) => candidate.name === name);
  if (branch === undefined) throw new Error(`branch ${name} missing from ${response.body}`);
  return branch.id;
}
