import { outboxEventsOf, type OutboxRow } from "@kontor/db";
import type { Ticket } from "@kontor/ticketing";
import { expect } from "vitest";
import type { TestApi } from "../../testing/test-api.js";

/** A ticket view as the API answers it (tests). */
export interface TicketBody {
  readonly ticket: Ticket;
  readonly version: number;
  readonly attachments: readonly { id: string; filename: string; kind: string; flags: string[]; size: number }[];
}

/** Opens a ticket through the API and returns its view; fails the test on anything but 201. */
export async function openTicketAs(api: TestApi, token: string, body: Record<string, unknown> = {}): Promise<TicketBody> {
  const response = await api.request({
    method: "POST",
    url: "/v1/tickets",
    token,
    payload: { kind: "incident", subject: "Drucker im Lager druckt nicht", description: "Seit heute früh kommt nichts mehr aus dem Drucker.", ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TicketBody>();
}

/** Sends a command route request (`comments`, `assignment`, `status`, `feedback`) on a ticket. */
export function onTicket(api: TestApi, token: string, ticketId: string, route: string, payload: Record<string, unknown>) {
  return api.request({ method: "POST", url: `/v1/tickets/${ticketId}/${route}`, token, payload });
}

/** The outbox rows of a ticket, in the order they were written. */
export function ticketOutbox(api: TestApi, ticketId: string): Promise<OutboxRow[]> {
  return outboxEventsOf(api.database.db, "ticket", ticketId);
}
