export { createTestDatabase, testDatabaseKind } from "./test-database.js";
export { findPostgresBin, startPostgresServer, type PostgresServer } from "./postgres-server.js";
