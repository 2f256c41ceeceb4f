/** The `{ ok, value | errors }` result every domain package returns. */
export type DomainResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly { readonly code: string; readonly message: string }[] };

/**
 * The value of a domain result, or a thrown error naming the rule codes. The demo data is fixed,
 * so a refusal is a bug in the scenario (or a changed rule) and must stop the seed loudly.
 */
export function demoValue<T>(result: DomainResult<T>, what: string): T {
  if (result.ok) return result.value;
  const reasons = result.errors.map((error) => `${error.code}: ${error.message}`).join("; ");
  throw new Error(`demo scenario: ${what} was refused (${reasons})`);
}
