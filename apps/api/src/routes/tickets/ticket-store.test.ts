import { insertOrganization, lockTicketNumberSequence, storeTicketNumberSequence, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase, testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUELLER } from "../../testing/fixtures.js";
import { openTicket } from "./ticket-store.js";
import { TICKET_NUMBER_SEQUENCE_ID } from "./service-desk-settings.js";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
}, 60_000);
afterAll(() => database.close());

const INPUT = {
  kind: "incident",
  channel: "phone",
  organizationId: MUELLER.id,
  requester: { email: "anna.becker@mueller-gmbh.de", name: "Anna Becker" },
  subject: "Drucker",
  description: "",
  priority: "normal",
  by: { kind: "staff", id: "staff-dispatcher" },
} as const;

function open(at: string) {
  return database.db.transaction((tx) => openTicket(tx, INPUT, new Date(at), { confirm: true, organization: MUELLER }));
}

function stored() {
  return database.db.transaction((tx) => lockTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, new Date()));
}

describe(`ticket numbers of openTicket on ${testDatabaseKind()}`, () => {
  it("K1: numbers count up within the year of Europe/Berlin and restart at 1 in a new one", async () => {
    expect((await open("2026-12-31T12:00:00Z")).number).toBe("T-2026-000001-5");
    expect((await open("2026-12-31T22:59:00Z")).number).toMatch(/^T-2026-000002-\d$/);
    // 00:30 on 1 January in Berlin is still 2026 in UTC.
    expect((await open("2026-12-31T23:30:00Z")).number).toMatch(/^T-2027-000001-\d$/);
    expect((await open("2027-01-02T08:00:00Z")).number).toMatch(/^T-2027-000002-\d$/);
    expect(await stored()).toEqual({ year: 2027, lastSequence: 2 });
  });

  it("K1: a rolled-back creation gives its number back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await openTicket(tx, INPUT, new Date("2027-01-03T08:00:00Z"), { confirm: false, organization: MUELLER });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await open("2027-01-03T08:01:00Z")).number).toMatch(/^T-2027-000003-\d$/);
  });

  it("K1: a number for an earlier year than one already issued is refused and changes nothing", async () => {
    await expect(open("2026-12-30T08:00:00Z")).rejects.toMatchObject({ status: 422, code: "K1_TICKET_NUMBER_OUT_OF_ORDER" });
    expect(await stored()).toEqual({ year: 2027, lastSequence: 3 });
  });

  it("K1: an exhausted sequence is refused and rolled back", async () => {
    await database.db.transaction((tx) => storeTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, { year: 2027, lastSequence: 999_999 }, new Date()));
    await expect(open("2027-02-01T08:00:00Z")).rejects.toMatchObject({ status: 422, code: "K1_TICKET_NUMBER_EXHAUSTED" });
    expect(await stored()).toEqual({ year: 2027, lastSequence: 999_999 });
    await database.db.transaction((tx) => storeTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, { year: 2027, lastSequence: 3 }, new Date()));
  });

  it("K1: concurrent creations get distinct consecutive numbers", async () => {
    const rows = await Promise.all(Array.from({ length: 12 }, () => open("2027-03-01T08:00:00Z")));
    const sequences = rows.map((row) => Number(row.number.split("-")[2])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 12 }, (_, index) => index + 4));
  });

  it("an organization that is not the ticket's is a programming error", async () => {
    await expect(
      database.db.transaction((tx) => openTicket(tx, INPUT, new Date("2027-03-02T08:00:00Z"), { confirm: false, organization: { ...MUELLER, id: "org-other" } })),
    ).rejects.toThrow(/not the ticket's/);
  });
});
