import { findBillingSettings, type KontorTransaction } from "@kontor/db";
import type { WorkerContext } from "../worker-context.js";
import { billingSettingsSchema, type BillingSettings } from "./billing-settings.js";

/**
 * The billing settings a billing event is handled with (C8, L5, M5, T1): the installation's
 * stored ones (`PUT /v1/billing-settings`) when a row exists, else the worker's
 * `settings.billing` (`KONTOR_BILLING_SETTINGS_FILE`, or embedded the demo seller).
 *
 * One query in the handler's transaction, on every event: nothing is cached, so a change applies
 * to the next document without a restart. A stored row that no longer parses throws, naming the
 * field, and so fails the event (the outbox retries it once the settings are fixed): falling
 * back to the file would put another seller or account on the invoice without anyone noticing.
 */
export async function currentBillingSettings(tx: KontorTransaction, context: WorkerContext): Promise<BillingSettings> {
  const row = await findBillingSettings(tx);
  if (row === undefined) {
    if (context.settings.billing === undefined) {
      throw new Error("No billing settings: none are stored (PUT /v1/billing-settings) and KONTOR_BILLING_SETTINGS_FILE is not set");
    }
    return context.settings.billing;
  }
  const parsed = billingSettingsSchema.safeParse(row.settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? "(settings)" : issue.path.join(".");
    const problem = issue?.message ?? "invalid";
    context.logger.error({ field, version: row.version, problem }, `stored billing settings are invalid at ${field}: fix them with PUT /v1/billing-settings`);
    throw new Error(`Stored billing settings (version ${row.version}) are invalid at ${field}: ${problem}`);
  }
  // Stored checked, so the row itself is valid input for the documents (as a settings file is).
  return row.settings as BillingSettings;
}
