import type { BillingSettingsRow } from "@kontor/db";
import { billingSettingsSchema, type BillingSettings } from "@kontor/invoicing";
import type { z } from "zod";
import { ProblemError } from "../../http/problem.js";
import type { billingSettingsResponseSchema } from "./billing-settings-schemas.js";

/** 404 for `GET /v1/billing-settings` before the first write: what the worker uses meanwhile. */
export function noStoredBillingSettings(): ProblemError {
  return new ProblemError(404, "not-found", "Not Found", {
    detail:
      "No billing settings are stored: the worker issues invoices, delivery notes and service reports with KONTOR_BILLING_SETTINGS_FILE (or, embedded, the demo seller). " +
      "An admin stores them with PUT /v1/billing-settings (expectedVersion 0).",
    code: "BILLING_SETTINGS_NOT_STORED",
  });
}

/**
 * The stored row as the API answers it. A row that no longer parses (written by hand or by an
 * older release) is a 500 naming the field, as the worker fails its billing events on it; an
 * admin replaces it with a PUT at its version.
 */
export function toBillingSettingsResponse(row: BillingSettingsRow): z.input<typeof billingSettingsResponseSchema> {
  const parsed = billingSettingsSchema.safeParse(row.settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? "(settings)" : issue.path.join(".");
    throw new ProblemError(500, "internal", "Internal Server Error", {
      detail: `The stored billing settings (version ${row.version}) are invalid at ${field}: ${issue?.message ?? "invalid"}; replace them with PUT /v1/billing-settings (expectedVersion ${row.version})`,
      code: "BILLING_SETTINGS_INVALID",
    });
  }
  return { settings: row.settings as BillingSettings, version: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}
