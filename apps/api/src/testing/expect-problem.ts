import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

/**
 * Asserts an RFC 9457 problem response: status, content type, and (when given) that one of
 * its field errors names `field` (e.g. `body.email`).
 */
export function expectProblem(response: LightMyRequestResponse, status: number, field?: string): { status: number; type: string; title: string; code?: string; detail?: string; errors?: { path: string; code: string }[] } {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = response.json<{ status: number; type: string; title: string; code?: string; detail?: string; errors?: { path: string; code: string }[] }>();
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^https:\/\/kontor\.dev\/problems\//);
  if (field !== undefined) expect(body.errors?.map((error) => error.path), JSON.stringify(body)).toContain(field);
  return body;
}
