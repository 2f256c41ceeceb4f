/**
 * Outbox topics of the licensing business this folder consumes. The API's `orderOutboxEvents`
 * and `rentalOutboxEvents` write them as `licensing.<event type>`; before this folder existed
 * the worker marked them delivered without doing anything.
 */

/** L1: an accepted order's confirmation is to be sent (payload: the `confirmation-to-send` order event). */
export const CONFIRMATION_TO_SEND_TOPIC = "licensing.confirmation-to-send";

/** L2: the responsible team is to contact the customer of a placed service order by `dueBy`. */
export const CONTACT_CUSTOMER_TASK_TOPIC = "licensing.contact-customer-task";

/** M6: a wanted add-on the product does not offer becomes a request ticket. */
export const ADD_ON_REQUEST_TICKET_TOPIC = "licensing.add-on-request-ticket";
