import type { PolicyRef } from "./policy-ref.js";

/** Numbers of the rules this package implements (RULES.md "Payment terms and tax"). */
export type TermsRule = "T1" | "T2" | "T3" | "T4" | "T5" | "T6" | "T7";

/**
 * What every decision carries besides its value: the rule applied, the reason in words an invoice
 * can print, and the policies (with versions) it used.
 */
export interface Decision {
  readonly rule: TermsRule;
  readonly reason: string;
  readonly policies: readonly PolicyRef[];
}
