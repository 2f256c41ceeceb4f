import { DEFAULT_TICKETING_POLICIES } from "@kontor/ticketing";
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKER_SETTINGS, workerSettingsFromEnvironment } from "./worker-settings.js";

describe("worker settings from the environment", () => {
  it("K2: by default mail from unknown senders opens a ticket at once (the shipped policies)", () => {
    expect(workerSettingsFromEnvironment({})).toBe(DEFAULT_WORKER_SETTINGS);
    expect(workerSettingsFromEnvironment({ KONTOR_UNKNOWN_SENDER: "" }).ticketingPolicies).toBe(DEFAULT_TICKETING_POLICIES);
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
