import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_BILLING_SETTINGS, type BillingSettings } from "../billing/billing-settings.js";

/** Writes `settings` (default: the demo seller) as a `KONTOR_BILLING_SETTINGS_FILE` for a worker process and returns its path (tests). */
export function billingSettingsFile(settings: BillingSettings = DEFAULT_BILLING_SETTINGS): string {
  const path = join(mkdtempSync(join(tmpdir(), "kontor-billing-")), "billing-settings.json");
  writeFileSync(path, JSON.stringify(settings));
  return path;
}
