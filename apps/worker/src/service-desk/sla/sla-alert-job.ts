import { contractSlaTermsResolver, installationTicketingPolicies, loadContractsOfOrganizations } from "@kontor/api";
import { appendToOutbox, findOrganizationsById, slaWatchedTickets, type OutboxEvent } from "@kontor/db";
import type { Organization, SlaTerms, Ticket } from "@kontor/ticketing";
import type { ScheduledJob } from "../../jobs/scheduled-job.js";
import type { WorkerContext } from "../../worker-context.js";
import { slaAlertsOfTicket } from "./sla-alerts-of-ticket.js";

/**
 * How far back resolved and closed tickets are still checked: a breach shortly before the
 * resolution must be reported even when the run that would have caught it was late or failed.
 */
const RESOLVED_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/**
 * K7: every five minutes, recomputes the SLA clocks of the open tickets (and of those resolved in
 * the last day) as of the run's instant and writes one outbox event per warning and breach
 * crossed by then (dedupe key `sla:<ticket>:<clock>:<warning|breach>:<at>`), for
 * {@link slaAlertMailHandler} to mail. Reaction times are those of the customer's contracts in
 * force on the day the ticket was opened (`contractSlaTerms`: targets per priority and service
 * hours, the defaults only without a contract with response times), in the customer's calendar
 * and zone; warnings come at the installation's stored `sla.warningRatio` (P1). Five statements
 * per run whatever the number of tickets: the tickets, their organizations, their organizations'
 * contracts, the stored ticketing policies, one insert of all events (existing keys are skipped,
 * so a re-run writes nothing). Tickets without an organization (not yet qualified, K2) have no
 * agreement and hence no SLA; they are counted, not alerted.
 */
export const slaAlertJob: ScheduledJob = {
  name: "service-desk.sla-alerts",
  cron: "*/5 * * * *",
  expireInSeconds: 240,
  async run(context: WorkerContext, now: Date) {
    const db = context.database.db;
    const rows = await slaWatchedTickets(db, new Date(now.getTime() - RESOLVED_LOOKBACK_MS));
    const organizationIds = rows.flatMap((row) => (row.organizationId === null ? [] : [row.organizationId]));
    const organizations = await findOrganizationsById(db, organizationIds);
    // One query for the contracts of all organizations; the resolver builds each set of terms once.
    const contractTerms = contractSlaTermsResolver(await loadContractsOfOrganizations(db, organizationIds));
    // P1: the K7 warning ratio of the installation's stored ticketing policies, read once per run
    // (the worker's settings while none are stored); a set that no longer parses fails the run.
    const { serviceDesk: policies } = await installationTicketingPolicies(db, context.settings.ticketingPolicies);
    const termsOf = (organization: Organization, ticket: Ticket): SlaTerms | undefined => {
      try {
        return contractTerms(organization, ticket.createdAt);
      } catch (error) {
        context.logger.error({ organizationId: organization.id, ticketId: ticket.id, err: error instanceof Error ? error.message : String(error) }, "no valid SLA terms; K7 clocks not checked");
        return undefined;
      }
    };

    const events: OutboxEvent[] = [];
    let withoutOrganization = 0;
    let failed = 0;
    for (const row of rows) {
      const organizationRow = row.organizationId === null ? undefined : organizations.get(row.organizationId);
      if (organizationRow === undefined) {
        withoutOrganization += 1;
        continue;
      }
      const organization = organizationRow.record as Organization;
      const ticket = row.document as Ticket;
      const terms = termsOf(organization, ticket);
      if (terms === undefined) {
        failed += 1;
        continue;
      }
      const alerts = slaAlertsOfTicket(ticket, organization, terms, now, policies);
      if ("errors" in alerts) {
        failed += 1;
        context.logger.error({ ticketId: row.id, errors: alerts.errors }, "K7 clocks of a ticket could not be computed");
        continue;
      }
      events.push(...alerts.events);
    }
    await appendToOutbox(db, events, now);
    return { tickets: rows.length, alerts: events.length, withoutOrganization, failed };
  },
};
