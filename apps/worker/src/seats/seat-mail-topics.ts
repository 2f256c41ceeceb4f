import type { SeatMail } from "@kontor/seats";

/** Every kind of seat mail (S1, S5, S8, S9); the outbox topic is `seats.<kind>`. */
export const SEAT_MAIL_KINDS = ["access-granted", "payment-reminder", "licenses-suspended", "access-withdrawn", "access-restored"] as const satisfies readonly SeatMail["kind"][];

/** The outbox topics the API and the seat-window job write seat mails under (`seatMailEvents`). */
export const SEAT_MAIL_TOPICS: readonly string[] = SEAT_MAIL_KINDS.map((kind) => `seats.${kind}`);
