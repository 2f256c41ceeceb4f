import { expect } from "vitest";
import type { TestApi } from "./test-api.js";

/**
 * Follows a keyset list from `url` to its last page as `token` and returns every item, in order;
 * fails the test on any answer but 200 (tests).
 */
export async function allPages(api: TestApi, url: string, token: string): Promise<unknown[]> {
  const seen: unknown[] = [];
  let next: string | undefined = url;
  while (next !== undefined) {
    const response = await api.request({ method: "GET", url: next, token });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: unknown[]; nextCursor: string | null }>();
    seen.push(...page.items);
    next = page.nextCursor === null ? undefined : `${url}${url.includes("?") ? "&" : "?"}cursor=${page.nextCursor}`;
  }
  return seen;
}
