import { createServer, type AddressInfo } from "node:net";
import { ImapFlow } from "imapflow";
import { pino, type Logger } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findDovecotBinary, startDovecotServer, type DovecotServer } from "../testing/dovecot-server.js";
import { imapSettingsFromEnvironment, type ImapMailboxSettings } from "./imap-mailbox-settings.js";
import { ImapPollError, pollImapMailbox, startImapPolling, type ImapEnvelope, type StoreInboundMail } from "./imap-poller.js";

// IMAP stores and returns lines ending in CRLF, so the fixtures do too.
const NORMAL_MAIL = Buffer.from(
  [
    "From: Erika Mustermann <erika@kunde.example>",
    "To: support@kontor.test",
    "Subject: =?UTF-8?Q?Drucker_im_2=2E_OG_druckt_nicht?=",
    "Date: Wed, 03 Jun 2026 09:12:00 +0200",
    "Message-ID: <printer-42@kunde.example>",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    "Guten Morgen, der Drucker im 2. OG zeigt „Papierstau“, es ist aber keins drin.",
    "Grüße, Erika",
    "",
  ].join("\r\n"),
  "utf8",
);

/** No header block, 8-bit noise (no NUL, no bare CR/LF: IMAP literals cannot carry those). */
function garbageMail(): Buffer {
  const lines: Buffer[] = [Buffer.from("\xff\xfe\x01 this is not a mail at all \x7f:::\r\n", "latin1")];
  let seed = 7;
  for (let line = 0; line < 8; line += 1) {
    const bytes = Buffer.alloc(64);
    for (let i = 0; i < bytes.length; i += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const byte = seed % 256;
      bytes[i] = byte === 0 || byte === 0x0a || byte === 0x0d ? 0x80 : byte;
    }
    lines.push(bytes, Buffer.from("\r\n"));
  }
  return Buffer.concat(lines);
}
const GARBAGE_MAIL = garbageMail();

interface StoredCall {
  readonly raw: Buffer;
  readonly envelope: ImapEnvelope;
  readonly sourceKey: string;
}

function recordingStore(): { readonly calls: StoredCall[]; readonly store: StoreInboundMail } {
  const calls: StoredCall[] = [];
  return {
    calls,
    store: (raw, envelope, sourceKey) => {
      calls.push({ raw, envelope, sourceKey });
      return Promise.resolve();
    },
  };
}

function capturingLogger(): { readonly lines: Record<string, unknown>[]; readonly logger: Logger } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, logger };
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let started: DovecotServer | undefined;

/** The Dovecot of this file (started in beforeAll). */
function dovecot(): DovecotServer {
  if (started === undefined) throw new Error("Dovecot did not start; see the beforeAll error");
  return started;
}

function settingsFor(mailbox: string, overrides: Partial<ImapMailboxSettings> = {}): ImapMailboxSettings {
  const { host, port, user, password } = dovecot();
  return {
    host,
    port,
    secure: false,
    user,
    password,
    mailbox,
    intervalSeconds: 60,
    ...overrides,
  };
}

async function withClient<T>(run: (client: ImapFlow) => Promise<T>): Promise<T> {
  const { host, port, user, password } = dovecot();
  const client = new ImapFlow({ host, port, secure: false, auth: { user, pass: password }, logger: false });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.logout();
  }
}

/** Creates a mailbox of the test's own with the given mails; returns its UIDVALIDITY and the mails' UIDs. */
async function mailboxWith(mailbox: string, mails: readonly Buffer[]): Promise<{ uidValidity: number; uids: number[] }> {
  return withClient(async (client) => {
    await client.mailboxCreate(mailbox);
    const uids: number[] = [];
    let uidValidity = 0;
    for (const mail of mails) {
      const appended = await client.append(mailbox, mail);
      if (appended === false || appended.uid === undefined || appended.uidValidity === undefined) throw new Error("APPEND returned no UID");
      uids.push(appended.uid);
      uidValidity = Number(appended.uidValidity);
    }
    return { uidValidity, uids };
  });
}

async function append(mailbox: string, mail: Buffer): Promise<void> {
  await withClient(async (client) => {
    await client.append(mailbox, mail);
  });
}

async function seenUids(mailbox: string): Promise<number[]> {
  return withClient(async (client) => {
    const lock = await client.getMailboxLock(mailbox);
    try {
      return ((await client.search({ seen: true }, { uid: true })) || []).sort((a, b) => a - b);
    } finally {
      lock.release();
    }
  });
}

beforeAll(async () => {
  started = await startDovecotServer();
});

afterAll(async () => {
  await started?.stop();
});

