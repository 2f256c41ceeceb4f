import { findMonthClose } from "@kontor/db";
import { minutesToHours, monthOf, statementAsOf, type ClosedMonth } from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime } from "luxon";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema, instantSchema } from "../../http/route-schemas.js";
import { installationContingentPolicies } from "../installation-policies/domains/contingent-policy-domain.js";
import { balanceStatementSchema } from "./contingent-schemas.js";
import { contractOf, loadAccount, visibleContract } from "./contract-store.js";

/** The month of `asOf` in `zone`: which closed-month record the statement may need. */
function localMonth(asOf: string, zone: string): string | undefined {
  const date = DateTime.fromISO(asOf, { setZone: true }).setZone(zone).toISODate();
  return date === null ? undefined : monthOf(date);
}

/** The contingent balance on any day (C7). */
export const statementRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/contracts/:id/statement",
    {
      schema: {
        tags: ["contracts"],
        summary: "C7: the contingent balance at the end of the local day of asOf, with the month-to-date postings",
        params: idParamsSchema,
        querystring: z.object({ asOf: instantSchema.optional().describe("ISO 8601 instant with offset; default now (P2)") }),
        response: { 200: balanceStatementSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const visible = await visibleContract(deps, request, request.params.id);
      requireAccess(request, "contingent:read", { organizationId: visible.organizationId }, "Contract");
      const asOf = request.query.asOf ?? deps.clock.now().toISOString();
      const { row, account } = await loadAccount(deps.database.db, visible.id);
      const contract = contractOf(row);
      // A day in a closed month is read from that month's record; open months from the account.
      const month = localMonth(asOf, contract.zone);
      const closed = month !== undefined && month < account.firstOpenMonth ? await findMonthClose(deps.database.db, row.id, month) : undefined;
      const history = closed === undefined ? [] : [closed.closed as ClosedMonth];
      // P1: the installation's contingent policies, like every other contingent command.
      const policies = await installationContingentPolicies(deps.database.db);
      const statement = unwrap(statementAsOf(account, history, { contract, asOf, policies }));
      return asResponse({ ...statement, balanceHours: minutesToHours(statement.balanceMinutes) });
    },
  );
};
