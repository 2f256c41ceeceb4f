import { insertUsageRecords, listUsageRecords, usageRecordsOfMonth, type ContractRow, type Executor, type UsageRecordRow } from "@kontor/db";
import { firstDayOf, meterSchema, monthKeySchema, monthOf, policyInForce, usageRecordInputSchema, type Contract, type UsageRecordInput } from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime } from "luxon";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess, requireStaff } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { fieldError, forbidden, ProblemError, ruleViolation } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema, instantSchema } from "../../http/route-schemas.js";
import { contractOf, loadAccount, visibleContract } from "./contract-store.js";

// The contract comes from the path; a record cannot name another one.
const usageInputSchema = usageRecordInputSchema.omit({ contractId: true });
const recordBodySchema = z.object({ records: z.array(usageInputSchema).min(1).max(500) });

/** A stored usage record (C9) as the API answers it. */
export const usageRecordSchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    organizationId: z.string(),
    month: monthKeySchema,
    meter: meterSchema,
    quantity: z.string().describe('P3: an exact, non-negative decimal string, e.g. "1250.5"'),
    source: z.string(),
    recordedBy: z.string().describe("The user who recorded it"),
    recordedAt: instantSchema,
  })
  .meta({ id: "UsageRecord" });

/** One C9 refusal of a usage record, its path relative to the request body. */
interface UsageIssue {
  readonly code: string;
  readonly message: string;
  readonly path: readonly PropertyKey[];
}

/** The month of `now` in the contract's zone (P2: the caller's clock, never the system's). */
function currentMonthOf(contract: Contract, now: Date): string {
  return DateTime.fromJSDate(now, { zone: contract.zone }).toFormat("yyyy-MM");
}

/**
 * C9 checks of usage records before they are stored, each refusal naming its field under `at`
 * (`["records"]` for the usage body, `["usage"]` for a month close): only a managed-services
 * contract meters usage; the month must lie within the contract term and have begun in the
 * contract's zone; and the price list version in force on the month's 1st (P1, chosen by
 * `policyInForce` of `@kontor/contingent` exactly as the close prices it) must price the meter.
 * Closed months are the caller's check (409), under the contract's row lock.
 */
export function usageIssues(contract: Contract, records: readonly Pick<UsageRecordInput, "month" | "meter">[], now: Date, at: readonly PropertyKey[]): UsageIssue[] {
  if (contract.kind !== "managed-services") {
    // C9: only managed services are billed pay-per-use; the close of any other kind ignores usage.
    return [{ code: "C9_NOT_PAY_PER_USE", message: `Contract ${contract.id} is a ${contract.kind} contract; only managed-services contracts meter usage`, path: at }];
  }
  const startMonth = monthOf(contract.startDate);
  const endMonth = contract.endDate === null ? undefined : monthOf(contract.endDate);
  const currentMonth = currentMonthOf(contract, now);
  const issues: UsageIssue[] = [];
  records.forEach((record, index) => {
    const path = [...at, index];
    if (record.month < startMonth || (endMonth !== undefined && record.month > endMonth)) {
      issues.push({ code: "C1_OUTSIDE_CONTRACT_TERM", message: `${record.month} is outside the term of contract ${contract.id}`, path: [...path, "month"] });
      return;
    }
    if (record.month > currentMonth) {
      issues.push({ code: "C9_MONTH_NOT_STARTED", message: `${record.month} has not begun in ${contract.zone}; usage is metered for months that have`, path: [...path, "month"] });
      return;
    }
    const version = policyInForce(contract.priceList, firstDayOf(record.month), "priceList");
    if (!version.ok) {
      issues.push({ code: "C9_NO_PRICE_LIST", message: `No price list of contract ${contract.id} is in force on ${firstDayOf(record.month)}`, path: [...path, "month"] });
    } else if (!version.value.prices.some((price) => price.meter === record.meter)) {
      issues.push({ code: "C9_UNKNOWN_METER", message: `The price list in force in ${record.month} has no price for ${record.meter}`, path: [...path, "meter"] });
    }
  });
  return issues;
}