describe("pollImapMailbox", () => {
  it("hands every unseen mail to store byte for byte with its source key, then marks it seen", async () => {
    const { uidValidity, uids } = await mailboxWith("Intake", [NORMAL_MAIL, GARBAGE_MAIL]);
    const { calls, store } = recordingStore();

    const result = await pollImapMailbox(settingsFor("Intake"), store);

    expect(result).toEqual({ unseen: 2, stored: 2, failed: 0 });
    expect(calls.map((call) => call.envelope)).toEqual(uids.map((uid) => ({ source: "imap", mailbox: "Intake", uidValidity, uid })));
    expect(calls.map((call) => call.sourceKey)).toEqual(uids.map((uid) => `imap:support@127.0.0.1/Intake/${uidValidity}/${uid}`));
    expect(calls[0]!.raw.equals(NORMAL_MAIL)).toBe(true);
    expect(calls[1]!.raw.equals(GARBAGE_MAIL)).toBe(true);
    expect(await seenUids("Intake")).toEqual(uids);

    const again = recordingStore();
    expect(await pollImapMailbox(settingsFor("Intake"), again.store)).toEqual({ unseen: 0, stored: 0, failed: 0 });
    expect(again.calls).toEqual([]);
  });

  it("leaves a mail unseen when store throws, goes on with the next, and delivers it again next poll", async () => {
    const { uids } = await mailboxWith("Flaky", [NORMAL_MAIL, GARBAGE_MAIL]);
    const { lines, logger } = capturingLogger();
    const { calls, store } = recordingStore();
    let failOnce = true;
    const flakyStore: StoreInboundMail = async (raw, envelope, sourceKey) => {
      if (failOnce) {
        failOnce = false;
        throw new Error("database is down");
      }
      await store(raw, envelope, sourceKey);
    };

    expect(await pollImapMailbox(settingsFor("Flaky"), flakyStore, { logger })).toEqual({ unseen: 2, stored: 1, failed: 1 });
    expect(calls.map((call) => call.envelope.uid)).toEqual([uids[1]]);
    expect(await seenUids("Flaky")).toEqual([uids[1]]);
    expect(lines.some((line) => line.level === 50 && String(line.msg).startsWith("Storing an IMAP mail failed"))).toBe(true);

    expect(await pollImapMailbox(settingsFor("Flaky"), flakyStore)).toEqual({ unseen: 1, stored: 1, failed: 0 });
    expect(calls.map((call) => call.envelope.uid)).toEqual([uids[1], uids[0]]);
    expect(calls[1]!.raw.equals(NORMAL_MAIL)).toBe(true);
    expect(await seenUids("Flaky")).toEqual(uids);
  });

  it("rejects with a login error naming user and server when the password is wrong", async () => {
    const { calls, store } = recordingStore();
    const poll = pollImapMailbox(settingsFor("INBOX", { password: "wrong" }), store);

    await expect(poll).rejects.toBeInstanceOf(ImapPollError);
    await expect(poll).rejects.toMatchObject({
      code: "IMAP_LOGIN_FAILED",
      message: expect.stringMatching(new RegExp(`^IMAP login as "support" on 127\\.0\\.0\\.1:${dovecot().port} failed: .*Authentication failed`)) as unknown,
    });
    expect(calls).toEqual([]);
  });

  it("rejects with a connection error when nothing listens on the port", async () => {
    const port = await closedPort();
    const poll = pollImapMailbox(settingsFor("INBOX", { port }), recordingStore().store);

    await expect(poll).rejects.toMatchObject({
      code: "IMAP_CONNECTION_FAILED",
      message: expect.stringContaining(`Cannot connect to the IMAP server 127.0.0.1:${port}: `) as unknown,
    });
  });

  it("rejects with a mailbox error when the mailbox does not exist", async () => {
    await expect(pollImapMailbox(settingsFor("NoSuchFolder"), recordingStore().store)).rejects.toMatchObject({ code: "IMAP_MAILBOX_FAILED" });
  });
});

