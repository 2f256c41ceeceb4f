import { findBillingSettings, saveBillingSettings } from "@kontor/db";
import type { BillingSettings } from "@kontor/invoicing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { versionConflict } from "../assets/version-conflict.js";
import { noStoredBillingSettings, toBillingSettingsResponse } from "./billing-settings-response.js";
import { billingSettingsPutBodySchema, billingSettingsResponseSchema } from "./billing-settings-schemas.js";

const WHAT = "Billing settings";

/**
 * The installation's billing settings (C8, T1): the seller on every invoice, delivery note and
 * service report, the payment means and the net days. The worker reads them for every billing
 * event, so a change applies to the next document without a restart; while none are stored it
 * uses `KONTOR_BILLING_SETTINGS_FILE` (or, embedded, the demo seller).
 *
 * Staff administration (K10): admins and the back office read them, only admins write them;
 * other staff get 403, portal users 404.
 */
export const billingSettingsRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/billing-settings",
    {
      schema: {
        tags: ["billing settings"],
        summary: "The installation's billing settings: seller, payment means, net days (C8, T1); 404 while none are stored",
        response: { 200: billingSettingsResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, ["admin", "back-office"], WHAT);
      const row = await findBillingSettings(deps.database.db);
      if (row === undefined) throw noStoredBillingSettings();
      return toBillingSettingsResponse(row);
    },
  );

  app.put(
    "/v1/billing-settings",
    {
      schema: {
        tags: ["billing settings"],
        summary: "Store the installation's billing settings (C8, T1); `expectedVersion` guards against lost updates",
        description:
          "The body is checked with `@kontor/invoicing`'s `billingSettingsSchema` (a wrong IBAN check digit is 400 naming `body.paymentMeans.iban`) and stored checked (IBANs without spaces). " +
          "`expectedVersion` 0 or absent writes the first settings (201); then send the stored `version` (200). Another version is 409 `VERSION_CONFLICT`. " +
          "Accepts `Idempotency-Key`: a retried request gets the stored answer instead of a 409.",
        body: billingSettingsPutBodySchema,
        response: { 200: billingSettingsResponseSchema, 201: billingSettingsResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const who = requireStaff(request, ["admin"], WHAT);
      const { expectedVersion = 0, ...checked } = request.body;
      // The checked settings (IBAN in its electronic form): they check again unchanged where the worker reads them.
      const settings: BillingSettings = checked;
      const stored = await findBillingSettings(deps.database.db);
      const saved = await saveBillingSettings(deps.database.db, { settings, updatedBy: who.userId }, expectedVersion, deps.clock.now());
      if (saved === undefined) throw versionConflict(WHAT, stored?.version ?? 0, expectedVersion);
      if (expectedVersion === 0) void reply.status(201).header("location", "/v1/billing-settings");
      return toBillingSettingsResponse(saved);
    },
  );
};
