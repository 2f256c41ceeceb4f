import { parseWith, type Result } from "../errors/contingent-issue.js";
import { contractInputSchema, type Contract } from "./contract.js";

/** Validates a contract (C1) and fills in its defaults; problems come back as `INVALID_INPUT` issues. */
export function parseContract(input: unknown): Result<Contract> {
  return parseWith(contractInputSchema, input);
}
