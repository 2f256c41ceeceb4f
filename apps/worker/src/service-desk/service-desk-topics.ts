/** Outbox topic of a K7 SLA warning or breach; its handler mails the service team and the assignee. */
export const SLA_ALERT_TOPIC = "service-desk.sla-alert";

/** Outbox topic of a K11 warranty or license expiry warning; its handler mails the account manager. */
export const ASSET_EXPIRY_TOPIC = "service-desk.asset-expiry";
