import type { CommandEnvironment } from "./command-environment.js";
import type { Order } from "./order.js";
import type { OrderTransition } from "./order-transition.js";

/** Cancels an order (allowed before the purchase, or before the customer was contacted). */
export function cancelOrder<O extends Order>(order: O, reason: string, env: CommandEnvironment): OrderTransition<O> {
  return {
    order: { ...order, status: "cancelled", cancellation: { cancelledAt: env.at, reason } },
    events: [{ type: "order-cancelled", orderId: order.orderId, at: env.at, reason }],
  };
}