/** 409 naming each record of a month the contract has closed already (C8: a closed month never changes). */
function closedMonthConflict(records: readonly Pick<UsageRecordInput, "month">[], firstOpenMonth: string, at: readonly PropertyKey[]): ProblemError | undefined {
  const errors = records.flatMap((record, index) =>
    record.month < firstOpenMonth ? [fieldError("body", [...at, index, "month"], "C8_MONTH_CLOSED", `${record.month} is closed; the first open month is ${firstOpenMonth}`)] : [],
  );
  if (errors.length === 0) return undefined;
  return new ProblemError(409, "conflict", "Conflict", { detail: errors.map((error) => error.message).join("; "), code: "C8_MONTH_CLOSED", errors });
}

/**
 * Stores usage records of a locked contract row (C9) in one statement, recorded by `recordedBy`
 * at `now`. Call it in the transaction that loaded the account with `forUpdate` and checked
 * the records ({@link usageIssues}, open months).
 */
export async function storeUsage(
  executor: Executor,
  row: Pick<ContractRow, "id" | "organizationId">,
  records: readonly Omit<UsageRecordInput, "contractId">[],
  recordedBy: string,
  now: Date,
): Promise<UsageRecordRow[]> {
  return insertUsageRecords(
    executor,
    records.map((record) => ({ contractId: row.id, organizationId: row.organizationId, month: record.month, meter: record.meter, quantity: record.quantity, source: record.source, recordedBy })),
    now,
  );
}

/** A contract month's stored usage as `closeMonth`'s `usage` (C9). */
export async function storedUsageOfMonth(executor: Executor, contractId: string, month: string): Promise<UsageRecordInput[]> {
  const rows = await usageRecordsOfMonth(executor, contractId, month);
  // The meter was checked against the price list before it was stored; closeMonth checks again.
  return rows.map((row) => ({ contractId: row.contractId, month: row.month, meter: row.meter as UsageRecordInput["meter"], quantity: row.quantity, source: row.source }));
}

function toUsageResponse(row: UsageRecordRow): z.infer<typeof usageRecordSchema> {
  return {
    id: row.id,
    contractId: row.contractId,
    organizationId: row.organizationId,
    month: row.month,
    meter: row.meter as z.infer<typeof meterSchema>,
    quantity: row.quantity,
    source: row.source,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/**
 * Metered usage of managed-services contracts (C9): recorded by the back office per month and
 * meter, billed by the month close with the price list in force (API and worker alike).
 */
export const usageRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/contracts/:id/usage",
    {
      schema: {
        tags: ["contracts"],
        summary: "C9: record metered usage of a managed-services contract (1–500 records, all or none); the month close bills it",
        params: idParamsSchema,
        body: recordBodySchema,
        response: { 201: z.object({ records: z.array(usageRecordSchema) }), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const visible = await visibleContract(deps, request, request.params.id);
      if (principal(request).actor.kind === "portal") {
        // K10: a customer's user who may read the contract learns that recording is not theirs (403); a reporter gets 404.
        requireAccess(request, "contract:read", { organizationId: visible.organizationId }, "Contract");
        throw forbidden("record usage");
      }
      const who = requireStaff(request, ["back-office", "admin"], "Contract");
      const now = deps.clock.now();
      const { records } = request.body;
      const stored = await deps.database.db.transaction(async (tx) => {
        // The row lock serializes this with a concurrent month close of the contract (C8).
        const { row, account } = await loadAccount(tx, visible.id, { forUpdate: true });
        const issues = usageIssues(contractOf(row), records, now, ["records"]);
        if (issues.length > 0) throw ruleViolation(issues);
        const closed = closedMonthConflict(records, account.firstOpenMonth, ["records"]);
        if (closed !== undefined) throw closed;
        return storeUsage(tx, row, records, who.userId, now);
      });
      return reply.status(201).send({ records: stored.map(toUsageResponse) });
    },
  );

  app.get(
    "/v1/contracts/:id/usage",
    {
      schema: {
        tags: ["contracts"],
        summary: "C9: the contract's usage records in recording order, closed months included",
        params: idParamsSchema,
        querystring: pageQuerySchema.extend({ month: monthKeySchema.optional().describe("Only this month's records (YYYY-MM)") }),
        response: { 200: pageSchema(usageRecordSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleContract(deps, request, request.params.id);
      requireAccess(request, "contract:read", { organizationId: row.organizationId }, "Contract");
      const page = await listUsageRecords(deps.database.db, row.id, { limit: request.query.limit, after: decodeCursor(request.query.cursor), month: request.query.month });
      return toPageBody(page, toUsageResponse);
    },
  );
};