describe("startImapPolling", () => {
  it("delivers mail as it arrives and stops cleanly", async () => {
    await mailboxWith("Loop", []);
    const { logger } = capturingLogger();
    const { calls, store } = recordingStore();
    const polling = startImapPolling(settingsFor("Loop"), store, { intervalMs: 100, logger });

    await append("Loop", NORMAL_MAIL);
    await waitUntil(() => calls.length === 1, "the first mail");
    await append("Loop", GARBAGE_MAIL);
    await waitUntil(() => calls.length === 2, "the second mail");
    await polling.stop();

    expect(calls[0]!.raw.equals(NORMAL_MAIL)).toBe(true);
    expect(calls[1]!.raw.equals(GARBAGE_MAIL)).toBe(true);
  });

  it("lets a running store finish and marks its mail seen when stopped, leaving the rest for later", async () => {
    const { uids } = await mailboxWith("Stopping", [NORMAL_MAIL, GARBAGE_MAIL]);
    const { calls, store } = recordingStore();
    let release: () => void = () => {
      throw new Error("store was not called");
    };
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowStore: StoreInboundMail = async (raw, envelope, sourceKey) => {
      await store(raw, envelope, sourceKey);
      await released;
    };
    const polling = startImapPolling(settingsFor("Stopping"), slowStore, { intervalMs: 100, logger: capturingLogger().logger });

    await waitUntil(() => calls.length === 1, "the first store call");
    const stopped = polling.stop();
    release();
    await stopped;

    expect(calls.map((call) => call.envelope.uid)).toEqual([uids[0]]);
    expect(await seenUids("Stopping")).toEqual([uids[0]]);
  });

  it("logs a refused login, keeps polling, and stops cleanly", async () => {
    const { lines, logger } = capturingLogger();
    const { calls, store } = recordingStore();
    const polling = startImapPolling(settingsFor("INBOX", { password: "wrong" }), store, { intervalMs: 100, logger });

    const failures = () => lines.filter((line) => line.level === 50 && line.msg === "IMAP poll failed; trying again at the next interval");
    await waitUntil(() => failures().length >= 2, "two failed polls");
    await polling.stop();
    const linesAtStop = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(lines.length).toBe(linesAtStop);
    expect(calls).toEqual([]);
    expect(failures()[0]!.err).toMatchObject({ type: "ImapPollError", code: "IMAP_LOGIN_FAILED" });
  });
});

describe("startDovecotServer", () => {
  it("says how to install Dovecot when it is missing", () => {
    vi.stubEnv("KONTOR_DOVECOT_BIN", "/nonexistent/dovecot");
    try {
      expect(() => findDovecotBinary()).toThrow(/Dovecot, which is not installed.*apt-get install -y dovecot-imapd/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("imapSettingsFromEnvironment", () => {
  const complete = {
    KONTOR_IMAP_HOST: "imap.example.com",
    KONTOR_IMAP_PORT: "993",
    KONTOR_IMAP_SECURE: "true",
    KONTOR_IMAP_USER: "support@example.com",
    KONTOR_IMAP_PASSWORD: "s3cret",
  };

  it("is off without KONTOR_IMAP_HOST", () => {
    expect(imapSettingsFromEnvironment({})).toBeUndefined();
    expect(imapSettingsFromEnvironment({ KONTOR_IMAP_HOST: "", KONTOR_IMAP_USER: "x" })).toBeUndefined();
  });

  it("reads the variables and applies the defaults", () => {
    expect(imapSettingsFromEnvironment(complete)).toEqual({
      host: "imap.example.com",
      port: 993,
      secure: true,
      user: "support@example.com",
      password: "s3cret",
      mailbox: "INBOX",
      intervalSeconds: 60,
    });
    expect(imapSettingsFromEnvironment({ ...complete, KONTOR_IMAP_SECURE: "no", KONTOR_IMAP_MAILBOX: "Support", KONTOR_IMAP_INTERVAL_SECONDS: "15" })).toMatchObject({
      secure: false,
      mailbox: "Support",
      intervalSeconds: 15,
    });
  });

  it("names the variable that is invalid or missing", () => {
    expect(() => imapSettingsFromEnvironment({ ...complete, KONTOR_IMAP_PORT: "imap" })).toThrow(/KONTOR_IMAP_PORT: must be a whole number/);
    expect(() => imapSettingsFromEnvironment({ ...complete, KONTOR_IMAP_PORT: "70000" })).toThrow(/KONTOR_IMAP_PORT/);
    expect(() => imapSettingsFromEnvironment({ ...complete, KONTOR_IMAP_SECURE: "maybe" })).toThrow(/KONTOR_IMAP_SECURE: must be true or false/);
    expect(() => imapSettingsFromEnvironment({ ...complete, KONTOR_IMAP_INTERVAL_SECONDS: "0" })).toThrow(/KONTOR_IMAP_INTERVAL_SECONDS/);
    expect(() => imapSettingsFromEnvironment({ ...complete, KONTOR_IMAP_USER: undefined })).toThrow(/KONTOR_IMAP_USER is required/);
    expect(() => imapSettingsFromEnvironment({ KONTOR_IMAP_HOST: "imap.example.com" })).toThrow(
      /KONTOR_IMAP_PORT is required; KONTOR_IMAP_USER is required; KONTOR_IMAP_PASSWORD is required/,
    );
  });
});
