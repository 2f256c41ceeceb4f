import type { PolicySet } from "../policies/policy-set.js";
import type { EvaluationTime } from "../time/evaluation-time.js";

/** What every command handler needs: the evaluation time in the customer's zone and the policies. */
export interface CommandEnvironment {
  readonly time: EvaluationTime;
  /** `time.instant` as the UTC ISO string stored in state and events. */
  readonly at: string;
  readonly policies: PolicySet;
  /** Who applies the command (the context's `actor`), recorded where a command changes a person on the order (L4); `null`: not named. */
  readonly actor: string | null;
}
