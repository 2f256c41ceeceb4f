import { billingOutboxHandlers } from "./billing/billing-outbox-handlers.js";
import { monthCloseJob } from "./billing/month-close-job.js";
import type { JobCatalog } from "./jobs/job-runner.js";
import { ticketMailHandler } from "./mail-out/ticket-mail-handler.js";
import type { OutboxHandler } from "./outbox/outbox-handler.js";
import { licensingJobs, licensingOutboxHandlers } from "./licensing/index.js";
import { licensingBillingOutboxHandlers } from "./licensing-billing/index.js";
import { licensingNoticeOutboxHandlers } from "./licensing-notices/index.js";
import { paymentReminderJobs, paymentReminderOutboxHandlers } from "./payment-reminders/index.js";
import { seatJobs, seatOutboxHandlers } from "./seats/index.js";
import { serviceDeskJobs, serviceDeskOutboxHandlers } from "./service-desk/index.js";

/** Every job Kontor's worker runs. */
export const KONTOR_JOBS: JobCatalog = {
  scheduled: [...seatJobs, ...licensingJobs, ...serviceDeskJobs, ...paymentReminderJobs],
  fanOut: [monthCloseJob],
};

/** Every outbox consumer (a topic without one is only recorded, e.g. ticket history events). */
export const KONTOR_OUTBOX_HANDLERS: readonly OutboxHandler[] = [
  ticketMailHandler,
  ...billingOutboxHandlers,
  ...seatOutboxHandlers,
  ...licensingOutboxHandlers,
  ...licensingBillingOutboxHandlers,
  ...licensingNoticeOutboxHandlers,
  ...serviceDeskOutboxHandlers,
  ...paymentReminderOutboxHandlers,
];
