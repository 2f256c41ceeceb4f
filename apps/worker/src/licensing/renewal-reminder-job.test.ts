import { MUELLER } from "@kontor/api/testing";
import { insertLicenses, insertOrganization, insertUser, outboxEventsOf, type DatabaseHandle, type NewLicense } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { licensingOutboxHandlers } from "./index.js";
import { renewalReminderJob } from "./renewal-reminder-job.js";

const ADMIN = "anna.becker@mueller-gmbh.de";

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

/** A Müller license with the given current term (`to`: the day after the last covered day, L15). */
function license(id: string, termTo: string | null, billingModel = "perpetual-maintenance"): NewLicense {
  return {
    id,
    organizationId: MUELLER.id,
    orderId: null,
    vendorId: "atlassian",
    productId: "jira-software-dc",
    edition: billingModel === "annual-subscription" ? "cloud" : "data-center",
    originalPurchaserId: "reseller",
    key: null,
    record: {
      productId: "jira-software-dc",
      productName: "Jira Software Data Center",
      vendorId: "atlassian",
      edition: "data-center",
      billingModel,
      userTier: 500,
      quantity: 1,
      sen: `SEN-${id}`,
      siteUrl: null,
      purchasedAt: "2025-01-10T09:00:00+01:00",
      paidOn: null,
      term: termTo === null ? null : { from: "2025-01-10", to: termTo },
    },
  };
}

async function runAt(instant: string): Promise<void> {
  const now = new Date(instant);
  await renewalReminderJob.run(testWorkerContext(database, smtp, { now }), now);
}

async function reminderKeys(...licenseIds: string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const id of licenseIds) keys.push(...(await outboxEventsOf(database.db, "license", id)).map((row) => row.dedupeKey));
  return keys;
}

const ALL = ["lic-summer", "lic-short", "lic-late", "lic-leap", "lic-rental", "lic-no-term"];

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  const created = new Date("2025-01-10T08:00:00Z");
  await insertOrganization(database.db, MUELLER, created);
  await insertUser(database.db, { kind: "portal", organizationId: MUELLER.id, role: "portal-manager", email: ADMIN, profile: {} }, created);
  await insertLicenses(
    database.db,
    [
      license("lic-summer", "2026-10-01", "annual-subscription"),
      license("lic-short", "2026-07-23"),
      license("lic-leap", "2028-02-29"),
      // Not renewed yearly, or no term known: never reminded.
      license("lic-rental", "2026-08-01", "monthly-rental"),
      license("lic-no-term", null),
    ],
    created,
  );
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing.renewal-reminders (L15)", () => {
  it("90 days before the end in Europe/Berlin (CEST): not at 23:59:59.999 the day before, exactly at local midnight, once", async () => {
    // Berlin 2026-07-02 23:59:59.999: lic-summer ends in 91 days; lic-short (21 days) gets only its 30-day reminder.
    await runAt("2026-07-02T21:59:59.999Z");
    expect(await reminderKeys(...ALL)).toEqual(["renewal-reminder:lic-short:30:2026-07-23"]);
    // Berlin 2026-07-03 00:00 = 90 days before 2026-10-01.
    await runAt("2026-07-02T22:00:00Z");
    await runAt("2026-07-02T22:00:00Z");
    expect(await reminderKeys(...ALL)).toEqual(["renewal-reminder:lic-summer:90:2026-10-01", "renewal-reminder:lic-short:30:2026-07-23"]);
  });

  it("89 days before the end: nothing new for a reminded license; a license first seen then gets its 90-day reminder late, once", async () => {
    await runAt("2026-07-03T22:00:00Z");
    expect(await reminderKeys("lic-summer")).toEqual(["renewal-reminder:lic-summer:90:2026-10-01"]);
    await insertLicenses(database.db, [license("lic-late", "2026-10-01")], new Date("2026-07-04T08:00:00Z"));
    await runAt("2026-07-04T09:00:00Z");
    await runAt("2026-07-04T22:00:00Z");
    expect(await reminderKeys("lic-late")).toEqual(["renewal-reminder:lic-late:90:2026-10-01"]);
  });

  it("30 days before the end: the second reminder, and none once the term has ended", async () => {
    // Berlin 2026-09-01 00:00 = 30 days before 2026-10-01.
    await runAt("2026-08-31T21:59:59.999Z");
    expect(await reminderKeys("lic-summer", "lic-late")).toHaveLength(2);
    await runAt("2026-08-31T22:00:00Z");
    await runAt("2026-10-01T08:00:00Z");
    expect(await reminderKeys("lic-summer", "lic-late")).toEqual([
      "renewal-reminder:lic-summer:90:2026-10-01",
      "renewal-reminder:lic-summer:30:2026-10-01",
      "renewal-reminder:lic-late:90:2026-10-01",
      "renewal-reminder:lic-late:30:2026-10-01",
    ]);
  });

  it("a leap-year end on 2028-02-29 (CET): 90 days before is 2027-12-01, 30 days before is 2028-01-30", async () => {
    await runAt("2027-11-30T22:59:59.999Z");
    expect(await reminderKeys("lic-leap")).toEqual([]);
    await runAt("2027-11-30T23:00:00Z");
    await runAt("2028-01-29T22:59:59.999Z");
    expect(await reminderKeys("lic-leap")).toEqual(["renewal-reminder:lic-leap:90:2028-02-29"]);
    await runAt("2028-01-29T23:00:00Z");
    await runAt("2028-02-28T23:00:00Z");
    expect(await reminderKeys("lic-leap")).toEqual(["renewal-reminder:lic-leap:90:2028-02-29", "renewal-reminder:lic-leap:30:2028-02-29"]);
    expect(await reminderKeys("lic-rental", "lic-no-term")).toEqual([]);
  });

  it("the handler mails each reminder to the organization's administrators once", async () => {
    const context = testWorkerContext(database, smtp, { now: new Date("2028-03-01T08:00:00Z") });
    const routing = outboxRouting(licensingOutboxHandlers);
    expect(await deliverDueOutboxEvents(context, routing)).toEqual({ delivered: 7, failed: 0 });
    const mails = await smtp.waitFor(7);
    expect(mails.every((mail) => mail.envelopeTo.join() === ADMIN)).toBe(true);
    const leap = mails.filter((mail) => mail.parsed.text?.includes("SEN: SEN-lic-leap"));
    expect(leap.map((mail) => mail.parsed.subject)).toEqual(["Verlängerung fällig: Wartung Jira Software Data Center", "Verlängerung fällig: Wartung Jira Software Data Center"]);
    expect(leap[1]?.parsed.text).toContain("endet in 30 Tagen: Der letzte abgedeckte Tag ist der 28.02.2028.");
    expect(leap[1]?.parsed.text).toContain("lückenlos am 29.02.2028");
    const subscription = mails.find((mail) => mail.parsed.text?.includes("SEN: SEN-lic-summer"));
    expect(subscription?.parsed.subject).toBe("Verlängerung fällig: Abonnement Jira Software Data Center");

    expect(await deliverDueOutboxEvents(context, routing)).toEqual({ delivered: 0, failed: 0 });
    await runAt("2028-03-01T08:00:00Z");
    expect(await deliverDueOutboxEvents(context, routing)).toEqual({ delivered: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(7);
  });
});
