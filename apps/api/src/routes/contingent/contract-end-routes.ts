import { replaceContract } from "@kontor/db";
import { contractEndInputSchema, setContractEnd } from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { contractResponseSchema } from "./contingent-schemas.js";
import { contractOf, loadAccount, toContractResponse, visibleContract } from "./contract-store.js";

/**
 * C1: a contract's end — a termination, a moved end, or `null` to let it run on. Account managers
 * and admins, as for concluding it. The contract row stays locked while `setContractEnd` reads
 * its open books, so a time entry or month close running at the same time cannot slip past the
 * check. The months after the end get no credit, contingent line or rent; the worker stops
 * closing them once nothing is open.
 */
export const contractEndRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.put(
    "/v1/contracts/:id/end-date",
    {
      schema: {
        tags: ["contracts"],
        summary: "End a contract on a day, move its end, or let it run on with `null` (C1); account managers and admins",
        description:
          "Every day that changes sides must lie in an open month: 422 `C1_TERM_IN_CLOSED_MONTH` (the earliest end is the last day of the last closed month). " +
          "An end before the start is 422 `C1_END_BEFORE_START`; open time entries worked after the new end, or a monthly credit already posted for a later month, are 422 `C1_BOOKED_AFTER_END`. " +
          "All name `body.endDate`. Setting the end the contract has already changes nothing.",
        params: idParamsSchema,
        body: contractEndInputSchema,
        response: { 200: contractResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const visible = await visibleContract(deps, request, request.params.id);
      requireStaff(request, ["account-manager", "admin"], "Contracts");
      const row = await deps.database.db.transaction(async (tx) => {
        const loaded = await loadAccount(tx, visible.id, { forUpdate: true });
        const contract = contractOf(loaded.row);
        const ended = unwrap(setContractEnd(contract, loaded.account, request.body));
        return ended === contract ? loaded.row : replaceContract(tx, loaded.row.id, ended, deps.clock.now());
      });
      return asResponse(toContractResponse(row));
    },
  );
};
