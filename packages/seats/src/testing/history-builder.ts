import type { SeatEvent, SeatHistory } from "../history/seat-event.js";

/**
 * Test helper: builds histories with readable calls and unique event ids (`e1`, `e2`, …). Not part
 * of the public API.
 */
export class HistoryBuilder {
  readonly events: SeatEvent[] = [];

  #id(): string {
    return `e${this.events.length + 1}`;
  }

  bought(productId: string, quantity: number, at: string): this {
    this.events.push({ type: "licenses-bought", id: this.#id(), at, productId, quantity });
    return this;
  }

  placed(poId: string, lines: Record<string, number>, at: string): this {
    this.events.push({
      type: "purchase-order-placed",
      id: this.#id(),
      at,
      poId,
      lines: Object.entries(lines).map(([productId, quantity]) => ({ productId, quantity })),
    });
    return this;
  }

  paid(poId: string, at: string): this {
    this.events.push({ type: "purchase-order-paid", id: this.#id(), at, poId });
    return this;
  }

  assigned(productId: string, userId: string, at: string, email?: string): this {
    this.events.push(
      email === undefined
        ? { type: "user-assigned", id: this.#id(), at, productId, userId }
        : { type: "user-assigned", id: this.#id(), at, productId, userId, email },
    );
    return this;
  }

  unassigned(productId: string, userId: string, at: string): this {
    this.events.push({ type: "user-unassigned", id: this.#id(), at, productId, userId });
    return this;
  }

  renewalOpened(productId: string, at: string, endsAt: string): this {
    this.events.push({ type: "renewal-period-opened", id: this.#id(), at, productId, endsAt });
    return this;
  }

  renewed(productId: string, quantity: number, at: string): this {
    this.events.push({ type: "licenses-renewed", id: this.#id(), at, productId, quantity });
    return this;
  }

  build(): SeatHistory {
    return [...this.events];
  }
}

/** `u01` … `u99`: user ids that sort in assignment order. */
export function userId(n: number): string {
  return `u${String(n).padStart(2, "0")}`;
}

/**
 * Seed 003's worked example for product `cc` (Creative Cloud, alle Applikationen): 45 licenses
 * bought on 2026-01-05, users u01–u45 assigned that day (one per minute from 09:00 Berlin), the
 * purchase order `PO-1` for 5 more licenses on 2026-03-02 at 10:00 Berlin, and u46–u50 assigned
 * from 11:00 that day. Result: 50 used / 45 available, 5 must be paid.
 */
export function workedExample(): HistoryBuilder {
  const builder = new HistoryBuilder().bought("cc", 45, "2026-01-05T08:00:00+01:00");
  for (let n = 1; n <= 45; n++) {
    builder.assigned("cc", userId(n), `2026-01-05T09:${String(n).padStart(2, "0")}:00+01:00`, `${userId(n)}@example.com`);
  }
  builder.placed("PO-1", { cc: 5 }, "2026-03-02T10:00:00+01:00");
  for (let n = 46; n <= 50; n++) {
    builder.assigned("cc", userId(n), `2026-03-02T11:${String(n).padStart(2, "0")}:00+01:00`, `${userId(n)}@example.com`);
  }
  return builder;
}
