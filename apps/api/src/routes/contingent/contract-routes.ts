import { insertContract, listContracts } from "@kontor/db";
import { contractInputSchema, openAccount, parseContract } from "@kontor/contingent";
import type { Organization } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess, requireStaff } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { visibleOrganization } from "../organizations/organization-routes.js";
import { requireReceivingBranch } from "../organizations/receiving-branch.js";
import { contractResponseSchema } from "./contingent-schemas.js";
import { toContractResponse, visibleContract } from "./contract-store.js";

// Staff grants of K10 do not depend on the organization; a list across all customers names none.
const ALL_ORGANIZATIONS = "*";

/** Contracts of every C1 kind, with the cooperation terms every kind carries. */
export const contractRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/contracts",
    {
      schema: {
        tags: ["contracts"],
        summary: "Conclude a contract (C1); `customerId` is the organization's id, `branchId` (O1) one of its branches that receives services, or null",
        body: contractInputSchema,
        response: { 201: contractResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, ["account-manager", "admin"], "Contracts");
      const organization = await visibleOrganization(deps, request, request.body.customerId);
      const contract = unwrap(parseContract(request.body));
      requireReceivingBranch(organization.record as Organization, contract.branchId, "services");
      try {
        const row = await insertContract(
          deps.database.db,
          { id: contract.id, organizationId: organization.id, kind: contract.kind, contract, account: openAccount(contract) },
          deps.clock.now(),
        );
        return await reply.status(201).header("location", `/v1/contracts/${encodeURIComponent(row.id)}`).send(asResponse(toContractResponse(row)));
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`Contract ${contract.id} exists`, "CONTRACT_ID_TAKEN");
        throw error;
      }
    },
  );

  app.get(
    "/v1/contracts",
    {
      schema: {
        tags: ["contracts"],
        summary: "List contracts (a portal user sees only their organization's)",
        querystring: pageQuerySchema.extend({ organizationId: z.string().min(1).max(100).optional().describe("Staff: only this organization's contracts") }),
        response: { 200: pageSchema(contractResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const scope = organizationScope(request, request.query.organizationId);
      requireAccess(request, "contract:read", { organizationId: scope ?? ALL_ORGANIZATIONS }, "Contracts");
      const page = await listContracts(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor), organizationId: scope });
      return toPageBody(page, (row) => asResponse(toContractResponse(row)));
    },
  );

  app.get(
    "/v1/contracts/:id",
    {
      schema: {
        tags: ["contracts"],
        summary: "One contract",
        params: idParamsSchema,
        response: { 200: contractResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleContract(deps, request, request.params.id);
      requireAccess(request, "contract:read", { organizationId: row.organizationId }, "Contract");
      return asResponse(toContractResponse(row));
    },
  );
};
