import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { organizations } from "../schema/core.js";
import { licenses } from "../schema/licensing.js";
import type { LicenseRow } from "./licenses.js";

/** A license whose current term ends in the asked range, with its organization's record. */
export interface LicenseEndingInRange {
  readonly license: LicenseRow;
  /** The organization's stored record (`@kontor/ticketing`'s `Organization`). */
  readonly organization: unknown;
  /** `record.term.to`: the day after the last covered day (L15). */
  readonly termEnd: string;
}

/**
 * Licenses whose current maintenance or subscription term (`record.term`, L15) ends on a day
 * in `[fromDay, toDay]` (ISO dates, inclusive), oldest first. Licenses without a term
 * (perpetual without maintenance data) are not listed.
 */
export async function listLicensesEndingBetween(executor: Executor, fromDay: string, toDay: string): Promise<LicenseEndingInRange[]> {
  const termEnd = sql<string>`${licenses.record} -> 'term' ->> 'to'`;
  const rows = await executor
    .select({ license: licenses, organization: organizations.record, termEnd })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(and(sql`${termEnd} >= ${fromDay}`, sql`${termEnd} <= ${toDay}`))
    .orderBy(asc(licenses.createdAt), asc(licenses.id));
  return rows;
}
