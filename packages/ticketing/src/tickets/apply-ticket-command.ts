import { DateTime } from "luxon";
import { issue } from "../errors/ticketing-error.js";
import { fail, ok, parseWith, type Result } from "../errors/result.js";
import { DEFAULT_TICKETING_POLICIES } from "../policies/default-ticketing-policies.js";
import { policyInForce } from "../policies/policy-in-force.js";
import type { TicketingPolicy } from "../policies/ticketing-policy.js";
import { DEFAULT_ZONE, resolveZone, toEpochMs, toIsoInstant, tryParseInstant, type Instant } from "../time/instant.js";
import type { ActorRef } from "./actor-ref.js";
import { classifyAttachment } from "./classify-attachment.js";
import type { TicketChange } from "./create-ticket.js";
import { ticketCommandSchema, type TicketCommand } from "./ticket-command.js";
import type { TicketEvent } from "./ticket-event.js";
import { canTransition, type TicketStatus } from "./ticket-status.js";
import type { Ticket } from "./ticket.js";

/** Options of {@link applyTicketCommand}. */
export interface ApplyTicketCommandOptions {
  /** Policies to pick from at `asOf` (default: the shipped ones). */
  readonly policies?: readonly TicketingPolicy[];
  /** Zone in which the reopen window's days are counted (default `Europe/Berlin`). */
  readonly zone?: string;
}

type EventBody = TicketEvent extends infer E ? (E extends TicketEvent ? Omit<E, "ticketId" | "seq" | "at" | "by"> : never) : never;

class EventLog {
  readonly events: TicketEvent[] = [];
  private seq: number;

  constructor(
    private readonly ticketId: string,
    lastSeq: number,
    private readonly at: string,
    private readonly by: ActorRef,
  ) {
    this.seq = lastSeq;
  }

  emit(body: EventBody): void {
    this.seq += 1;
    this.events.push({ ...body, ticketId: this.ticketId, seq: this.seq, at: this.at, by: this.by });
  }
}

function invalidTransition(ticket: Ticket, to: TicketStatus, action: string): Result<TicketChange> {
  return fail(
    issue("K1_INVALID_TRANSITION", `Cannot ${action} ticket ${ticket.number}: ${ticket.status} → ${to} is not allowed`, ["status"]),
  );
}

function lastSeqOf(ticket: Ticket): number {
  let last = 0;
  for (const event of ticket.history) if (event.seq > last) last = event.seq;
  return last;
}

/** The status a reopened ticket returns to: back to its technician, or to dispatch. */
function reopenedStatus(ticket: Ticket): TicketStatus {
  return ticket.assigneeId === undefined ? "new" : "in-progress";
}

function withinReopenWindow(ticket: Ticket, asOfMs: number, policy: TicketingPolicy, zone: string): boolean {
  const resolvedMs = ticket.resolvedAt === undefined ? undefined : tryParseInstant(ticket.resolvedAt);
  if (resolvedMs === undefined) return false;
  const deadline = DateTime.fromMillis(resolvedMs, { zone: resolveZone(zone) })
    .plus({ days: policy.tickets.reopenWindowDays })
    .toMillis();
  return asOfMs <= deadline;
}

/** K6: a customer-contacted entry after the latest assignment. */
function customerContactedSinceAssignment(ticket: Ticket): boolean {
  let contacted = false;
  for (const event of ticket.history) {
    if (event.type === "assigned") contacted = false;
    else if (event.type === "customer-contacted") contacted = true;
  }
  return contacted;
}

function withStatus(ticket: Ticket, to: TicketStatus, at: string): Ticket {
  const next: Ticket = { ...ticket, status: to };
  if (to === "resolved") return { ...next, resolvedAt: at };
  if (to === "closed") return { ...next, closedAt: at };
  if (ticket.status === "resolved") {
    // Reopened: the old resolution no longer counts (K7 resolution clock resumes).
    const reopened: Ticket = { ...next };
    delete reopened.resolvedAt;
    return reopened;
  }
  return next;
}

