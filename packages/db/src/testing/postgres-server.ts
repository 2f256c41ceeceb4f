import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A throw-away PostgreSQL server started for tests. */
export interface PostgresServer {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Where the PostgreSQL server binaries are: `KONTOR_PG_BIN`, else the newest Debian/Ubuntu
 * install under /usr/lib/postgresql, else `pg_config --bindir`.
 */
export function findPostgresBin(): string {
  const fromEnv = process.env.KONTOR_PG_BIN;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(debian, name, "bin", "postgres")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(debian, versions[0], "bin");
  }
  try {
    const bindir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (existsSync(join(bindir, "postgres"))) return bindir;
  } catch {
    // no pg_config on PATH
  }
  throw new Error(
    "No PostgreSQL server binaries found. Install them (Debian: apt-get install -y postgresql) or set KONTOR_PG_BIN to the folder with initdb and postgres.",
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === "object" && address !== null) resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/** PostgreSQL refuses to run as root; as root the server runs as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited with ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within 30 s: ${String(error)}\n${log()}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Starts a fresh PostgreSQL server on a free loopback port with a temporary data folder
 * (durability settings off: test data is thrown away). Stop it with `stop()`.
 */
export async function startPostgresServer(options: { readonly maxConnections?: number } = {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const dataDir = mkdtempSync(join(tmpdir(), "kontor-pg-"));
  const user = runAs();
  if (user !== undefined) chownSync(dataDir, user.uid, user.gid);
  execFileSync(join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"], {
    stdio: "pipe",
    ...(user ?? {}),
  });
  const port = await freePort();
  let output = "";
  const child = spawn(
    join(bin, "postgres"),
    [
      "-D", dataDir,
      "-p", String(port),
      "-k", dataDir,
      "-c", "listen_addresses=127.0.0.1",
      "-c", `max_connections=${options.maxConnections ?? 200}`,
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
    ],
    { stdio: ["ignore", "pipe", "pipe"], ...(user ?? {}) },
  );
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilReady(url, child, () => output);
  return {
    url,
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGINT"); // fast shutdown
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
