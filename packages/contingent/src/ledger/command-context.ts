import type { Instant } from "@kontor/calendar";
import type { Contract, ContractOf } from "../contracts/contract.js";
import { fail, ok, type Result } from "../errors/contingent-issue.js";
import type { PolicySet } from "../policies/policy-set.js";
import { readInstant, type LocalInstant } from "../time/instant.js";
import type { ContractAccount } from "./contract-account.js";

/** What every command needs besides its state and input (P1, P2). */
export interface CommandContext {
  /** The account's contract, validated by {@link parseContract}. */
  readonly contract: Contract;
  /** When the command happens: a luxon DateTime or an ISO string with offset. Nothing reads the clock (P2). */
  readonly asOf: Instant;
  /** Policy versions in force; the shipped defaults when omitted (P1). */
  readonly policies?: PolicySet;
}

/** Checks that the account belongs to the contract and reads `asOf` in the contract's zone. */
export function resolveContext(account: ContractAccount, context: CommandContext): Result<LocalInstant> {
  if (account.contractId !== context.contract.id) {
    return fail(
      "C1_CONTRACT_MISMATCH",
      `The account belongs to contract ${account.contractId}, not ${context.contract.id}`,
      ["contract", "id"],
    );
  }
  const now = readInstant(context.asOf, context.contract.zone);
  return now === undefined
    ? fail("INVALID_INPUT", "asOf must be a valid DateTime or an ISO date-time with an offset", ["asOf"])
    : ok(now);
}

/**
 * {@link resolveContext} for what only contingents have, a balance (C2, C7): also refuses any
 * other contract kind with `C2_NOT_A_CONTINGENT`.
 */
export function resolveContingentContext(account: ContractAccount, context: CommandContext): Result<{ readonly now: LocalInstant; readonly contract: ContractOf<"contingent"> }> {
  const now = resolveContext(account, context);
  if (!now.ok) return now;
  const { contract } = context;
  if (contract.kind !== "contingent") {
    return fail("C2_NOT_A_CONTINGENT", `Contract ${contract.id} is a ${contract.kind}, not a contingent`, ["contract", "kind"]);
  }
  return ok({ now: now.value, contract });
}
