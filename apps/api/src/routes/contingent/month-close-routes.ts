import { appendToOutbox, findMonthClose, insertMonthClose, saveContractAccount } from "@kontor/db";
import { closeMonth, closeMonthCommandSchema, type ClosedMonth } from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { conflict, ruleViolation } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationContingentPolicies } from "../installation-policies/domains/contingent-policy-domain.js";
import { contingentOutboxEvents } from "./contingent-outbox.js";
import { closedMonthSchema } from "./contingent-schemas.js";
import { contractOf, loadAccount, visibleContract } from "./contract-store.js";
import { storedUsageOfMonth, storeUsage, usageIssues } from "./usage-routes.js";

/**
 * Month close of one contract (C2–C9) on demand; the worker closes every contract at month end
 * with the same repository functions. A managed-services month bills its stored usage (C9):
 * the records of `POST /v1/contracts/:id/usage` plus any `usage` in the close body, which is
 * stored as records in the same transaction. The close runs under the installation's contingent
 * policies (P1: C4 correction trigger, oversized flag and warnings), read once in the transaction.
 */
export const monthCloseRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/contracts/:id/month-closes",
    {
      schema: {
        tags: ["contracts"],
        summary: "Close a month (C8): statement, service report, invoice lines; once per contract and month (a repeat answers 200 with the same record)",
        params: idParamsSchema,
        body: closeMonthCommandSchema,
        response: { 200: closedMonthSchema, 201: closedMonthSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const visible = await visibleContract(deps, request, request.params.id);
      const who = requireStaff(request, ["back-office", "admin"], "Contract");
      const now = deps.clock.now();
      const { month, usage } = request.body;
      const outcome = await deps.database.db.transaction(async (tx) => {
        const { row, account } = await loadAccount(tx, visible.id, { forUpdate: true });
        // Idempotent: a closed month is answered from its record, never billed again.
        const existing = await findMonthClose(tx, row.id, month);
        if (existing !== undefined) return { created: false, closed: existing.closed as ClosedMonth };
        const contract = contractOf(row);
        // P1, C4: the installation's stored policies, not the shipped defaults; a repeat above needs none.
        const policies = await installationContingentPolicies(tx);
        // C9: usage in the body is checked like POST /usage (kind, term, price list) before it is stored.
        if (usage.length > 0) {
          const issues = usageIssues(contract, usage, now, ["usage"]);
          if (issues.length > 0) throw ruleViolation(issues);
        }
        // C9: the body's usage first, so the package's paths (`usage.<index>`) name the body's records.
        const stored = await storedUsageOfMonth(tx, row.id, month);
        const result = unwrap(closeMonth(account, { month, usage: [...usage, ...stored] }, { contract, asOf: now.toISOString(), policies }));
        const record = await insertMonthClose(tx, { contractId: row.id, organizationId: row.organizationId, month, closed: result.closed }, now);
        if (record === undefined) throw conflict(`${month} of contract ${row.id} is being closed concurrently`, "MONTH_CLOSE_CONFLICT");
        // C9: the body's usage is kept like recorded usage; closeMonth has checked its contract and month.
        await storeUsage(tx, row, usage, who.userId, now);
        await saveContractAccount(tx, row, result.account, [], now);
        await appendToOutbox(tx, contingentOutboxEvents(row.organizationId, result.events), now);
        return { created: true, closed: result.closed };
      });
      return reply.status(outcome.created ? 201 : 200).send(asResponse(outcome.closed));
    },
  );
};
