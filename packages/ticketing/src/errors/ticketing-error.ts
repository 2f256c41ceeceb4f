/**
 * Stable codes of every error `@kontor/ticketing` reports. Codes that enforce a rule start with
 * the rule number (RULES.md), so a log line leads straight to the rule.
 */
export type TicketingErrorCode =
  | "INVALID_INPUT"
  | "INVALID_INSTANT"
  | "INVALID_ZONE"
  | "NO_POLICY_IN_FORCE"
  | "K1_INVALID_TRANSITION"
  | "K1_TICKET_CLOSED"
  | "K1_FEEDBACK_NOT_ALLOWED"
  | "K1_FEEDBACK_ALREADY_GIVEN"
  | "K1_REOPEN_WINDOW_EXPIRED"
  | "K1_TICKET_NUMBER_FORMAT"
  | "K1_TICKET_NUMBER_CHECK_DIGIT"
  | "K1_TICKET_NUMBER_EXHAUSTED"
  | "K1_TICKET_NUMBER_OUT_OF_ORDER"
  | "K6_CUSTOMER_NOT_CONTACTED"
  | "K6_ASSIGNEE_NOT_TECHNICIAN"
  | "K7_INVALID_BUSINESS_HOURS"
  | "K10_ACCESS_DENIED"
  | "K12_CREDENTIAL_NOT_APPROVED"
  | "K12_CREDENTIAL_ACCESS_DENIED";

/** Path of the offending field, for example `["headers", "from"]`. */
export type TicketingErrorPath = readonly (string | number)[];

/** An error as a value: stable `code`, a message for people and the offending field `path`. */
export interface TicketingIssue {
  /** Stable code, safe to switch on. */
  readonly code: TicketingErrorCode;
  /** Explanation for people. */
  readonly message: string;
  /** Path of the offending field; empty when the whole input is at fault. */
  readonly path: TicketingErrorPath;
}

/**
 * Thrown only for programming errors at the boundary (an unparseable `asOf`, an unknown zone),
 * never for business outcomes, which are returned as {@link TicketingIssue} values. Typed like the
 * values so callers can handle both the same way.
 */
export class TicketingError extends Error implements TicketingIssue {
  /** Stable code, safe to switch on. */
  readonly code: TicketingErrorCode;
  /** Path of the offending field. */
  readonly path: TicketingErrorPath;

  /**
   * @param code stable error code
   * @param message explanation for people
   * @param path path of the offending field
   */
  constructor(code: TicketingErrorCode, message: string, path: TicketingErrorPath = []) {
    super(message);
    this.name = "TicketingError";
    this.code = code;
    this.path = path;
  }
}

/** Builds a {@link TicketingIssue}. */
export function issue(code: TicketingErrorCode, message: string, path: TicketingErrorPath = []): TicketingIssue {
  return { code, message, path };
}
