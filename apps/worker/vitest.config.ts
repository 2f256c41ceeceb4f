import { fileURLToPath } from "node:url";
import { kontorDatabaseProjects } from "@kontor/vitest-config";

// Worker tests start child processes, SMTP/IMAP servers and pg-boss: give them time, one file
// per fork at a time.
export default kontorDatabaseProjects("worker", fileURLToPath(import.meta.resolve("@kontor/db/testing/postgres-global-setup")), {
  testTimeout: 120_000,
  hookTimeout: 120_000,
});
