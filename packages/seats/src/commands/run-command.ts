import type { z } from "zod";
import { evaluateForCommand, resolveOptions } from "../evaluation/evaluate-seats.js";
import type { SeatEvaluation } from "../evaluation/seat-evaluation.js";
import type { SeatEvent, SeatHistory } from "../history/seat-event.js";
import { type SeatError, type SeatResult, fail, ok } from "../seat-error.js";
import type { Instant } from "../time/instant.js";
import { zodIssuesToErrors } from "../zod-errors.js";
import type { SeatCommandOptions } from "./command-options.js";
import type { SeatCommandEffect, SeatCommandOutcome } from "./seat-command-outcome.js";

/**
 * The shape shared by every command (S10): validate the input, refuse an `asOf` before the
 * history's last event, append the event at `asOf`, and re-evaluate. The rules themselves live in
 * the evaluator, so a command can never accept what the evaluator would reject; it compares the
 * state before and after to report what moved and which mails it caused.
 */
export function runCommand<Schema extends z.ZodType>(
  history: SeatHistory,
  input: unknown,
  schema: Schema,
  toEvent: (input: z.output<Schema>, at: string) => SeatEvent,
  asOf: Instant,
  options: SeatCommandOptions = {},
): SeatResult<SeatCommandOutcome> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error, ["command"]) };
  const resolved = resolveOptions({ ...options, asOf });
  if (!resolved.ok) return resolved;
  // Only mails due at `asOf` can be caused by an event at `asOf`.
  const evaluationOptions = { ...resolved.value, mailsAfterMs: resolved.value.asOfMs - 1 };
  const before = evaluateForCommand(history, evaluationOptions);
  if (!before.ok) return before;
  if (before.value.latestEventMs > resolved.value.asOfMs) {
    return fail(
      "S10_COMMAND_BEFORE_HISTORY",
      "asOf lies before the latest event of the history; commands append in time order",
      ["asOf"],
    );
  }
  const at = typeof asOf === "string" ? asOf : (asOf.toISO() ?? "");
  const event = toEvent(parsed.data, at);
  const next = [...history, event];
  const after = evaluateForCommand(next, evaluationOptions);
  if (!after.ok) return { ok: false, errors: after.errors.map((error) => relocate(error, history.length)) };
  const seen = new Set(before.value.evaluation.mails.map((mail) => mail.id));
  const mails = after.value.evaluation.mails.filter((mail) => !seen.has(mail.id));
  const effects = movedOntoPaidLicenses(before.value.evaluation, after.value.evaluation, event);
  for (const mail of mails) {
    if (mail.kind === "access-restored" && mail.to.role === "user") {
      effects.push({ type: "access-restored", productId: mail.productId, userId: mail.to.userId });
    }
  }
  return ok({ history: next, event, effects, mails, evaluation: after.value.evaluation });
}

/** Errors about the appended event point at the command, not at a history index. */
function relocate(error: SeatError, index: number): SeatError {
  if (error.path[0] !== "history" || error.path[1] !== index) return error;
  return { ...error, path: ["command", ...error.path.slice(2)] };
}

/** S7: users who were on a "must be paid" list and now sit on a paid license. */
function movedOntoPaidLicenses(
  before: SeatEvaluation,
  after: SeatEvaluation,
  event: SeatEvent,
): SeatCommandEffect[] {
  const effects: SeatCommandEffect[] = [];
  const removedUser = event.type === "user-unassigned" ? event.userId : undefined;
  for (const product of before.products) {
    if (product.mustBePaidUsers.length === 0) continue;
    const now = after.products.find((candidate) => candidate.productId === product.productId);
    const stillWaiting = new Set(now?.mustBePaidUsers.map((user) => user.userId));
    for (const user of product.mustBePaidUsers) {
      const unassigned = removedUser === user.userId && event.type === "user-unassigned" && event.productId === product.productId;
      if (!stillWaiting.has(user.userId) && !unassigned) {
        effects.push({ type: "moved-onto-paid-license", productId: product.productId, userId: user.userId });
      }
    }
  }
  return effects;
}
