// How the repository tests see why PostgreSQL refused a statement.

/** The error a statement that must fail was rejected with. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to fail");
}

/** The SQLSTATE a rejected statement failed with (the driver's error may be wrapped as `cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current: unknown = error; typeof current === "object" && current !== null; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
