import { kontorProject } from "@kontor/vitest-config";

// Only the smoke tests that prove subject and baseline do the same work; no timing is asserted.
// The workloads are real (mailparser, thousands of records), so allow for a loaded machine.
export default kontorProject("bench", { testTimeout: 60_000, hookTimeout: 120_000 });
