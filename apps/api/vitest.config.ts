import { fileURLToPath } from "node:url";
import { kontorDatabaseProjects } from "@kontor/vitest-config";

export default kontorDatabaseProjects("api", fileURLToPath(import.meta.resolve("@kontor/db/testing/postgres-global-setup")));
