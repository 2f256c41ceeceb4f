import { parseContract, type Contract, type ResponseTimeInput } from "@kontor/contingent";
import { createTestDatabase } from "@kontor/db/testing";
import { insertContract, insertOrganization } from "@kontor/db";
import { openAccount } from "@kontor/contingent";
import { describe, expect, it } from "vitest";
import { MUELLER } from "../../testing/fixtures.js";
import { contractSlaTerms, contractSlaTermsResolver, loadContractsOfOrganizations, parseServiceHours } from "./contract-sla-terms.js";
import { defaultSlaTerms } from "./default-sla-terms.js";

const OFFICE = [[480, 1020]];

function contract(id: string, kind: "cooperation-agreement" | "contingent", serviceHours: string, responseTimes: ResponseTimeInput[], dates: { startDate?: string; endDate?: string | null } = {}): Contract {
  const parsed = parseContract({
    kind,
    id,
    customerId: MUELLER.id,
    startDate: dates.startDate ?? "2026-01-01",
    endDate: dates.endDate ?? null,
    terms: {
      serviceHours,
      responseTimes,
      backupResponsibility: "shared",
      rates: [{ workType: "remote-support", description: "Fernwartung", hourlyRate: "95.00" }],
      travel: { kind: "included" },
      accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@kontor.demo" },
    },
    ...(kind === "contingent" ? { contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" } } : {}),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** The demo contingent's reaction times (apps/worker/src/demo/demo-contingent.ts). */
const DEMO_TIMES: ResponseTimeInput[] = [
  { priority: "critical", firstResponseBusinessMinutes: 60, resolutionBusinessMinutes: 480 },
  { priority: "high", firstResponseBusinessMinutes: 120 },
  { priority: "normal", firstResponseBusinessMinutes: 480 },
];

const weeklyMinutes = (terms: ReturnType<typeof defaultSlaTerms>) => terms.hours.weekly.map((day) => day.map((range) => [range.startMinute, range.endMinute]));

describe("K7 service hours of cooperation terms", () => {
  it("K7: reads the usual German and English spellings", () => {
    expect(parseServiceHours("Mo–Fr 08:00–17:00")).toMatchObject({ mon: OFFICE, fri: OFFICE, sat: [], sun: [] });
    expect(parseServiceHours("Mo-Do 8-17 Uhr, Fr 8-14 Uhr")).toMatchObject({ thu: OFFICE, fri: [[480, 840]] });
    expect(parseServiceHours("Mon–Fri 08:00–12:00 und 13:00–17:00; Sa 09:00 bis 12:00")).toMatchObject({
      wed: [
        [480, 720],
        [780, 1020],
      ],
      sat: [[540, 720]],
      sun: [],
    });
    expect(parseServiceHours("Mo, Mi, Fr: 07.30-16.00")).toMatchObject({ mon: [[450, 960]], tue: [], wed: [[450, 960]], fri: [[450, 960]] });
    expect(parseServiceHours("24/7")).toMatchObject({ sun: [[0, 1440]] });
  });

  it("K7: empty or not fully understood text is no schedule (the caller keeps the default hours)", () => {
    expect(parseServiceHours("")).toBeUndefined();
    expect(parseServiceHours("nach Vereinbarung")).toBeUndefined();
    expect(parseServiceHours("Mo–Fr 08:00–17:00, feiertags nach Absprache")).toBeUndefined();
    expect(parseServiceHours("Mo–Fr 17:00–08:00")).toBeUndefined();
  });
});

describe("K7 reaction times from contracts", () => {
  it("K7: the demo contract's targets per priority and its service hours; missing resolution targets are 18 business hours", () => {
    const terms = contractSlaTerms(MUELLER, [contract("K-1", "contingent", "Mo–Fr 08:00–17:00", DEMO_TIMES)], "2026-03-13");
    expect(terms.targets).toEqual({
      critical: { firstResponseMinutes: 60, resolutionMinutes: 480 },
      high: { firstResponseMinutes: 120, resolutionMinutes: 1080 },
      normal: { firstResponseMinutes: 480, resolutionMinutes: 1080 },
    });
    expect(weeklyMinutes(terms)).toEqual([OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, [], []]);
    expect(terms.hours.zone).toBe("Europe/Berlin");
  });

  it("K7: without a contract in force with response times the documented defaults apply", () => {
    const defaults = defaultSlaTerms(MUELLER);
    expect(contractSlaTerms(MUELLER, [], "2026-03-13").targets).toEqual(defaults.targets);
    expect(contractSlaTerms(MUELLER, [contract("K-1", "cooperation-agreement", "Mo–Fr 08:00–17:00", [])], "2026-03-13").targets).toEqual(defaults.targets);
    const ended = contract("K-2", "contingent", "Mo–Fr 08:00–17:00", DEMO_TIMES, { startDate: "2025-01-01", endDate: "2025-12-31" });
    const future = contract("K-3", "contingent", "Mo–Fr 08:00–17:00", DEMO_TIMES, { startDate: "2026-04-01" });
    expect(contractSlaTerms(MUELLER, [ended, future], "2026-03-13").targets).toEqual(defaults.targets);
    expect(contractSlaTerms(MUELLER, [ended, future], "2025-12-31").targets.critical).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 480 });
  });

  it("K7: gaps of a contract are filled from the defaults: hours it does not state, a missing normal target", () => {
    const terms = contractSlaTerms(MUELLER, [contract("K-1", "contingent", "nach Vereinbarung", [{ priority: "critical", firstResponseBusinessMinutes: 30 }])], "2026-03-13");
    expect(terms.targets).toEqual({ critical: { firstResponseMinutes: 30, resolutionMinutes: 1080 }, normal: { firstResponseMinutes: 240, resolutionMinutes: 1080 } });
    expect(weeklyMinutes(terms)).toEqual(weeklyMinutes(defaultSlaTerms(MUELLER)));
  });

  it("K7, C1: several contracts in force: the strictest target per priority and clock, the union of the service hours", () => {
    const cooperation = contract("KV-1", "cooperation-agreement", "Mo–Fr 08:00–17:00", [
      { priority: "critical", firstResponseBusinessMinutes: 120, resolutionBusinessMinutes: 360 },
      { priority: "normal", firstResponseBusinessMinutes: 480, resolutionBusinessMinutes: 2400 },
    ]);
    const contingent = contract("K-1", "contingent", "Mo–Fr 07:00–16:00, Sa 09:00–12:00", DEMO_TIMES);
    const terms = contractSlaTerms(MUELLER, [cooperation, contingent], "2026-03-13");
    expect(terms.targets).toEqual({
      critical: { firstResponseMinutes: 60, resolutionMinutes: 360 },
      high: { firstResponseMinutes: 120, resolutionMinutes: 1080 },
      normal: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
    });
    const long = [[420, 1020]];
    expect(weeklyMinutes(terms)).toEqual([long, long, long, long, long, [[540, 720]], []]);
  });

  it("K7: a 24/7 agreement (seed 004: monitoring \"rund um die Uhr\") keeps no holidays; office hours keep the customer's calendar", () => {
    const monitoring = contract("KV-24", "cooperation-agreement", "24/7", [{ priority: "critical", firstResponseBusinessMinutes: 60, resolutionBusinessMinutes: 480 }]);
    const office = contract("KV-8", "cooperation-agreement", "Mo–Fr 08:00–17:00", DEMO_TIMES);
    // Easter Monday 2026-04-06 is a holiday in every German state.
    expect(contractSlaTerms(MUELLER, [monitoring], "2026-04-06").hours.calendar.isHoliday("2026-04-06")).toBe(false);
    expect(contractSlaTerms(MUELLER, [monitoring, office], "2026-04-06").hours.calendar.isHoliday("2026-04-06")).toBe(false);
    expect(contractSlaTerms(MUELLER, [office], "2026-04-06").hours.calendar.isHoliday("2026-04-06")).toBe(true);
  });

  it("K7: the resolver picks the contracts of the ticket's day in the organization's zone and builds each set of terms once", () => {
    const march = contract("K-1", "contingent", "Mo–Fr 08:00–17:00", DEMO_TIMES, { startDate: "2026-03-01" });
    const termsOf = contractSlaTermsResolver(new Map([[MUELLER.id, [march]]]));
    // 2026-02-28T23:30Z is already 1 March in Berlin.
    expect(termsOf(MUELLER, "2026-02-28T23:30:00Z").targets.critical?.firstResponseMinutes).toBe(60);
    expect(termsOf(MUELLER, "2026-02-28T22:30:00Z").targets).toEqual(defaultSlaTerms(MUELLER).targets);
    expect(termsOf(MUELLER, "2026-03-02T09:00:00Z")).toBe(termsOf(MUELLER, "2026-03-20T09:00:00Z"));
  });

  it("K7: loads the contracts of several organizations with one call, grouped by organization", { timeout: 60_000 }, async () => {
    const database = await createTestDatabase();
    try {
      const now = new Date("2026-01-01T00:00:00Z");
      await insertOrganization(database.db, MUELLER, now);
      await insertOrganization(database.db, { ...MUELLER, id: "org-other", name: "Other" }, now);
      const mine = contract("K-1", "contingent", "Mo–Fr 08:00–17:00", DEMO_TIMES);
      await insertContract(database.db, { id: mine.id, organizationId: MUELLER.id, kind: mine.kind, contract: mine, account: openAccount(mine) }, now);
      const grouped = await loadContractsOfOrganizations(database.db, [MUELLER.id, "org-other"]);
      expect([...grouped.keys()]).toEqual([MUELLER.id]);
      expect(grouped.get(MUELLER.id)?.map((item) => item.id)).toEqual(["K-1"]);
    } finally {
      await database.close();
    }
  });
});
