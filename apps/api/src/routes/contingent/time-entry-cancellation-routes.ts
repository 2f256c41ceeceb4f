import { appendToOutbox, findRecordedEntryIds, replaceTimeEntry, saveContractAccount } from "@kontor/db";
import { cancelTimeEntry, ledgerPostingSchema, timeEntryCancellationSchema } from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { installationContingentPolicies } from "../installation-policies/domains/contingent-policy-domain.js";
import { contingentOutboxEvents } from "./contingent-outbox.js";
import { contingentEventSchema, timeEntrySchema } from "./contingent-schemas.js";
import { contractOf, loadAccount, visibleContract } from "./contract-store.js";

const paramsSchema = z.object({ id: z.string().min(1).max(100), entryId: z.string().min(1).max(64) });
const bodySchema = timeEntryCancellationSchema.omit({ entryId: true });

/**
 * C6: cancelling a mistyped time entry of an open month, by whoever may record entries. The
 * entry stays listed, marked `cancelled` with the reason; the month close never reports or bills
 * it, and a contingent gets its billed minutes back by an `entry-cancelled` adjustment dated today.
 */
export const timeEntryCancellationRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/contracts/:id/time-entries/:entryId/cancellation",
    {
      schema: {
        tags: ["contracts"],
        summary: "Cancel a mistyped time entry of an open month, with a reason (C6); record the right one under a new id",
        description:
          "An entry of a closed month is 422 `C6_ENTRY_NOT_OPEN` (C8: book a manual adjustment instead), one cancelled already 422 `C6_ENTRY_CANCELLED`; " +
          "an entry the contract never recorded is 404.",
        params: paramsSchema,
        body: bodySchema,
        response: {
          200: z.object({ entry: timeEntrySchema, posting: ledgerPostingSchema.nullable(), events: z.array(contingentEventSchema) }),
          ...standardErrorResponses,
        },
      },
    },
    async (request) => {
      const visible = await visibleContract(deps, request, request.params.id);
      requireAccess(request, "ticket:work", { organizationId: visible.organizationId }, "Contract");
      const { entryId } = request.params;
      const now = deps.clock.now();
      return deps.database.db.transaction(async (tx) => {
        const { row, account } = await loadAccount(tx, visible.id, { forUpdate: true });
        if ((await findRecordedEntryIds(tx, row.id, [entryId])).length === 0) throw notFound(`Time entry ${entryId} of contract ${row.id}`);
        const policies = await installationContingentPolicies(tx);
        const value = unwrap(cancelTimeEntry(account, { entryId, reason: request.body.reason }, { contract: contractOf(row), asOf: now.toISOString(), policies }));
        await saveContractAccount(tx, row, value.account, [], now);
        await replaceTimeEntry(tx, row.id, value.entry);
        await appendToOutbox(tx, contingentOutboxEvents(row.organizationId, value.events), now);
        return asResponse({ entry: value.entry, posting: value.posting, events: value.events });
      });
    },
  );
};
