import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/** A private Dovecot IMAP server on loopback with one mailbox user (the "support mailbox" in tests). */
export interface DovecotServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Dovecot's own log, for diagnosing a failing test. */
  readonly logFile: string;
  /** Stops Dovecot and removes its temporary folder; safe to call twice. */
  stop(): Promise<void>;
}

const INSTALL_HINT =
  "Install it with `node tooling/scripts/ensure-test-services.mjs` (as root on Debian/Ubuntu), `sudo apt-get install -y dovecot-imapd` or `brew install dovecot`, or set KONTOR_DOVECOT_BIN to the dovecot binary.";

const STARTUP_TIMEOUT_MS = 20_000;

/** Where the dovecot binary is: `KONTOR_DOVECOT_BIN`, else the usual install locations. */
export function findDovecotBinary(): string {
  const fromEnv = process.env.KONTOR_DOVECOT_BIN;
  const candidates = fromEnv !== undefined && fromEnv !== "" ? [fromEnv] : ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot", "/opt/homebrew/sbin/dovecot"];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new Error(`The IMAP tests need Dovecot, which is not installed (looked for ${candidates.join(", ")}). ${INSTALL_HINT}`);
  return found;
}

/** Major and minor version of the installed Dovecot: 2.3 and 2.4 need different configuration. */
function dovecotVersion(binary: string): { major: number; minor: number } {
  const output = execFileSync(binary, ["--version"], { encoding: "utf8" });
  const match = /^(\d+)\.(\d+)/.exec(output.trim());
  if (match === null) throw new Error(`Cannot read the Dovecot version from \`${binary} --version\`: ${output}`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

interface Accounts {
  /** Unprivileged user the login processes run as. */
  readonly loginUser: string;
  /** Unprivileged user and group of Dovecot's internal processes (auth, stats). */
  readonly internalUser: string;
  readonly internalGroup: string;
  /** Owner of the mail files. */
  readonly mailUid: number;
  readonly mailGid: number;
}

function idOf(flag: "-u" | "-g" | "-gn", user?: string): string {
  try {
    return execFileSync("id", user === undefined ? [flag] : [flag, user], { encoding: "utf8", stdio: "pipe" }).trim();
  } catch (error) {
    throw new Error(`Dovecot as root needs the system user "${user ?? ""}" (created by the dovecot-core package). ${INSTALL_HINT}`, { cause: error });
  }
}

/**
 * As root Dovecot drops privileges to the Debian package's `dovenull`/`dovecot` users and mail
 * belongs to `nobody`; as anyone else every process runs as the current user (a rootless
 * Dovecot cannot switch users).
 */
function accounts(): Accounts {
  if (process.getuid?.() === 0) {
    return {
      loginUser: "dovenull",
      internalUser: "dovecot",
      internalGroup: idOf("-gn", "dovecot"),
      mailUid: Number(idOf("-u", "nobody")),
      mailGid: Number(idOf("-g", "nobody")),
    };
  }
  const me = userInfo();
  return { loginUser: me.username, internalUser: me.username, internalGroup: idOf("-gn"), mailUid: me.uid, mailGid: me.gid };
}

interface ConfigInput {
  readonly directory: string;
  readonly port: number;
  readonly usersFile: string;
  readonly accounts: Accounts;
  readonly rootless: boolean;
}

/** Without root nothing can chroot: these are the services that would at start or first login. */
const ROOTLESS_SETTINGS = ["anvil", "ipc", "imap-login", "imap-urlauth-login"].map((service) => `service ${service} {\n  chroot =\n}\n`).join("");

/** The parts both major versions share: paths, users, the IMAP listener on loopback without TLS. */
function commonSettings(input: ConfigInput): string {
  const { directory, port, accounts: a } = input;
  return `
base_dir = ${join(directory, "run")}
state_dir = ${join(directory, "state")}
log_path = ${join(directory, "dovecot.log")}
listen = 127.0.0.1
protocols = imap
ssl = no
# Tests log in with a wrong password on purpose: no penalty that would slow down the next
# logins from loopback (a closed penalty socket turns it off).
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
default_login_user = ${a.loginUser}
default_internal_user = ${a.internalUser}
default_internal_group = ${a.internalGroup}
first_valid_uid = ${a.mailUid}
first_valid_gid = ${a.mailGid}

service imap-login {
  inet_listener imap {
    port = ${port}
  }
  # The default imaps listener would take port 993 (taken, or forbidden without root).
  inet_listener imaps {
    port = 0
  }
}
${input.rootless ? ROOTLESS_SETTINGS : ""}`;
}

/** Dovecot 2.3 (Debian 12): mail_location, `disable_plaintext_auth`, `args` on the user databases; no failure delay. */
function dovecot23Config(input: ConfigInput): string {
  return `${commonSettings(input)}
disable_plaintext_auth = no
auth_failure_delay = 0
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = ${input.usersFile}
}
userdb {
  driver = passwd-file
  args = ${input.usersFile}
}
`;
}

/** Dovecot 2.4 (Debian 13): versioned config, mail_driver/mail_path, named user databases, an explicit INBOX namespace. */
function dovecot24Config(input: ConfigInput, version: string): string {
  return `dovecot_config_version = ${version}
dovecot_storage_version = ${version}
${commonSettings(input)}
auth_allow_cleartext = yes
mail_driver = maildir
mail_path = ~/Maildir
namespace inbox {
  inbox = yes
  separator = .
}
passdb passwd-file {
  passwd_file_path = ${input.usersFile}
}
userdb passwd-file {
  passwd_file_path = ${input.usersFile}
}
`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === "object" && address !== null) resolve(address.port);
        else reject(new Error("no free port"));
      });
    });
  });
}

