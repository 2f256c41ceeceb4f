import type { ScheduledJob } from "../jobs/scheduled-job.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { assetExpiryJob } from "./assets/asset-expiry-job.js";
import { assetExpiryMailHandler } from "./assets/asset-expiry-mail-handler.js";
import { scheduledTicketsJob } from "./scheduled-tickets/scheduled-tickets-job.js";
import { slaAlertJob } from "./sla/sla-alert-job.js";
import { slaAlertMailHandler } from "./sla/sla-alert-mail-handler.js";

export { assetExpiryJob } from "./assets/asset-expiry-job.js";
export { assetExpiryMailHandler } from "./assets/asset-expiry-mail-handler.js";
export { scheduledTicketsJob } from "./scheduled-tickets/scheduled-tickets-job.js";
export { slaAlertJob } from "./sla/sla-alert-job.js";
export { slaAlertMailHandler } from "./sla/sla-alert-mail-handler.js";
export { ASSET_EXPIRY_TOPIC, SLA_ALERT_TOPIC } from "./service-desk-topics.js";

/** The service desk's scheduled rules (K7 SLA alerts, K9 scheduled tickets, K11 expiry warnings). */
export const serviceDeskJobs: readonly ScheduledJob[] = [slaAlertJob, assetExpiryJob, scheduledTicketsJob];

/** The consumers of the service-desk outbox topics (the K7 and K11 mails). */
export const serviceDeskOutboxHandlers: readonly OutboxHandler[] = [slaAlertMailHandler, assetExpiryMailHandler];
