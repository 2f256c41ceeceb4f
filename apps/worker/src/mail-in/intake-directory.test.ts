import { DEMO_BAECKEREI, DEMO_MUELLER } from "@kontor/api";
import { organizationOfSender } from "@kontor/ticketing";
import { describe, expect, it } from "vitest";
import { intakeDirectory } from "./intake-directory.js";

const ORGANIZATIONS = [DEMO_MUELLER, DEMO_BAECKEREI];
const CLARA = { id: "pu-clara", email: "Clara@Baeckerei-Schmidt.de", organizationId: DEMO_BAECKEREI.id };
const ANNA = { id: "pu-anna", email: "anna.becker@mueller-gmbh.de", organizationId: DEMO_MUELLER.id };

describe("intake directory of a released mail (K2, O2)", () => {
  it("K2: without a release an unknown sender belongs to no organization", () => {
    expect(organizationOfSender(intakeDirectory(ORGANIZATIONS, [ANNA, CLARA], "max.muster@gmail.com", undefined), "max.muster@gmail.com")).toBeUndefined();
  });

  it("K2: released to an organization, the sender is its contact", () => {
    const directory = intakeDirectory(ORGANIZATIONS, [ANNA, CLARA], "max.muster@gmail.com", DEMO_MUELLER.id);
    expect(organizationOfSender(directory, "max.muster@gmail.com")).toBe(DEMO_MUELLER.id);
    expect(directory.contacts.get("anna.becker@mueller-gmbh.de")?.portalUserId).toBe("pu-anna");
  });

  it("K2: staff's assignment wins over the sender's portal account in another organization", () => {
    const directory = intakeDirectory(ORGANIZATIONS, [ANNA, CLARA], "clara@baeckerei-schmidt.de", DEMO_MUELLER.id);
    expect(directory.contacts.get("clara@baeckerei-schmidt.de")).toEqual({ email: "clara@baeckerei-schmidt.de", organizationId: DEMO_MUELLER.id });
  });

  it("O2: released to the sender's own organization, the portal account stays (the ticket keeps its portal requester)", () => {
    const directory = intakeDirectory(ORGANIZATIONS, [ANNA, CLARA], "anna.becker@mueller-gmbh.de", DEMO_MUELLER.id);
    expect(directory.contacts.get("anna.becker@mueller-gmbh.de")).toEqual({ email: "anna.becker@mueller-gmbh.de", organizationId: DEMO_MUELLER.id, portalUserId: "pu-anna" });
  });
});
