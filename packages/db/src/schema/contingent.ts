import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { organizations } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Contracts of every C1 kind: `contract` is `@kontor/contingent`'s parsed `Contract`, `account`
 * its `ContractAccount` without the open entries (those are rows of {@link contingentTimeEntries}).
 */
export const contingentContracts = pgTable(
  "contingent_contracts",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull(),
    contract: jsonb("contract").notNull(),
    account: jsonb("account").notNull(),
    firstOpenMonth: text("first_open_month").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("contingent_contracts_created_idx").on(t.createdAt, t.id),
    index("contingent_contracts_organization_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);

/** Recorded time entries (C5, C6): `entry` is a `TimeEntry`; the sequence-made `id` sorts in recording order. */
export const contingentTimeEntries = pgTable(
  "contingent_time_entries",
  {
    id: text("id")
      .primaryKey()
      .default(sql`('te-' || lpad(nextval('contingent_time_entries_id_seq')::text, 16, '0'))`),
    contractId: text("contract_id")
      .notNull()
      .references(() => contingentContracts.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    entryId: text("entry_id").notNull(),
    workDate: text("work_date").notNull(),
    bookingMonth: text("booking_month").notNull(),
    billable: boolean("billable").notNull(),
    billedMinutes: integer("billed_minutes").notNull(),
    entry: jsonb("entry").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    unique("contingent_time_entries_contract_id_entry_id_key").on(t.contractId, t.entryId),
    index("contingent_time_entries_open_idx").on(t.contractId, t.bookingMonth, t.id),
    index("contingent_time_entries_list_idx").on(t.contractId, t.createdAt, t.id),
  ],
);

/** Closed months (C8): `closed` is the `ClosedMonth` record; one per contract and month. */
export const contingentMonthCloses = pgTable(
  "contingent_month_closes",
  {
    id: text("id").primaryKey(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contingentContracts.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    month: text("month").notNull(),
    closed: jsonb("closed").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    unique("contingent_month_closes_contract_id_month_key").on(t.contractId, t.month),
    index("contingent_month_closes_organization_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);
