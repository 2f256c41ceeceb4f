import { describe, expect, it } from "vitest";
import { ANNA, BAECKEREI, DIRECTORY, MUELLER } from "../test-support/fixtures.js";
import { createOrganizationDirectory, organizationOfSender, senderBelongsTo } from "./organization-directory.js";
import { organizationSchema } from "./organization.js";

describe("customer records (O1)", () => {
  it("O1: a customer record holds addresses, branches, billing, report and notification recipients, inventory, documentation, DATEV number", () => {
    expect(organizationSchema.safeParse(MUELLER).success).toBe(true);
    const broken = organizationSchema.safeParse({ ...MUELLER, billing: "monthly", serviceReportRecipient: "buchhaltung", datevConsultantNumber: "12" });
    expect(broken.error?.issues.map((issue) => issue.path.join("."))).toEqual(["billing", "serviceReportRecipient", "datevConsultantNumber"]);
  });

  it("K3: the directory resolves senders by known contact first, then by mail domain", () => {
    expect(organizationOfSender(DIRECTORY, ANNA.email)).toBe(MUELLER.id);
    expect(organizationOfSender(DIRECTORY, "k.wagner@gmx.de")).toBe(MUELLER.id);
    expect(organizationOfSender(DIRECTORY, "chef@baeckerei-kamps.de")).toBe(BAECKEREI.id);
    expect(organizationOfSender(DIRECTORY, "someone@gmx.de")).toBeUndefined();
    expect(senderBelongsTo(DIRECTORY, "chef@baeckerei-kamps.de", MUELLER.id)).toBe(false);
  });

  it("K3: a domain claimed by two customers proves nothing; only explicit contacts count there", () => {
    const shared = createOrganizationDirectory(
      [
        { ...MUELLER, mailDomains: ["t-online.de"] },
        { ...BAECKEREI, mailDomains: ["t-online.de"] },
      ],
      [],
      [{ email: "Kamps.Siegen@T-Online.de", organizationId: BAECKEREI.id }],
    );
    expect(organizationOfSender(shared, "mueller.gmbh@t-online.de")).toBeUndefined();
    expect(senderBelongsTo(shared, "kamps.siegen@t-online.de", BAECKEREI.id)).toBe(true);
  });
});
