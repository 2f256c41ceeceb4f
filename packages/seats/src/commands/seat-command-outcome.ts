import type { SeatEvaluation } from "../evaluation/seat-evaluation.js";
import type { SeatEvent, SeatHistory } from "../history/seat-event.js";
import type { SeatMail } from "../mails/seat-mail.js";

/** Something a command did beyond appending its event. */
export type SeatCommandEffect =
  /** S7 (or a payment, S2): a user left the "must be paid" list for a paid license. */
  | { readonly type: "moved-onto-paid-license"; readonly productId: string; readonly userId: string }
  /** S9: a user on the "no access" list got access back. */
  | { readonly type: "access-restored"; readonly productId: string; readonly userId: string };

/** What a successful command returns: the new state (history) and what it caused. */
export interface SeatCommandOutcome {
  /** The history with the command's event appended. */
  readonly history: SeatHistory;
  /** The appended event; its `at` is the command's `asOf`. */
  readonly event: SeatEvent;
  readonly effects: readonly SeatCommandEffect[];
  /** The e-mails this command caused (all due at `asOf`; ids as in {@link evaluateSeats}). */
  readonly mails: readonly SeatMail[];
  /**
   * The organization at `asOf` after the command. Its `mails` are those due exactly at `asOf`.
   */
  readonly evaluation: SeatEvaluation;
}
