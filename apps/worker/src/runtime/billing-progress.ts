import type { DatabaseHandle } from "@kontor/db";

/** How far month-end billing got: counts read straight from the tables (tests, benchmarks). */
export interface BillingProgress {
  readonly monthCloses: number;
  readonly serviceReports: number;
  readonly invoices: number;
  readonly finalizedInvoices: number;
  /** Contracts with exactly one invoice for a closed month. */
  readonly contractsWithOneInvoice: number;
  readonly pendingOutbox: number;
  readonly mailDeliveries: number;
  /** Finalized invoice numbers in number order. */
  readonly invoiceNumbers: readonly string[];
}

/** Reads the {@link BillingProgress} of the database. */
export async function billingProgress(database: DatabaseHandle): Promise<BillingProgress> {
  const count = async (sql: string): Promise<number> => Number((await database.query<{ n: string | number }>(sql)).rows[0]?.n ?? 0);
  const numbers = await database.query<{ number: string }>("SELECT number FROM invoices WHERE number IS NOT NULL ORDER BY number");
  return {
    monthCloses: await count("SELECT count(*) AS n FROM contingent_month_closes"),
    serviceReports: await count("SELECT count(*) AS n FROM service_reports"),
    invoices: await count("SELECT count(*) AS n FROM invoices"),
    finalizedInvoices: await count("SELECT count(*) AS n FROM invoices WHERE status = 'finalized'"),
    contractsWithOneInvoice: await count(
      "SELECT count(*) AS n FROM (SELECT source_key FROM invoices WHERE source_key LIKE 'contingent:%' GROUP BY source_key HAVING count(*) = 1) AS once",
    ),
    pendingOutbox: await count("SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL"),
    mailDeliveries: await count("SELECT count(*) AS n FROM mail_deliveries"),
    invoiceNumbers: numbers.rows.map((row) => row.number),
  };
}
