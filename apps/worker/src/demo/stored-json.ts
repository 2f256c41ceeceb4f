/**
 * Domain values as stored JSON: `Money` becomes `{ amount, currency }` through its `toJSON`,
 * as the API stores them (the packages' schemas read this form back).
 */
export function toStoredJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
