// `npm start`: installs the workspace (pnpm via npx) and runs Kontor from TypeScript source
// (tsx, with the domain packages mapped to their src/ by tooling/tsconfig/run-from-source.json,
// so nothing has to be built first) in embedded mode with demo data: one process with the embedded
// database, the API, the worker and the SMTP listener. Ctrl-C stops it cleanly; the data stays
// in .kontor/data for the next start, outgoing mail lands in .kontor/mail-out.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pnpm = ["-y", "pnpm@10.34.9"];

function step(title, args) {
  console.log(`› ${title}`);
  const result = spawnSync("npx", [...pnpm, ...args], { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step("installing dependencies", ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"]);

console.log("› starting Kontor (embedded database, API, worker, SMTP listener)");
const child = spawn("npx", [...pnpm, "--filter", "@kontor/worker", "exec", "tsx", "--tsconfig", "../../tooling/tsconfig/run-from-source.json", "src/kontor-main.ts"], {
  cwd: root,
  stdio: "inherit",
  env: {
    KONTOR_DATA_DIR: join(root, ".kontor", "data"),
    KONTOR_MAIL_DROP_DIR: join(root, ".kontor", "mail-out"),
    KONTOR_DEMO: "1",
    PORT: "3000",
    KONTOR_SMTP_LISTEN_PORT: "2525",
    ...process.env,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
