// Makes sure the servers the test suite starts are installed: the integration tests run
// against a real PostgreSQL server (issue 9), which they start themselves from the server
// binaries. On Debian/Ubuntu as root this installs them with apt-get; elsewhere it says what
// to install. Nothing here starts a service.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

function postgresBin() {
  if (process.env.KONTOR_PG_BIN) return process.env.KONTOR_PG_BIN;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const found = readdirSync(debian).find((version) => existsSync(join(debian, version, "bin", "postgres")));
    if (found) return join(debian, found, "bin");
  }
  const result = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (result.status === 0 && existsSync(join(result.stdout.trim(), "postgres"))) return result.stdout.trim();
  return undefined;
}

function canApt() {
  return process.getuid?.() === 0 && spawnSync("apt-get", ["--version"]).status === 0;
}

if (postgresBin() === undefined) {
  if (!canApt()) {
    console.error(
      "The test suite needs PostgreSQL server binaries. Install them (Debian/Ubuntu: `sudo apt-get install -y postgresql`, macOS: `brew install postgresql`) or set KONTOR_PG_BIN to the folder with initdb and postgres.",
    );
    process.exit(1);
  }
  console.log("Installing PostgreSQL from the distribution (apt-get install -y postgresql) for the integration tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], { stdio: "inherit", env });
  if (postgresBin() === undefined) {
    console.error("apt-get installed postgresql, but no server binaries were found under /usr/lib/postgresql.");
    process.exit(1);
  }
}
console.log(`PostgreSQL server binaries: ${postgresBin()}`);
