import { insertOrganization } from "@kontor/db";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { MUELLER } from "../../testing/fixtures.js";
import type { TestApi } from "../../testing/test-api.js";

/** Test helper: a fresh organization (Müller's data, another id), so each test has its own seat history. */
export async function freshOrganization(api: TestApi, id: string): Promise<string> {
  await insertOrganization(api.database.db, { ...MUELLER, id, name: `${MUELLER.name} (${id})` }, api.clock.now());
  return id;
}

/** Test helper: runs a seat command at `at` as the account manager and expects it to be appended. */
export async function seatCommand(api: TestApi, organizationId: string, at: string, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  api.clock.set(new Date(at));
  const response = await api.request({ method: "POST", url: `/v1/organizations/${organizationId}/seat-events`, payload: body, token: api.tokens.accountManager });
  expect(response.statusCode, response.body).toBe(201);
  return response;
}
