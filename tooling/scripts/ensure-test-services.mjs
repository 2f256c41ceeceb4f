// Makes sure the servers the test suite starts are installed: the integration tests run
// against a real PostgreSQL server (issue 9) and the worker's IMAP intake against a real
// Dovecot, both started by the tests themselves from the installed binaries. On Debian/Ubuntu
// as root this installs what is missing with apt-get (one `apt-get update` at most); elsewhere
// it says what to install. Nothing here starts a service.
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

// Same lookup as apps/worker/src/testing/dovecot-server.ts.
function dovecotBinary() {
  if (process.env.KONTOR_DOVECOT_BIN) return process.env.KONTOR_DOVECOT_BIN;
  return ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot", "/opt/homebrew/sbin/dovecot"].find((path) => existsSync(path));
}

function canApt() {
  return process.getuid?.() === 0 && spawnSync("apt-get", ["--version"]).status === 0;
}

/** What the tests need: how to find it, the Debian package, and how to install it elsewhere. */
const services = [
  {
    name: "PostgreSQL",
    find: postgresBin,
    debianPackage: "postgresql",
    manualHint:
      "Install them (Debian/Ubuntu: `sudo apt-get install -y postgresql`, macOS: `brew install postgresql`) or set KONTOR_PG_BIN to the folder with initdb and postgres.",
    describe: (found) => `PostgreSQL server binaries: ${found}`,
  },
  {
    name: "Dovecot",
    find: dovecotBinary,
    debianPackage: "dovecot-imapd",
    manualHint:
      "Install it (Debian/Ubuntu: `sudo apt-get install -y dovecot-imapd`, macOS: `brew install dovecot`) or set KONTOR_DOVECOT_BIN to the dovecot binary.",
    describe: (found) => `Dovecot binary: ${found}`,
  },
];

const missing = services.filter((service) => service.find() === undefined);
if (missing.length > 0) {
  if (!canApt()) {
    for (const service of missing) console.error(`The test suite needs ${service.name}. ${service.manualHint}`);
    process.exit(1);
  }
  const packages = missing.map((service) => service.debianPackage);
  console.log(`Installing ${packages.join(", ")} from the distribution (apt-get install -y) for the integration tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { stdio: "inherit", env });
  for (const service of missing) {
    if (service.find() === undefined) {
      console.error(`apt-get installed ${service.debianPackage}, but ${service.name} was still not found.`);
      process.exit(1);
    }
  }
}
for (const service of services) console.log(service.describe(service.find()));
