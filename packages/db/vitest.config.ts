import { kontorDatabaseProjects } from "@kontor/vitest-config";

export default kontorDatabaseProjects("db", "./src/testing/postgres-global-setup.ts");
