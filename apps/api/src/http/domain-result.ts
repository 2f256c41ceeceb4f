import { ruleViolation } from "./problem.js";

/** The result shape every domain package returns. */
export type DomainResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly { readonly code: string; readonly message: string; readonly path?: readonly PropertyKey[] }[] };

/** The value of a domain result, or a 422 problem carrying the rule codes and field paths. */
export function unwrap<T>(result: DomainResult<T>): T {
  if (!result.ok) throw ruleViolation(result.errors);
  return result.value;
}
