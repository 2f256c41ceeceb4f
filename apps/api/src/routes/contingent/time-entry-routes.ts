import { appendToOutbox, findRecordedEntryIds, listTimeEntries, saveContractAccount } from "@kontor/db";
import { recordTimeEntries, timeEntryInputSchema, type TimeEntry } from "@kontor/contingent";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { ruleViolation } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationContingentPolicies } from "../installation-policies/domains/contingent-policy-domain.js";
import { contingentOutboxEvents } from "./contingent-outbox.js";
import { contingentEventSchema, timeEntrySchema } from "./contingent-schemas.js";
import { contractOf, loadAccount, visibleContract } from "./contract-store.js";

// The contract comes from the path; an entry cannot name another one.
const entryInputSchema = timeEntryInputSchema.omit({ contractId: true });
const recordBodySchema = z.object({ entries: z.array(entryInputSchema).min(1).max(500) });

/**
 * Time entries of a contract (C5, C6): recorded all or none, billed by the installation's time
 * billing policy in force on each entry's work date (P1), its C4 warnings by its contingent policy.
 */
export const timeEntryRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/contracts/:id/time-entries",
    {
      schema: {
        tags: ["contracts"],
        summary: "Record time entries (C5 billable or justified non-billable, C6 increments and work-date months)",
        params: idParamsSchema,
        body: recordBodySchema,
        response: { 201: z.object({ entries: z.array(timeEntrySchema), events: z.array(contingentEventSchema) }), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const visible = await visibleContract(deps, request, request.params.id);
      requireAccess(request, "ticket:work", { organizationId: visible.organizationId }, "Contract");
      const now = deps.clock.now();
      const inputs = request.body.entries.map((entry) => ({ ...entry, contractId: visible.id }));
      const recorded = await deps.database.db.transaction(async (tx) => {
        const { row, account } = await loadAccount(tx, visible.id, { forUpdate: true });
        // P1, C6: the stored policies, once per request; a stored set that no longer parses is a 500.
        const policies = await installationContingentPolicies(tx);
        const result = recordTimeEntries(account, inputs, { contract: contractOf(row), asOf: now.toISOString(), policies });
        // The package reports `[index, field]`; the body carries the entries under `entries`.
        const value = unwrap(result.ok ? result : { ok: false, errors: result.errors.map((issue) => ({ ...issue, path: ["entries", ...issue.path] })) });
        const taken = new Set(await findRecordedEntryIds(tx, row.id, inputs.map((entry) => entry.id)));
        if (taken.size > 0) {
          throw ruleViolation(
            inputs.flatMap((entry, index) =>
              taken.has(entry.id) ? [{ code: "C6_DUPLICATE_ENTRY", message: `Entry ${entry.id} is already recorded`, path: ["entries", index, "id"] }] : [],
            ),
          );
        }
        await saveContractAccount(tx, row, value.account, value.entries, now);
        await appendToOutbox(tx, contingentOutboxEvents(row.organizationId, value.events), now);
        return { entries: value.entries, events: value.events };
      });
      return reply.status(201).send(asResponse(recorded));
    },
  );

  app.get(
    "/v1/contracts/:id/time-entries",
    {
      schema: {
        tags: ["contracts"],
        summary: "The contract's time entries in recording order, closed months included",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(timeEntrySchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleContract(deps, request, request.params.id);
      requireAccess(request, "contract:read", { organizationId: row.organizationId }, "Contract");
      const page = await listTimeEntries(deps.database.db, row.id, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
      return toPageBody(page, (item) => asResponse(item.entry as TimeEntry));
    },
  );
};
