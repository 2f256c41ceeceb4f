import { parseTicketNumber, type TicketNumberFormat } from "../tickets/ticket-number.js";

// `[#T-2026-000123-8]`, tolerant of spaces inside the brackets that some clients add.
const SUBJECT_TAG = /\[#\s*([A-Za-z]{1,6}[-/.][0-9][0-9\-/.]*[0-9])\s*\]/;

/** The subject tag for a ticket number: `[#T-2026-000123-8]`. */
export function subjectTag(ticketNumber: string): string {
  return `[#${ticketNumber}]`;
}

/**
 * The ticket number named by a subject tag, canonicalized, or `undefined` when there is no tag or
 * its check digit is wrong (a mistyped number must not thread onto someone else's ticket, K3).
 */
export function ticketNumberFromSubject(subject: string, format: TicketNumberFormat): string | undefined {
  const match = SUBJECT_TAG.exec(subject);
  if (match?.[1] === undefined) return undefined;
  const parsed = parseTicketNumber(format, match[1]);
  return parsed.ok ? parsed.value.number : undefined;
}
