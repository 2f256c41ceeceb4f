import { appendToOutbox, findMonthClose, insertMonthClose, saveContractAccount } from "@kontor/db";
import { closeMonth, closeMonthCommandSchema, type ClosedMonth } from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { conflict } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { contingentOutboxEvents } from "./contingent-outbox.js";
import { closedMonthSchema } from "./contingent-schemas.js";
import { contractOf, loadAccount, visibleContract } from "./contract-store.js";

/**
 * Month close of one contract (C2–C9) on demand; the worker closes every contract at month end
 * with the same repository functions.
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
      requireStaff(request, ["back-office", "admin"], "Contract");
      const now = deps.clock.now();
      const { month } = request.body;
      const outcome = await deps.database.db.transaction(async (tx) => {
        const { row, account } = await loadAccount(tx, visible.id, { forUpdate: true });
        // Idempotent: a closed month is answered from its record, never billed again.
        const existing = await findMonthClose(tx, row.id, month);
        if (existing !== undefined) return { created: false, closed: existing.closed as ClosedMonth };
        const result = unwrap(closeMonth(account, request.body, { contract: contractOf(row), asOf: now.toISOString() }));
        const stored = await insertMonthClose(tx, { contractId: row.id, organizationId: row.organizationId, month, closed: result.closed }, now);
        if (stored === undefined) throw conflict(`${month} of contract ${row.id} is being closed concurrently`, "MONTH_CLOSE_CONFLICT");
        await saveContractAccount(tx, row, result.account, [], now);
        await appendToOutbox(tx, contingentOutboxEvents(row.organizationId, result.events), now);
        return { created: true, closed: result.closed };
      });
      return reply.status(outcome.created ? 201 : 200).send(asResponse(outcome.closed));
    },
  );
};
