import { currentBillingSettings } from "../billing/current-billing-settings.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import { openAddOnRequestTicket } from "./add-on-request-ticket.js";
import { openContactCustomerTask } from "./contact-customer-task.js";
import { ADD_ON_REQUEST_TICKET_TOPIC, CONFIRMATION_TO_SEND_TOPIC, CONTACT_CUSTOMER_TASK_TOPIC } from "./licensing-notice-topics.js";
import { sendOrderConfirmation } from "./send-order-confirmation.js";

/**
 * The outbox handlers that carry out the licensing notices the API writes:
 * - `licensing.confirmation-to-send` (L1, L3): number, render and mail the order confirmation
 *   once per order, with the seller from the billing settings read per event
 *   ({@link currentBillingSettings}); then record a license order's `record-confirmation-sent`;
 * - `licensing.contact-customer-task` (L2): open the responsible team's request ticket to
 *   contact the customer by the due day, once per order;
 * - `licensing.add-on-request-ticket` (M6): open a request ticket for a wanted add-on that is
 *   not offered, once per event.
 */
export const licensingNoticeOutboxHandlers: readonly OutboxHandler[] = [
  {
    topics: [CONFIRMATION_TO_SEND_TOPIC],
    async handle(tx, event, context) {
      await sendOrderConfirmation(tx, context, await currentBillingSettings(tx, context), event);
    },
  },
  {
    topics: [CONTACT_CUSTOMER_TASK_TOPIC],
    async handle(tx, event, context) {
      await openContactCustomerTask(tx, context, event);
    },
  },
  {
    topics: [ADD_ON_REQUEST_TICKET_TOPIC],
    async handle(tx, event, context) {
      await openAddOnRequestTicket(tx, context, event);
    },
  },
];
