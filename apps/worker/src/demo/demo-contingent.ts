import { contingentOutboxEvents, installationContingentPolicies } from "@kontor/api";
import { appendToOutbox, insertContract, loadContractAccount, saveContractAccount, type KontorTransaction } from "@kontor/db";
import { openAccount, parseContract, recordTimeEntries, type Contract, type ContractAccount, type TimeEntryInput } from "@kontor/contingent";
import { demoValue } from "./demo-result.js";
import { daysSoFarThisMonth, type DemoTimeline } from "./demo-timeline.js";

/** Id of Müller GmbH's demo contingent contract. */
export const DEMO_CONTRACT_ID = "demo-mueller-kontingent";

/** The ticket numbers the work was done for. */
export interface DemoWorkTickets {
  readonly onboarding: string;
  readonly printer: string;
  readonly vpn: string;
}

/** What the contingent part of the scenario created. */
export interface DemoContingent {
  readonly contractId: string;
  readonly timeEntries: number;
}

/**
 * Müller GmbH's contingent (C1, C2; seed 004 and the contingent README): 10 hours a month for
 * 950.00 EUR, deficit hours at 95.00 EUR, travel 45.00 EUR per trip, running since the 1st of
 * last month, so the month close has a finished month to bill and the current month has usage.
 */
function demoContract(customerId: string, startDate: string): Contract {
  return demoValue(
    parseContract({
      kind: "contingent",
      id: DEMO_CONTRACT_ID,
      customerId,
      startDate,
      terms: {
        purpose: "IT-Betreuung der Arbeitsplätze, Server und des Netzwerks",
        serviceHours: "Mo–Fr 08:00–17:00",
        responseTimes: [
          { priority: "critical", firstResponseBusinessMinutes: 60, resolutionBusinessMinutes: 480 },
          { priority: "high", firstResponseBusinessMinutes: 120 },
          { priority: "normal", firstResponseBusinessMinutes: 480 },
        ],
        backupResponsibility: "shared",
        rates: [
          { workType: "remote-support", description: "Fernwartung", hourlyRate: "95.00" },
          { workType: "on-site-service", description: "Vor-Ort-Service", hourlyRate: "110.00" },
        ],
        travel: { kind: "flat", feePerTrip: "45.00" },
        accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@kontor.demo", phone: "+49 221 987650" },
      },
      contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" },
    }),
    "the contingent contract",
  );
}

type Entry = Omit<TimeEntryInput, "contractId" | "technician">;

const remote = { workType: "remote-support", location: "remote", billable: true } as const;
const onSite = { workType: "on-site-service", location: "on-site", billable: true, travel: {} } as const;

/** Last month's work: the new workplace and the printer swap, one follow-up not billed (C5). */
function lastMonthEntries(timeline: DemoTimeline, tickets: DemoWorkTickets): Entry[] {
  const day = (n: number) => timeline.previousMonth(n);
  return [
    { ...remote, id: "demo-e01", workDate: day(3), rawMinutes: 90, ticketRef: tickets.onboarding, description: "Benutzerkonto, Postfach und VPN-Zugang angelegt" },
    { ...onSite, id: "demo-e02", workDate: day(8), rawMinutes: 120, ticketRef: tickets.printer, description: "Netzwerkdrucker 2. OG getauscht und eingerichtet" },
    {
      ...remote,
      id: "demo-e03",
      workDate: day(8),
      rawMinutes: 40,
      billable: false,
      justification: "Folgearbeit aus dem Druckertausch, im Festpreis des Austauschs enthalten",
      ticketRef: tickets.printer,
      description: "Druckertreiber auf allen Arbeitsplätzen aktualisiert",
    },
    { ...remote, id: "demo-e04", workDate: day(14), rawMinutes: 45, ticketRef: tickets.onboarding, description: "Softwareverteilung für den neuen Arbeitsplatz" },
    { ...onSite, id: "demo-e05", workDate: day(21), rawMinutes: 180, ticketRef: tickets.onboarding, description: "Notebook aufgebaut, Daten übernommen, Einweisung" },
  ];
}

/** This month's work so far: the VPN incident. */
function thisMonthEntries(timeline: DemoTimeline, tickets: DemoWorkTickets): Entry[] {
  const [first, second, third, fourth, fifth] = daysSoFarThisMonth(timeline, 5) as [string, string, string, string, string];
  return [
    { ...remote, id: "demo-e06", workDate: first, rawMinutes: 75, ticketRef: tickets.vpn, description: "VPN-Abbrüche analysiert, Protokolle des Gateways ausgewertet" },
    { ...onSite, id: "demo-e07", workDate: second, rawMinutes: 150, ticketRef: tickets.vpn, description: "VPN-Gateway vor Ort geprüft, Firmware aktualisiert" },
    { ...remote, id: "demo-e08", workDate: third, rawMinutes: 30, ticketRef: tickets.vpn, description: "Neuen VPN-Client an den Außendienst verteilt" },
    { ...remote, id: "demo-e09", workDate: fourth, rawMinutes: 105, ticketRef: tickets.vpn, description: "Rückfragen der Anwender zum neuen VPN-Client" },
    { ...remote, id: "demo-e10", workDate: fifth, rawMinutes: 60, ticketRef: tickets.vpn, description: "Verbindungstest mit dem Außendienst" },
  ];
}

/** Records one batch of entries at `asOf` the way `POST /v1/contracts/:id/time-entries` does (under the installation's contingent policies, P1). */
async function recordBatch(tx: KontorTransaction, contractId: string, entries: readonly TimeEntryInput[], asOf: Date): Promise<number> {
  const loaded = await loadContractAccount<ContractAccount>(tx, contractId, { forUpdate: true });
  if (loaded === undefined) throw new Error(`demo scenario: contract ${contractId} vanished`);
  const policies = await installationContingentPolicies(tx);
  const recorded = demoValue(recordTimeEntries(loaded.account, entries, { contract: loaded.row.contract as Contract, asOf: asOf.toISOString(), policies }), "the time entries");
  await saveContractAccount(tx, loaded.row, recorded.account, recorded.entries, asOf);
  await appendToOutbox(tx, contingentOutboxEvents(loaded.row.organizationId, recorded.events), asOf);
  return recorded.entries.length;
}

/**
 * Concludes the contingent and records ten time entries through `@kontor/contingent`: last
 * month's as the technician typed them on its last evening, this month's now. Last month
 * (7 h 15 min billable of 10 h) is ready for the month close; this month has 7 h used so far.
 */
export async function seedDemoContingent(tx: KontorTransaction, timeline: DemoTimeline, customerId: string, technician: string, tickets: DemoWorkTickets): Promise<DemoContingent> {
  const contract = demoContract(customerId, timeline.previousMonthStart);
  await insertContract(tx, { id: contract.id, organizationId: customerId, kind: contract.kind, contract, account: openAccount(contract) }, timeline.at(timeline.previousMonth(1), 9));
  const lastEvening = timeline.at(timeline.previousMonthEnd, 18);
  const byTechnician = (entries: readonly Entry[]): TimeEntryInput[] => entries.map((entry) => ({ ...entry, contractId: contract.id, technician }));
  const recorded =
    (await recordBatch(tx, contract.id, byTechnician(lastMonthEntries(timeline, tickets)), lastEvening)) +
    (await recordBatch(tx, contract.id, byTechnician(thisMonthEntries(timeline, tickets)), timeline.now));
  return { contractId: contract.id, timeEntries: recorded };
}