/**
 * Applies one command to a ticket (K1 workflow, K6 dispatch rules): `(ticket, command, asOf) →
 * { ticket, events }`. The events are appended to `ticket.history`, which stays the source of
 * truth for SLA clocks (K7). Business refusals are returned as issues, never thrown.
 *
 * @param ticket current state
 * @param command what to do (validated with `ticketCommandSchema`)
 * @param asOf when it happens
 * @param options policies and zone for the reopen window
 */
export function applyTicketCommand(
  ticket: Ticket,
  command: TicketCommand,
  asOf: Instant,
  options: ApplyTicketCommandOptions = {},
): Result<TicketChange> {
  const parsed = parseWith(ticketCommandSchema, command);
  if (!parsed.ok) return parsed;
  const cmd = parsed.value;
  const asOfMs = toEpochMs(asOf);
  const at = toIsoInstant(asOfMs);
  const policyResult = policyInForce(options.policies ?? DEFAULT_TICKETING_POLICIES, asOfMs);
  if (!policyResult.ok) return policyResult;
  const policy = policyResult.value;
  const zone = options.zone ?? DEFAULT_ZONE;
  const log = new EventLog(ticket.id, lastSeqOf(ticket), at, cmd.by);
  let next: Ticket = ticket;

  const moveTo = (to: TicketStatus): void => {
    log.emit({ type: "status-changed", from: next.status, to });
    next = withStatus(next, to, at);
  };

  switch (cmd.type) {
    case "assign": {
      if (cmd.assignee.role !== "technician") {
        return fail(issue("K6_ASSIGNEE_NOT_TECHNICIAN", `Tickets are assigned to technicians, not to role "${cmd.assignee.role}"`, ["assignee", "role"]));
      }
      if (ticket.status === "resolved" || ticket.status === "closed") return invalidTransition(ticket, "assigned", "assign");
      log.emit({ type: "assigned", assigneeId: cmd.assignee.id });
      next = { ...next, assigneeId: cmd.assignee.id };
      // A new technician has to call the customer before starting again (K6).
      if (ticket.status === "new" || ticket.status === "in-progress") moveTo("assigned");
      break;
    }
    case "record-customer-contact": {
      if (ticket.status === "resolved" || ticket.status === "closed") return invalidTransition(ticket, ticket.status, "record a customer contact on");
      log.emit({ type: "customer-contacted", via: cmd.via });
      break;
    }
    case "start-work": {
      if (!canTransition(ticket.status, "in-progress") || ticket.status !== "assigned") return invalidTransition(ticket, "in-progress", "start work on");
      const internal = ticket.channel === "monitoring" || ticket.channel === "schedule";
      if (!internal && !customerContactedSinceAssignment(ticket)) {
        return fail(issue("K6_CUSTOMER_NOT_CONTACTED", `The technician contacts the customer before work on ${ticket.number} starts`, ["status"]));
      }
      moveTo("in-progress");
      break;
    }
    case "wait-for-customer": {
      if (!canTransition(ticket.status, "waiting-for-customer")) return invalidTransition(ticket, "waiting-for-customer", "wait on");
      moveTo("waiting-for-customer");
      break;
    }
    case "resume-work": {
      if (ticket.status !== "waiting-for-customer") return invalidTransition(ticket, "in-progress", "resume work on");
      moveTo("in-progress");
      break;
    }
    case "add-comment": {
      const fromCustomer = cmd.by.kind === "customer";
      if (ticket.status === "closed" && cmd.visibility === "public") {
        return fail(issue("K1_TICKET_CLOSED", `Ticket ${ticket.number} is closed; a new message opens a follow-up ticket`, ["status"]));
      }
      if (fromCustomer && ticket.status === "resolved") {
        if (!withinReopenWindow(ticket, asOfMs, policy, zone)) {
          return fail(issue("K1_REOPEN_WINDOW_EXPIRED", `Ticket ${ticket.number} was resolved more than ${policy.tickets.reopenWindowDays} days ago`, ["status"]));
        }
        moveTo(reopenedStatus(ticket));
      } else if (fromCustomer && ticket.status === "waiting-for-customer") {
        // The customer answered: the paused SLA clocks run again (K7).
        moveTo("in-progress");
      }
      log.emit({ type: "comment-added", commentId: cmd.commentId, visibility: cmd.visibility });
      next = {
        ...next,
        comments: [
          ...next.comments,
          { id: cmd.commentId, at, author: cmd.by, visibility: cmd.visibility, text: cmd.text, attachments: cmd.attachments.map(classifyAttachment) },
        ],
      };
      break;
    }
    case "set-priority": {
      if (ticket.status === "resolved" || ticket.status === "closed") return invalidTransition(ticket, ticket.status, "change the priority of");
      if (ticket.priority !== cmd.priority) {
        log.emit({ type: "priority-changed", from: ticket.priority, to: cmd.priority });
        next = { ...next, priority: cmd.priority };
      }
      break;
    }
    case "qualify": {
      if (ticket.status === "closed") {
        return fail(issue("K1_TICKET_CLOSED", `Ticket ${ticket.number} is closed; it can no longer be qualified`, ["status"]));
      }
      const organizationId = cmd.organizationId ?? ticket.organizationId;
      const kind = cmd.kind ?? ticket.kind;
      // A branch belongs to its organization: moving the ticket to another customer drops it.
      const keptBranch = organizationId === ticket.organizationId ? ticket.branchId : undefined;
      const branchId = cmd.branchId === undefined ? keptBranch : (cmd.branchId ?? undefined);
      if (organizationId === ticket.organizationId && kind === ticket.kind && branchId === ticket.branchId) break;
      log.emit({
        type: "qualified",
        kind,
        ...(organizationId === undefined ? {} : { organizationId }),
        ...(branchId === undefined ? {} : { branchId }),
      });
      const qualified: Ticket = { ...next, kind };
      delete qualified.organizationId;
      delete qualified.branchId;
      next = { ...qualified, ...(organizationId === undefined ? {} : { organizationId }), ...(branchId === undefined ? {} : { branchId }) };
      break;
    }
    case "resolve": {
      if (!canTransition(ticket.status, "resolved")) return invalidTransition(ticket, "resolved", "resolve");
      moveTo("resolved");
      break;
    }
    case "close": {
      if (!canTransition(ticket.status, "closed")) return invalidTransition(ticket, "closed", "close");
      moveTo("closed");
      break;
    }
    case "reopen": {
      const to = reopenedStatus(ticket);
      if (ticket.status !== "resolved") return invalidTransition(ticket, to, "reopen");
      if (cmd.by.kind === "customer" && !withinReopenWindow(ticket, asOfMs, policy, zone)) {
        return fail(issue("K1_REOPEN_WINDOW_EXPIRED", `Ticket ${ticket.number} was resolved more than ${policy.tickets.reopenWindowDays} days ago`, ["status"]));
      }
      moveTo(to);
      break;
    }
    case "give-feedback": {
      if (cmd.by.kind !== "customer" || (ticket.status !== "resolved" && ticket.status !== "closed")) {
        return fail(issue("K1_FEEDBACK_NOT_ALLOWED", `Feedback is given by the customer on a resolved or closed ticket`, ["status"]));
      }
      if (ticket.feedback !== undefined) {
        return fail(issue("K1_FEEDBACK_ALREADY_GIVEN", `Ticket ${ticket.number} already has feedback`, ["feedback"]));
      }
      log.emit({ type: "feedback-given", rating: cmd.rating });
      next = {
        ...next,
        feedback: { rating: cmd.rating, ...(cmd.text === undefined ? {} : { text: cmd.text }), at, by: cmd.by },
      };
      break;
    }
  }
  return ok({ ticket: { ...next, history: [...ticket.history, ...log.events] }, events: log.events });
}
