import { describe, expect, it } from "vitest";
import { DEFAULT_TICKETING_POLICIES, DEFAULT_TICKETING_POLICY } from "./default-ticketing-policies.js";
import { policyInForce } from "./policy-in-force.js";
import { ticketingPoliciesSchema, ticketingPolicySchema } from "./ticketing-policy.js";

describe("ticketing policies (P1)", () => {
  it("P1: the shipped defaults validate: K4 limits, K1 reopen window, K7 80 % warning, K11 30 days", () => {
    expect(ticketingPoliciesSchema.safeParse(DEFAULT_TICKETING_POLICIES).success).toBe(true);
    expect(DEFAULT_TICKETING_POLICY.sla.warningRatio).toBe(0.8);
    expect(DEFAULT_TICKETING_POLICY.assets.expiryLeadTimeDays).toBe(30);
  });

  it("P1: evaluation takes the policy in force at the instant, whatever the list order", () => {
    const stricter = { ...DEFAULT_TICKETING_POLICY, effectiveFrom: "2027-01-01T00:00:00+01:00", sla: { warningRatio: 0.5 } };
    const policies = [stricter, DEFAULT_TICKETING_POLICY];
    expect(policyInForce(policies, Date.parse("2026-12-31T22:59:59Z"))).toEqual({ ok: true, value: DEFAULT_TICKETING_POLICY });
    expect(policyInForce(policies, Date.parse("2026-12-31T23:00:00Z"))).toEqual({ ok: true, value: stricter });
    expect(policyInForce([stricter], Date.parse("2026-06-01T00:00:00Z"))).toMatchObject({ ok: false, errors: [{ code: "NO_POLICY_IN_FORCE" }] });
  });

  it("P1: a user's JSON policy is validated; nonsense is rejected with paths", () => {
    const json = JSON.parse(JSON.stringify({ ...DEFAULT_TICKETING_POLICY, sla: { warningRatio: 1.5 }, tickets: { reopenWindowDays: -1 } })) as unknown;
    const parsed = ticketingPolicySchema.safeParse(json);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["tickets.reopenWindowDays", "sla.warningRatio"]);
  });
});
