import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTicketCommand } from "../tickets/apply-ticket-command.js";
import type { TicketCommand } from "../tickets/ticket-command.js";
import type { Ticket } from "../tickets/ticket.js";
import { CUSTOMER, DISPATCHER, TECHNICIAN, newTicket, slaTerms, unwrap } from "../test-support/fixtures.js";
import { computeSlaClocks } from "./compute-sla-clocks.js";

const terms = slaTerms();
const START = Date.parse("2026-03-20T07:13:00Z");

const commands: readonly TicketCommand[] = [
  { type: "assign", by: DISPATCHER, assignee: { id: TECHNICIAN.id, role: "technician" } },
  { type: "record-customer-contact", by: TECHNICIAN, via: "phone" },
  { type: "start-work", by: TECHNICIAN },
  { type: "wait-for-customer", by: TECHNICIAN },
  { type: "resume-work", by: TECHNICIAN },
  { type: "add-comment", by: CUSTOMER, commentId: "c", visibility: "public", text: "Und jetzt?" },
  { type: "add-comment", by: TECHNICIAN, commentId: "c", visibility: "public", text: "Wir sind dran." },
  { type: "add-comment", by: TECHNICIAN, commentId: "c", visibility: "internal", text: "Treiber prüfen." },
  { type: "set-priority", by: DISPATCHER, priority: "high" },
  { type: "resolve", by: TECHNICIAN },
  { type: "reopen", by: CUSTOMER },
];

/** A ticket driven through random commands at random later instants (refused commands skipped). */
const ticketArbitrary = fc
  .array(fc.record({ step: fc.integer({ min: 0, max: commands.length - 1 }), gapMinutes: fc.integer({ min: 1, max: 3 * 24 * 60 }), gapSeconds: fc.integer({ min: 0, max: 59 }) }), {
    maxLength: 14,
  })
  .map((steps) => {
    let at = START;
    let ticket: Ticket = newTicket(new Date(at).toISOString());
    for (const { step, gapMinutes, gapSeconds } of steps) {
      at += gapMinutes * 60_000 + gapSeconds * 1000;
      const command = commands[step];
      if (command === undefined) continue;
      const result = applyTicketCommand(ticket, command, new Date(at).toISOString());
      if (result.ok) ticket = result.value.ticket;
    }
    return { ticket, lastMs: at };
  });

describe("SLA recomputation from history (K7)", () => {
  it("K7: any order and any repetition of the history gives the same report", () => {
    fc.assert(
      fc.property(ticketArbitrary, fc.integer({ min: 0, max: 10 * 24 * 60 }), fc.infiniteStream(fc.nat()), ({ ticket, lastMs }, extraMinutes, randomness) => {
        const asOf = new Date(lastMs + extraMinutes * 60_000).toISOString();
        const expected = unwrap(computeSlaClocks(ticket.history, terms, asOf));
        const shuffled = [...ticket.history, ...ticket.history.slice(0, 3)];
        const random = randomness[Symbol.iterator]();
        for (let index = shuffled.length - 1; index > 0; index -= 1) {
          const swap = (random.next().value as number) % (index + 1);
          [shuffled[index], shuffled[swap]] = [shuffled[swap]!, shuffled[index]!];
        }
        expect(unwrap(computeSlaClocks(shuffled, terms, asOf))).toEqual(expected);
        expect(unwrap(computeSlaClocks(ticket.history, terms, asOf))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("K7: clocks only move forward: later evaluations keep earlier events and never lose minutes", () => {
    fc.assert(
      fc.property(ticketArbitrary, fc.integer({ min: 0, max: 20 * 24 * 60 }), fc.integer({ min: 0, max: 20 * 24 * 60 }), ({ ticket }, a, b) => {
        const early = unwrap(computeSlaClocks(ticket.history, terms, new Date(START + Math.min(a, b) * 60_000).toISOString()));
        const late = unwrap(computeSlaClocks(ticket.history, terms, new Date(START + Math.max(a, b) * 60_000).toISOString()));
        expect(late.firstResponse.elapsedMinutes).toBeGreaterThanOrEqual(early.firstResponse.elapsedMinutes);
        expect(late.resolution.elapsedMinutes).toBeGreaterThanOrEqual(early.resolution.elapsedMinutes);
        for (const event of early.events) expect(late.events).toContainEqual(event);
        // Business minutes never exceed wall-clock minutes since creation.
        expect(late.resolution.elapsedMinutes).toBeLessThanOrEqual(Math.max(a, b) + 1);
      }),
      { numRuns: 150 },
    );
  });

  it("K7: every breach has a warning at or before it (same instant when a raised priority overtakes both)", () => {
    fc.assert(
      fc.property(ticketArbitrary, ({ ticket, lastMs }) => {
        const report = unwrap(computeSlaClocks(ticket.history, terms, new Date(lastMs + 30 * 24 * 3_600_000).toISOString()));
        for (const clock of [report.firstResponse, report.resolution]) {
          if (clock.breachedAt !== undefined) {
            expect(clock.warnedAt).toBeDefined();
            expect(Date.parse(clock.warnedAt ?? "")).toBeLessThanOrEqual(Date.parse(clock.breachedAt));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
