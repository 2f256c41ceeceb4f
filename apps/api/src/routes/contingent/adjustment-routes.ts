import { appendToOutbox, saveContractAccount } from "@kontor/db";
import { adjustBalance, adjustmentInputSchema, ledgerPostingSchema } from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationContingentPolicies } from "../installation-policies/domains/contingent-policy-domain.js";
import { contingentOutboxEvents } from "./contingent-outbox.js";
import { contingentEventSchema } from "./contingent-schemas.js";
import { contractOf, loadAccount, visibleContract } from "./contract-store.js";

/**
 * Manual adjustments of a contingent's balance (C7: the account manager's booking with a reason,
 * shown on the statement). Account managers and admins, as for contracts; a closed month never
 * changes (C8), so a date before the first open month is 422 `C7_MONTH_CLOSED`.
 */
export const adjustmentRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/contracts/:id/adjustments",
    {
      schema: {
        tags: ["contracts"],
        summary: "Book a manual adjustment of a contingent's balance with its reason (C7)",
        params: idParamsSchema,
        body: adjustmentInputSchema,
        response: { 201: z.object({ posting: ledgerPostingSchema, events: z.array(contingentEventSchema) }), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const visible = await visibleContract(deps, request, request.params.id);
      requireStaff(request, ["account-manager", "admin"], "Contracts");
      const now = deps.clock.now();
      const booked = await deps.database.db.transaction(async (tx) => {
        const { row, account } = await loadAccount(tx, visible.id, { forUpdate: true });
        // P1: every contingent command runs under the installation's policies, read once per request.
        const policies = await installationContingentPolicies(tx);
        const value = unwrap(adjustBalance(account, request.body, { contract: contractOf(row), asOf: now.toISOString(), policies }));
        await saveContractAccount(tx, row, value.account, [], now);
        await appendToOutbox(tx, contingentOutboxEvents(row.organizationId, value.events), now);
        return { posting: value.posting, events: value.events };
      });
      return reply.status(201).header("location", `/v1/contracts/${encodeURIComponent(visible.id)}/statement`).send(asResponse(booked));
    },
  );
};
