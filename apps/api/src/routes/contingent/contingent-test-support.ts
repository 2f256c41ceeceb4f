import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { TestApi } from "../../testing/test-api.js";
import { contingentContractInput, type entryInput } from "./contingent-fixtures.js";

/** Test helper: concludes the README's 10-hour contingent for Müller GmbH. */
export async function concludeContingent(api: TestApi, id: string): Promise<void> {
  const response = await api.request({ method: "POST", url: "/v1/contracts", payload: contingentContractInput(id, api.organizations.mueller), token: api.tokens.accountManager });
  expect(response.statusCode, response.body).toBe(201);
}

/** Test helper: records entries at `at` as the technician. */
export async function record(api: TestApi, contractId: string, at: string, entries: ReturnType<typeof entryInput>[], token = api.tokens.technician): Promise<LightMyRequestResponse> {
  api.clock.set(new Date(at));
  return api.request({ method: "POST", url: `/v1/contracts/${contractId}/time-entries`, payload: { entries }, token });
}

/** Test helper: the statement of a contract as of `asOf`. */
export async function statement(api: TestApi, contractId: string, asOf: string): Promise<{ balanceMinutes: number; balanceHours: string; creditMinutes: number; debitMinutes: number; adjustmentMinutes: number; openingMinutes: number; closed: boolean; month: string }> {
  const response = await api.request({ method: "GET", url: `/v1/contracts/${contractId}/statement?asOf=${encodeURIComponent(asOf)}`, token: api.tokens.muellerManager });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
