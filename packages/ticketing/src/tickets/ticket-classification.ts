import { z } from "zod";

/** K1: a ticket is an incident (Störung) or a request (Anforderung). */
export const TICKET_KINDS = ["incident", "request"] as const;
/** Incident or request (K1). */
export type TicketKind = (typeof TICKET_KINDS)[number];
/** zod schema of a {@link TicketKind}. */
export const ticketKindSchema = z.enum(TICKET_KINDS);

/**
 * K2, K8, K9: how a ticket came in. `schedule` covers maintenance plans, needs-analysis items and
 * materials management's pick-and-pack tickets.
 */
export const TICKET_CHANNELS = ["mail", "portal", "phone", "monitoring", "schedule"] as const;
/** The channel a ticket came in through. */
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
/** zod schema of a {@link TicketChannel}. */
export const ticketChannelSchema = z.enum(TICKET_CHANNELS);

/** Ticket priorities; SLA targets (K7) may differ per priority. */
export const TICKET_PRIORITIES = ["low", "normal", "high", "critical"] as const;
/** A ticket priority. */
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
/** zod schema of a {@link TicketPriority}. */
export const ticketPrioritySchema = z.enum(TICKET_PRIORITIES);
