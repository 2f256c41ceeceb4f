import { listMonthCloses } from "@kontor/db";
import {
  consumptionRange,
  consumptionSeries,
  MAX_CONSUMPTION_MONTHS,
  minutesToHours,
  monthKeySchema,
  previousMonth,
  type ClosedMonth,
  type ConsumptionPoint,
  type Result,
} from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { fieldError, ProblemError } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationContingentPolicies } from "../installation-policies/domains/contingent-policy-domain.js";
import { contractOf, loadAccount, visibleContract } from "./contract-store.js";

/** One month of the series: `ConsumptionPoint` plus its minutes as exact hour strings for labels. */
const consumptionPointSchema = z
  .object({
    month: monthKeySchema,
    status: z.enum(["closed", "open"]).describe("closed: the month's closed record, final; open: the ledger so far, may still change"),
    through: z.string().describe("The last day counted: the month's last day, or today's local day in the current month"),
    openingMinutes: z.int(),
    creditMinutes: z.int().describe("C2: the monthly credit"),
    chargedMinutes: z.int().describe("Work charged to the month: its billable entries, back-dated ones included"),
    adjustmentMinutes: z.int().describe("Manual adjustments (C7) and the C4 correction credit"),
    correctionMinutes: z.int().describe("C4: the deficit billed by a correction invoice and credited back"),
    closingMinutes: z.int().describe("opening + credit − charged + adjustment; the next month's opening"),
    openingHours: z.string(),
    creditHours: z.string(),
    chargedHours: z.string(),
    adjustmentHours: z.string(),
    closingHours: z.string().describe('Exact hours, e.g. "12.5"'),
  })
  .meta({ id: "ConsumptionPoint" });

/** `ConsumptionSeries` (K13): a contingent's consumption month by month, for a chart. */
export const consumptionSeriesSchema = z
  .object({
    contractId: z.string(),
    date: z.string().describe("Today's local day in the contract's zone"),
    from: monthKeySchema,
    to: monthKeySchema.describe("As asked, or the current month"),
    monthlyMinutes: z.int().describe("C2: the monthly credit, a reference line"),
    points: z.array(consumptionPointSchema).describe("One per month in month order; months before the contract's start or after the current month are left out"),
  })
  .meta({ id: "ConsumptionSeries" });

const RANGE_FIELDS: ReadonlySet<PropertyKey> = new Set(["from", "to"]);

/**
 * The domain value, or 422 with the rule codes (like `unwrap`), where range errors name the query
 * field (`query.to`) and any other names the contract of the path (`params.id`).
 */
function orRuleViolation<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ProblemError(422, "rule-violation", "Unprocessable Content", {
    detail: result.errors.map((issue) => issue.message).join("; "),
    ...(result.errors[0] === undefined ? {} : { code: result.errors[0].code }),
    errors: result.errors.map((issue) =>
      RANGE_FIELDS.has(issue.path[0] ?? "") ? fieldError("query", issue.path, issue.code, issue.message) : fieldError("params", ["id"], issue.code, issue.message),
    ),
  });
}

function withHours(point: ConsumptionPoint) {
  return {
    ...point,
    openingHours: minutesToHours(point.openingMinutes),
    creditHours: minutesToHours(point.creditMinutes),
    chargedHours: minutesToHours(point.chargedMinutes),
    adjustmentHours: minutesToHours(point.adjustmentMinutes),
    closingHours: minutesToHours(point.closingMinutes),
  };
}

/** A contingent's consumption over months (K13, C7): the data of the customer's chart. */
export const consumptionRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/contracts/:id/consumption",
    {
      schema: {
        tags: ["contracts"],
        summary: `K13: a contingent's consumption month by month (at most ${String(MAX_CONSUMPTION_MONTHS)} months), closed months from their records, the current month up to today`,
        params: idParamsSchema,
        querystring: z.object({
          from: monthKeySchema.describe("First month, YYYY-MM"),
          to: monthKeySchema.optional().describe("Last month, YYYY-MM; default the current month in the contract's zone"),
        }),
        response: { 200: consumptionSeriesSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      // K10: exactly as the statement: another organization's contract is 404, so is a reporter's read.
      const visible = await visibleContract(deps, request, request.params.id);
      requireAccess(request, "contingent:read", { organizationId: visible.organizationId }, "Contract");
      const asOf = deps.clock.now().toISOString(); // P2: the clock is read here, never in the domain
      const { row, account } = await loadAccount(deps.database.db, visible.id);
      const contract = contractOf(row);
      // P1: the installation's contingent policies, like every other contingent command.
      const context = { contract, asOf, policies: await installationContingentPolicies(deps.database.db) };
      const range = orRuleViolation(consumptionRange(request.query, context));
      // Only the range's months before the account's first open month need their records (one
      // query); open months come from the account. Those records are final (C8), so reading them
      // after the account cannot mix two states of the books.
      const lastClosed = previousMonth(account.firstOpenMonth);
      const through = range.to < lastClosed ? range.to : lastClosed;
      const rows = range.from <= through ? await listMonthCloses(deps.database.db, row.id, range.from, through) : [];
      const series = orRuleViolation(consumptionSeries(account, rows.map((item) => item.closed as ClosedMonth), range, context));
      return asResponse({ ...series, points: series.points.map(withHours) });
    },
  );
};
