import { decideMailIntake, parsedMailSchema } from "@kontor/ticketing";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { fromMailparser } from "@kontor/worker";
import { inboundMails } from "../workloads/inbound-mails.js";
import { intakeContext, mailIntake } from "./mail-intake.js";

// The benchmark is only worth its ratio if the workload really exercises every decision.
describe("mail-intake benchmark workload", () => {
  it("parses every generated message and reaches every kind of decision", async () => {
    const context = intakeContext();
    const actions = new Map<string, number>();
    const reasons = new Set<string>();
    for (const raw of inboundMails(120)) {
      const parsed = parsedMailSchema.parse(fromMailparser(await simpleParser(raw)));
      const decision = decideMailIntake(parsed, context, "2026-06-03T09:16:00+02:00");
      actions.set(decision.action, (actions.get(decision.action) ?? 0) + 1);
      reasons.add(decision.reason.code);
    }
    expect([...actions.keys()].sort()).toEqual([
      "append-to-ticket",
      "create-ticket",
      "ignore",
      "keep-unprocessed",
    ]);
    expect(reasons).toContain("K4_AUTO_REPLY");
    expect([...reasons].some((code) => code.startsWith("K4_BOUNCE") || code === "K4_DSN")).toBe(true);
  });

  it("subject and baseline run over the same messages", async () => {
    const prepared = await mailIntake.prepare(0.005);
    const decisions = (await prepared.subject()) as Map<string, number>;
    const parsed = await prepared.baseline();
    expect([...decisions.values()].reduce((a, b) => a + b, 0)).toBe(parsed);
    expect(parsed).toBe(prepared.units);
  });
});
