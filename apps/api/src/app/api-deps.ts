import type { Clock, DatabaseHandle } from "@kontor/db";

/** What every route needs: the database and the clock (rules get `asOf` from it). */
export interface ApiDeps {
  readonly database: DatabaseHandle;
  readonly clock: Clock;
}
