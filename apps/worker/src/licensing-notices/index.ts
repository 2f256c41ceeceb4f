/**
 * Licensing notices (L1, L2, L3, M6): the outbox handlers that mail order confirmations and open
 * the tickets the licensing events ask for.
 */
export { licensingNoticeOutboxHandlers } from "./licensing-notice-outbox-handlers.js";
export { ADD_ON_REQUEST_TICKET_TOPIC, CONFIRMATION_TO_SEND_TOPIC, CONTACT_CUSTOMER_TASK_TOPIC } from "./licensing-notice-topics.js";
export { orderConfirmationMailKey } from "./send-order-confirmation.js";
export { contactTaskScheduleKey } from "./contact-customer-task.js";
export { addOnRequestScheduleKey } from "./add-on-request-ticket.js";
