/**
 * K10 has no seat-specific action, so the seat routes borrow the closest ones (issue 9).
 * Reading seat status is commercial information about purchase orders and their payment, like
 * invoices: `invoice:read` (portal managers, account managers, back office, admin).
 */
export const SEAT_READ_ACTION = "invoice:read" as const;

/**
 * Seat commands change a customer's license assignments and purchase orders on its behalf:
 * `organization:manage` (account managers, admin).
 */
export const SEAT_WRITE_ACTION = "organization:manage" as const;
