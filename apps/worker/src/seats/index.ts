import type { ScheduledJob } from "../jobs/scheduled-job.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { seatMailOutboxHandler } from "./seat-mail-handler.js";
import { seatWindowEvaluationJob } from "./seat-window-job.js";

/** The scheduled seat rules (S4–S9): the daily purchase-order window evaluation. */
export const seatJobs: ScheduledJob[] = [seatWindowEvaluationJob];

/** Consumers of the `seats.*` outbox topics: the seat mails (S1, S5, S8, S9). */
export const seatOutboxHandlers: OutboxHandler[] = [seatMailOutboxHandler];

export { seatMailOutboxHandler } from "./seat-mail-handler.js";
export { seatWindowEvaluationJob } from "./seat-window-job.js";
export { SEAT_MAIL_TOPICS } from "./seat-mail-topics.js";
