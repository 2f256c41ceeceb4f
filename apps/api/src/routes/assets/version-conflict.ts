import { conflict, type ProblemError } from "../../http/problem.js";

/**
 * 409 `VERSION_CONFLICT` for a replacement whose `expectedVersion` is not the stored version
 * (K9, K11 records use optimistic locking). `readVersion` is the version the route read before
 * the guarded update; when it matched, another write won the race in between.
 */
export function versionConflict(what: string, readVersion: number, expectedVersion: number): ProblemError {
  const detail =
    readVersion === expectedVersion ? `${what} changed meanwhile; read it again and retry` : `${what} is at version ${readVersion}, not ${expectedVersion}`;
  return conflict(detail, "VERSION_CONFLICT");
}
