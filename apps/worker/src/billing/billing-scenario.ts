import { openAccount, parseContract, previousMonth, recordTimeEntries, type ContractInput, type TimeEntryInput } from "@kontor/contingent";
import { schema, type DatabaseHandle, type KontorTransaction } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";
import { DateTime } from "luxon";

/** What {@link seedBillingScenario} stored. */
export interface BillingScenario {
  /** The month every contract can close at `now` (the month before `now` in Europe/Berlin). */
  readonly month: string;
  readonly organizationIds: readonly string[];
  readonly contractIds: readonly string[];
  /** The mail address each organization receives its service reports and invoices at, by organization id. */
  readonly recipients: ReadonlyMap<string, string>;
}

/** Zone of the scenario's contracts and month ends (P2). */
const SCENARIO_ZONE = "Europe/Berlin";
/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters. */
const BATCH_ROWS = 500;

/**
 * Every contract of the scenario: seed 004's contingent of 10 hours (600 minutes) a month for
 * 950.00 EUR, deficits at 95.00 EUR per hour (C2, C4), starting in `month`.
 */
function contractInput(id: string, customerId: string, month: string): ContractInput {
  return {
    kind: "contingent",
    id,
    customerId,
    startDate: `${month}-01`,
    zone: SCENARIO_ZONE,
    terms: {
      backupResponsibility: "customer",
      rates: [{ workType: "remote-support", description: "Remote support", hourlyRate: "95.00" }],
      travel: { kind: "flat", feePerTrip: "45.00" },
      accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@meinsystemhaus.de" },
    },
    contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" },
  };
}

/**
 * The month's work of every contract (C5, C6): 95 raw minutes billed as 105 (15-minute steps,
 * rounded up), a non-billable 30 minutes with its justification, and 240 minutes on the last
 * day of the month — 345 billed minutes, so 255 of the 600 carry over (C2).
 */
function entryInputs(contractId: string, month: string, lastDay: string): TimeEntryInput[] {
  const common = { contractId, technician: "S. Wassmann", workType: "remote-support", location: "remote" } as const;
  return [
    { ...common, id: "e1", workDate: `${month}-04`, rawMinutes: 95, ticketRef: "T-2026-000101-3", billable: true, description: "Drucker im Empfang eingerichtet" },
    {
      ...common,
      id: "e2",
      workDate: `${month}-12`,
      rawMinutes: 30,
      ticketRef: "T-2026-000102-1",
      billable: false,
      justification: "Nacharbeit eigener Fehler",
      description: "VPN-Profil erneut verteilt",
    },
    { ...common, id: "e3", workDate: lastDay, rawMinutes: 240, ticketRef: "T-2026-000103-9", billable: true, description: "Monatsabschluss Backup-Prüfung" },
  ];
}

function organization(index: number): Organization {
  const number = String(index).padStart(5, "0");
  return {
    id: `org-billing-${number}`,
    name: `Kunde ${number} GmbH`,
    address: { street: `Hohenzollernring ${index}`, postalCode: "50672", city: "Köln", country: "DE" },
    branches: [],
    billing: "central",
    serviceReportRecipient: `buchhaltung@kunde-${number}.example`,
    newTicketRecipients: [],
    statusChangeRecipients: [],
    initialInventoryWanted: false,
    documentation: "existing",
    mailDomains: [`kunde-${number}.example`],
    calendarId: "DE-NW",
    zone: SCENARIO_ZONE,
  };
}

async function insertInBatches<Row>(rows: readonly Row[], insert: (batch: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) await insert(rows.slice(start, start + BATCH_ROWS));
}

async function insertScenario(
  tx: KontorTransaction,
  rows: {
    organizations: (typeof schema.organizations.$inferInsert)[];
    contracts: (typeof schema.contingentContracts.$inferInsert)[];
    entries: (typeof schema.contingentTimeEntries.$inferInsert)[];
  },
): Promise<void> {
  await insertInBatches(rows.organizations, (batch) => tx.insert(schema.organizations).values(batch));
  await insertInBatches(rows.contracts, (batch) => tx.insert(schema.contingentContracts).values(batch));
  await insertInBatches(rows.entries, (batch) => tx.insert(schema.contingentTimeEntries).values(batch));
}

/**
 * Test and benchmark data for month-end billing: `contracts` customer organizations, each with
 * one contingent contract (600 minutes for 950.00 EUR a month) that started in the month before
 * `now` (Europe/Berlin) and has that month's time entries recorded, so the month-close job at
 * `now` closes exactly one month per contract: net 950.00, VAT 180.50, gross 1,130.50 EUR, 255
 * minutes carried over. The entries go through `recordTimeEntries` (C5, C6) like the API's; the
 * rows are written in batched INSERTs (500 rows each) in one transaction: 10,000 contracts
 * take about 20 s on PostgreSQL, mostly inserting 30,000 entries.
 */
export async function seedBillingScenario(database: DatabaseHandle, options: { readonly contracts: number; readonly now: Date }): Promise<BillingScenario> {
  const local = DateTime.fromJSDate(options.now, { zone: SCENARIO_ZONE });
  const month = previousMonth(local.toFormat("yyyy-MM"));
  const lastDay = DateTime.fromISO(`${month}-01`, { zone: SCENARIO_ZONE }).endOf("month");
  // The entries are typed in on the month's last evening, before the month ends.
  const recordedAt = lastDay.set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
  const createdAt = recordedAt.toJSDate();
  const rows = { organizations: [] as (typeof schema.organizations.$inferInsert)[], contracts: [] as (typeof schema.contingentContracts.$inferInsert)[], entries: [] as (typeof schema.contingentTimeEntries.$inferInsert)[] };
  const recipients = new Map<string, string>();
  const contractIds: string[] = [];
  for (let index = 1; index <= options.contracts; index += 1) {
    const customer = organization(index);
    recipients.set(customer.id, customer.serviceReportRecipient);
    rows.organizations.push({ id: customer.id, name: customer.name, record: customer, createdAt, updatedAt: createdAt });
    const parsed = parseContract(contractInput(`ct-billing-${String(index).padStart(5, "0")}`, customer.id, month));
    if (!parsed.ok) throw new Error(`Scenario contract invalid: ${parsed.errors.map((issue) => issue.message).join("; ")}`);
    const contract = parsed.value;
    const recorded = recordTimeEntries(openAccount(contract), entryInputs(contract.id, month, lastDay.toISODate() ?? `${month}-28`), { contract, asOf: recordedAt });
    if (!recorded.ok) throw new Error(`Scenario entries invalid: ${recorded.errors.map((issue) => issue.message).join("; ")}`);
    const { entries, ...account } = recorded.value.account;
    contractIds.push(contract.id);
    rows.contracts.push({ id: contract.id, organizationId: customer.id, kind: contract.kind, contract, account, firstOpenMonth: account.firstOpenMonth, createdAt, updatedAt: createdAt });
    for (const entry of entries) {
      rows.entries.push({
        contractId: contract.id,
        organizationId: customer.id,
        entryId: entry.id,
        workDate: entry.workDate,
        bookingMonth: entry.bookingMonth,
        billable: entry.billable,
        billedMinutes: entry.billedMinutes,
        entry,
        createdAt,
      });
    }
  }
  await database.db.transaction((tx) => insertScenario(tx, rows));
  return { month, organizationIds: rows.organizations.map((row) => row.id), contractIds, recipients };
}
