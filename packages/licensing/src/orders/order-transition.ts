import type { OrderEvent } from "./order-event.js";
import type { Order } from "./order.js";

/** The result of a state change: the order's new state and the events the change caused. */
export interface OrderTransition<O extends Order = Order> {
  readonly order: O;
  readonly events: readonly OrderEvent[];
}
