import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_TICKETING_POLICIES } from "@kontor/ticketing";
import { describe, expect, it } from "vitest";
import { billingSettingsSchema, DEFAULT_BILLING_SETTINGS, readBillingSettingsFile } from "./billing/billing-settings.js";
import { billingSettingsFile } from "./testing/billing-settings-file.js";
import { billingSettingsSourceAtStart, DEFAULT_WORKER_SETTINGS, workerSettingsFromEnvironment } from "./worker-settings.js";

describe("worker settings from the environment", () => {
  it("K2: by default mail from unknown senders opens a ticket at once (the shipped policies)", () => {
    expect(workerSettingsFromEnvironment({})).toEqual(DEFAULT_WORKER_SETTINGS);
    expect(workerSettingsFromEnvironment({ KONTOR_UNKNOWN_SENDER: "" }).ticketingPolicies).toBe(DEFAULT_TICKETING_POLICIES);
  });

  it("K11: KONTOR_ASSET_EXPIRY_LEAD_DAYS sets the expiry warnings' lead time (default 30); anything but whole days is refused", () => {
    const [policy] = workerSettingsFromEnvironment({ KONTOR_ASSET_EXPIRY_LEAD_DAYS: "60" }).ticketingPolicies;
    expect(policy?.assets.expiryLeadTimeDays).toBe(60);
    expect(policy?.intake).toEqual(DEFAULT_TICKETING_POLICIES[0]?.intake);
    expect(DEFAULT_TICKETING_POLICIES[0]?.assets.expiryLeadTimeDays).toBe(30);
    const [both] = workerSettingsFromEnvironment({ KONTOR_ASSET_EXPIRY_LEAD_DAYS: "14", KONTOR_UNKNOWN_SENDER: "quarantine" }).ticketingPolicies;
    expect([both?.assets.expiryLeadTimeDays, both?.intake.unknownSender]).toEqual([14, "quarantine"]);
    for (const bad of ["0", "-5", "30.5", "dreißig", "1000"]) {
      expect(() => workerSettingsFromEnvironment({ KONTOR_ASSET_EXPIRY_LEAD_DAYS: bad })).toThrow(`KONTOR_ASSET_EXPIRY_LEAD_DAYS must be a whole number of days from 1 to 999, not ${bad}`);
    }
  });

  it("K2: KONTOR_UNKNOWN_SENDER=quarantine holds such mail for staff; everything else stays as shipped", () => {
    const settings = workerSettingsFromEnvironment({ KONTOR_UNKNOWN_SENDER: "quarantine" });
    expect(settings.ticketingPolicies).toHaveLength(1);
    const [policy] = settings.ticketingPolicies;
    const [shipped] = DEFAULT_TICKETING_POLICIES;
    expect(policy?.intake.unknownSender).toBe("quarantine");
    expect({ ...policy, intake: { ...policy?.intake, unknownSender: shipped?.intake.unknownSender } }).toEqual(shipped);
    expect(settings.zone).toBe("Europe/Berlin");
  });

  it("refuses an unknown choice instead of guessing", () => {
    expect(() => workerSettingsFromEnvironment({ KONTOR_UNKNOWN_SENDER: "drop" })).toThrow("KONTOR_UNKNOWN_SENDER must be one of create-ticket, quarantine, not drop");
  });
});

describe("billing settings (KONTOR_BILLING_SETTINGS_FILE)", () => {
  const seller = { ...DEFAULT_BILLING_SETTINGS.seller, name: "Nordlicht IT GmbH", vatId: "DE811907980" };
  const own = { ...DEFAULT_BILLING_SETTINGS, seller, netDays: 14 };

  it("C8, T1: the seller, payment means and net days come from the file; embedded without it, the demo seller", () => {
    expect(workerSettingsFromEnvironment({ KONTOR_BILLING_SETTINGS_FILE: billingSettingsFile(own) }).billing).toEqual(own);
    expect(workerSettingsFromEnvironment({}).billing).toBe(DEFAULT_BILLING_SETTINGS);
  });

  it("C8: server mode refuses to start with neither stored settings nor the file, naming both ways: invoices must not carry the demo's company data", () => {
    const server = { DATABASE_URL: "postgres://kontor@db/kontor" };
    expect(() => billingSettingsSourceAtStart(server, false)).toThrow(/PUT \/v1\/billing-settings.*KONTOR_BILLING_SETTINGS_FILE/);
    // Never the demo seller as the fallback in server mode.
    expect(workerSettingsFromEnvironment(server).billing).toBeUndefined();
    const withFile = { ...server, KONTOR_BILLING_SETTINGS_FILE: billingSettingsFile(own) };
    expect(workerSettingsFromEnvironment(withFile).billing?.netDays).toBe(14);
    expect(billingSettingsSourceAtStart(withFile, false)).toBe("file");
  });

  it("C8: server mode with stored settings (PUT /v1/billing-settings) starts without the file; a stored row wins over the file", () => {
    const server = { DATABASE_URL: "postgres://kontor@db/kontor" };
    expect(billingSettingsSourceAtStart(server, true)).toBe("stored");
    expect(billingSettingsSourceAtStart({ ...server, KONTOR_BILLING_SETTINGS_FILE: billingSettingsFile(own) }, true)).toBe("stored");
    // Embedded: stored settings, else the demo seller (with a warning at start).
    expect(billingSettingsSourceAtStart({}, true)).toBe("stored");
    expect(billingSettingsSourceAtStart({ DATABASE_URL: "" }, false)).toBe("demo");
  });

  it("a wrong file is refused naming the file and the field", () => {
    const broken = billingSettingsFile(own);
    writeFileSync(broken, "{ not json");
    expect(() => readBillingSettingsFile(broken)).toThrow(`KONTOR_BILLING_SETTINGS_FILE ${broken} cannot be read as JSON`);
    const badIban = billingSettingsFile({ ...own, paymentMeans: { kind: "sepa-credit-transfer", iban: "Kontonummer 4711" } });
    expect(() => readBillingSettingsFile(badIban)).toThrow(/paymentMeans\.iban/);
    const negative = billingSettingsFile({ ...own, netDays: -1 });
    expect(() => readBillingSettingsFile(negative)).toThrow(/netDays/);
    expect(() => readBillingSettingsFile("/nonexistent/billing.json")).toThrow("/nonexistent/billing.json");
  });

  it("the shipped example file and the demo seller are valid settings", () => {
    const example = fileURLToPath(new URL("../billing-settings.example.json", import.meta.url));
    expect(readBillingSettingsFile(example)).toEqual(DEFAULT_BILLING_SETTINGS);
    expect(billingSettingsSchema.safeParse(DEFAULT_BILLING_SETTINGS).success).toBe(true);
  });
});
