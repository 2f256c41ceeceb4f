import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type * as schema from "../schema/index.js";

/** The drizzle schema of Kontor. */
export type KontorSchema = typeof schema;

/** A drizzle database over PGlite or node-postgres: repositories accept either. */
export type KontorDatabase = PgDatabase<PgQueryResultHKT, KontorSchema, ExtractTablesWithRelations<KontorSchema>>;

/** A transaction of a {@link KontorDatabase}. */
export type KontorTransaction = PgTransaction<PgQueryResultHKT, KontorSchema, ExtractTablesWithRelations<KontorSchema>>;

/** Where repositories run their statements: the database or an open transaction. */
export type Executor = KontorDatabase | KontorTransaction;

/** Rows of one statement run on the driver directly. */
export interface RawResult<Row> {
  readonly rows: Row[];
}

/** The driver below drizzle, for scripts (migrations) and pg-boss. */
export interface RawClient {
  /** One statement, optionally with `$1…` parameters. */
  query<Row = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<RawResult<Row>>;
  /** Several statements without parameters, e.g. a migration file. */
  runScript(text: string): Promise<void>;
  /**
   * pg-boss's `db.executeSql`: one statement with parameters, or a script of several statements
   * without; the rows of the last statement.
   */
  executeSql(text: string, values?: readonly unknown[]): Promise<RawResult<Record<string, unknown>>>;
}

/** An open Kontor database: embedded PGlite or a PostgreSQL server. */
export interface DatabaseHandle extends RawClient {
  readonly kind: "pglite" | "postgres";
  readonly db: KontorDatabase;
  /** Runs `work` in one driver-level transaction (used by the migrator). */
  rawTransaction<T>(work: (client: RawClient) => Promise<T>): Promise<T>;
  /** Closes the pool or the embedded database (flushing it to disk). */
  close(): Promise<void>;
}