/** Resolves with the greeting line if an IMAP server answers on the port, else with undefined. */
function readGreeting(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    let received = "";
    const finish = (greeting?: string) => {
      socket.destroy();
      resolve(greeting);
    };
    const noGreeting = () => {
      finish();
    };
    socket.setTimeout(2_000, noGreeting);
    socket.on("error", noGreeting);
    socket.on("close", noGreeting);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const end = received.indexOf("\r\n");
      if (end >= 0) finish(received.slice(0, end));
    });
  });
}

async function readLog(logFile: string): Promise<string> {
  return readFile(logFile, "utf8").catch(() => "(no log file)");
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs, false);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM"); // the master stops its service processes on SIGTERM
  if (!(await waitForExit(child, 10_000))) {
    child.kill("SIGKILL");
    await waitForExit(child, 5_000);
  }
}

/** Starts Dovecot on `port`; resolves once the IMAP greeting arrives, rejects with its output if it exits. */
async function launch(binary: string, configFile: string, port: number, logFile: string): Promise<ChildProcess> {
  let output = "";
  const child = spawn(binary, ["-F", "-c", configFile], { stdio: ["ignore", "pipe", "pipe"] });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const failed = await Promise.race([spawnError, new Promise<undefined>((resolve) => setTimeout(resolve, 50, undefined))]);
    if (failed !== undefined) throw new Error(`Cannot start ${binary}: ${failed.message}. ${INSTALL_HINT}`, { cause: failed });
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Dovecot exited (${child.exitCode ?? child.signalCode}) before accepting connections:\n${output}\n${await readLog(logFile)}`);
    }
    const greeting = await readGreeting(port);
    if (greeting?.startsWith("* OK") === true) return child;
    if (Date.now() > deadline) {
      await terminate(child);
      throw new Error(`Dovecot did not greet on 127.0.0.1:${port} within ${STARTUP_TIMEOUT_MS} ms:\n${output}\n${await readLog(logFile)}`);
    }
  }
}

/**
 * Starts a private Dovecot (installed on the machine, `dovecot -F`) on 127.0.0.1 and a free
 * port, with its configuration, state, log and maildir in a fresh temporary folder and one
 * user that logs in with a plaintext password. Supports the Dovecot 2.3 and 2.4 configuration
 * syntax. Fails with installation instructions when Dovecot is missing.
 */
export async function startDovecotServer(): Promise<DovecotServer> {
  const binary = findDovecotBinary();
  const version = dovecotVersion(binary);
  const users = accounts();
  const rootless = process.getuid?.() !== 0;
  const directory = await mkdtemp(join(tmpdir(), "kontor-dovecot-"));
  try {
    // Dovecot's unprivileged processes must reach base_dir and the user database inside.
    await chmod(directory, 0o755);
    const user = "support";
    const password = randomBytes(12).toString("hex");
    const home = join(directory, "home", user);
    await mkdir(join(directory, "home"), { mode: 0o755 });
    await mkdir(home, { mode: 0o700 });
    await chown(home, users.mailUid, users.mailGid);
    const usersFile = join(directory, "users");
    await writeFile(usersFile, `${user}:{PLAIN}${password}:${users.mailUid}:${users.mailGid}::${home}::\n`, { mode: 0o644 });
    const configFile = join(directory, "dovecot.conf");
    const logFile = join(directory, "dovecot.log");

    // Another process may take the free port before Dovecot binds it: try a few.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const port = await freePort();
      const input: ConfigInput = { directory, port, usersFile, accounts: users, rootless };
      const is24 = version.major > 2 || (version.major === 2 && version.minor >= 4);
      await writeFile(configFile, is24 ? dovecot24Config(input, `${version.major}.${version.minor}.0`) : dovecot23Config(input));
      try {
        const child = await launch(binary, configFile, port, logFile);
        let stopped: Promise<void> | undefined;
        return {
          host: "127.0.0.1",
          port,
          user,
          password,
          logFile,
          stop() {
            stopped ??= terminate(child).then(() => rm(directory, { recursive: true, force: true }));
            return stopped;
          },
        };
      } catch (error) {
        lastError = error;
        if (!String(error).includes("Address already in use")) break;
      }
    }
    throw lastError;
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
