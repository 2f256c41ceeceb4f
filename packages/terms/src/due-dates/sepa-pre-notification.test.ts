import { describe, expect, it } from "vitest";
import { loadSepaPolicies } from "../policies/load-policies.js";
import { DEFAULT_SEPA_POLICIES } from "../policies/sepa-policies.js";
import { errorCodes, unwrap } from "../test-support.js";
import { earliestSepaCollection, sepaPreNotificationDeadline } from "./sepa-pre-notification.js";

describe("T7 SEPA direct-debit pre-notification", () => {
  it("T7: pre-notify at least 14 calendar days before the collection", () => {
    const schedule = unwrap(sepaPreNotificationDeadline({ collectionDate: "2026-03-02" }));
    expect(schedule).toMatchObject({ rule: "T7", days: 14, notifyBy: "2026-02-16", collectionDate: "2026-03-02", debitDate: "2026-03-02" });
    expect(schedule.policies).toEqual([{ id: "kontor.sepa-direct-debit", version: "sepa-core-2023", effectiveFrom: "2014-02-01" }]);
  });

  it("T7: counting crosses month ends and leap days", () => {
    expect(unwrap(sepaPreNotificationDeadline({ collectionDate: "2028-03-01" })).notifyBy).toBe("2028-02-16");
    expect(unwrap(sepaPreNotificationDeadline({ collectionDate: "2027-03-01" })).notifyBy).toBe("2027-02-15");
  });

  it("T7: a shorter agreed period of at least 1 day replaces the 14 days", () => {
    expect(unwrap(sepaPreNotificationDeadline({ collectionDate: "2026-03-02", agreedDays: 1 })).notifyBy).toBe("2026-03-01");
    expect(unwrap(sepaPreNotificationDeadline({ collectionDate: "2026-03-02", agreedDays: 5 })).reason).toContain("agreed period");
  });

  it("T7: an agreed period below 1 day is refused", () => {
    expect(errorCodes(sepaPreNotificationDeadline({ collectionDate: "2026-03-02", agreedDays: 0 }))).toEqual(["T7_AGREED_PERIOD_TOO_SHORT"]);
    expect(errorCodes(earliestSepaCollection({ notifiedOn: "2026-03-02", agreedDays: -3 }))).toEqual(["T7_AGREED_PERIOD_TOO_SHORT"]);
  });

  it("T7: the earliest collection after a pre-notification, booked on the next TARGET2 business day", () => {
    // Notified Fri 2026-12-11; +14 = Fri 2026-12-25 (TARGET2 closed), 26 closed, 27 Sunday → debit Mon 28.
    const schedule = unwrap(earliestSepaCollection({ notifiedOn: "2026-12-11" }));
    expect(schedule).toMatchObject({ collectionDate: "2026-12-25", debitDate: "2026-12-28", notifyBy: "2026-12-11" });
    expect(schedule.reason).toContain("debited on 2026-12-28");
  });

  it("P1: a loaded policy with another default period applies from its date", () => {
    const base = DEFAULT_SEPA_POLICIES[0]!;
    const policies = unwrap(loadSepaPolicies([base, { ...base, version: "custom", effectiveFrom: "2027-01-01", preNotificationDays: 10 }]));
    expect(unwrap(sepaPreNotificationDeadline({ collectionDate: "2026-12-31" }, { policies })).days).toBe(14);
    expect(unwrap(sepaPreNotificationDeadline({ collectionDate: "2027-01-04" }, { policies })).days).toBe(10);
  });

  it("T7: an invalid date is an error value", () => {
    expect(errorCodes(sepaPreNotificationDeadline({ collectionDate: "2026-13-01" }))).toEqual(["CALENDAR_INVALID_DATE"]);
  });
});
