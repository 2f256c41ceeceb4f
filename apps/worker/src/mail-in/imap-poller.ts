import { ImapFlow, type ImapFlowError, type Logger as ImapFlowLogger } from "imapflow";
import type { Logger } from "pino";
import type { ImapMailboxSettings } from "./imap-mailbox-settings.js";

/** Where an IMAP mail came from, stored beside the raw message. */
export interface ImapEnvelope {
  readonly source: "imap";
  readonly mailbox: string;
  /** The mailbox's UIDVALIDITY: UIDs are only unique together with it. */
  readonly uidValidity: number;
  readonly uid: number;
}

/**
 * Stores one raw inbound mail (the app inserts it into `inbound_mails`). Must be idempotent on
 * `sourceKey`: a mail whose \Seen flag could not be set after storing is delivered again.
 */
export type StoreInboundMail = (raw: Buffer, envelope: ImapEnvelope, sourceKey: string) => Promise<void>;

/** Options of one poll. */
export interface ImapPollOptions {
  /** Receives the poller's and imapflow's log lines; silent when absent. */
  readonly logger?: Logger;
  /**
   * Aborting ends the poll early: a running `store` call completes and its mail is marked \Seen,
   * then the poll stops; a wait for the server is cut at once by closing the connection.
   */
  readonly signal?: AbortSignal;
}

/** What one poll did. */
export interface ImapPollResult {
  /** Mails without \Seen when the poll started. */
  readonly unseen: number;
  /** Mails stored and then marked \Seen. */
  readonly stored: number;
  /** Mails whose `store` threw; they stay unseen and come again with the next poll. */
  readonly failed: number;
}

/** Why a poll could not run: the server is unreachable, refused the login, or has no such mailbox. */
export type ImapPollErrorCode = "IMAP_CONNECTION_FAILED" | "IMAP_LOGIN_FAILED" | "IMAP_MAILBOX_FAILED";

/** A poll that failed before or while talking to the server (a failing `store` is not one). */
export class ImapPollError extends Error {
  override readonly name = "ImapPollError";

  constructor(
    readonly code: ImapPollErrorCode,
    message: string,
    options: { readonly cause: unknown },
  ) {
    super(message, options);
  }
}

/** The polling loop started by {@link startImapPolling}. */
export interface ImapPolling {
  /**
   * Ends the loop: a running `store` call finishes and its mail is marked \Seen, the remaining
   * mails wait for the next start. Resolves once the connection is closed.
   */
  stop(): Promise<void>;
}

/** Options of {@link startImapPolling}. */
export interface ImapPollingOptions {
  /** Pause between the end of one poll and the start of the next; default `settings.intervalSeconds`. */
  readonly intervalMs?: number;
  readonly logger: Logger;
}

/** The idempotency key of an IMAP mail: `imap:<user>@<host>/<mailbox>/<uidValidity>/<uid>`. */
export function imapSourceKey(settings: Pick<ImapMailboxSettings, "user" | "host" | "mailbox">, uidValidity: number, uid: number): string {
  return `imap:${settings.user}@${settings.host}/${settings.mailbox}/${uidValidity}/${uid}`;
}

/**
 * imapflow's own lines, one level down: its errors are the ones the poll rejects with, which
 * the loop logs once, and its info lines (session established, logged out) come every poll.
 */
function imapflowLogger(logger: Logger): ImapFlowLogger {
  const child = logger.child({ component: "imapflow" });
  const at = (level: "trace" | "debug" | "warn") => (entry: unknown) => {
    child[level](entry);
  };
  return { trace: at("trace"), debug: at("trace"), info: at("debug"), warn: at("debug"), error: at("warn"), fatal: at("warn") };
}

function reason(error: unknown): string {
  const imapError = error as Partial<ImapFlowError>;
  const text = imapError.responseText ?? (error instanceof Error ? error.message : String(error));
  return imapError.code === undefined ? text : `${text} (${imapError.code})`;
}

function connectionFailure(settings: ImapMailboxSettings, error: unknown): ImapPollError {
  const server = `${settings.host}:${settings.port}`;
  if ((error as Partial<ImapFlowError>).authenticationFailed === true) {
    return new ImapPollError("IMAP_LOGIN_FAILED", `IMAP login as "${settings.user}" on ${server} failed: ${reason(error)}`, { cause: error });
  }
  return new ImapPollError("IMAP_CONNECTION_FAILED", `Cannot connect to the IMAP server ${server}: ${reason(error)}`, { cause: error });
}

/**
 * Polls the mailbox once: hands every mail without \Seen (oldest first) to `store`, and marks
 * it \Seen only after `store` resolved, so a crash in between delivers it again. A `store` that
 * throws is logged and leaves its mail unseen; the poll goes on with the next one.
 *
 * @throws {ImapPollError} when the server is unreachable, refuses the login or lacks the mailbox;
 *   other errors when the connection breaks during the poll.
 */
export async function pollImapMailbox(settings: ImapMailboxSettings, store: StoreInboundMail, options: ImapPollOptions = {}): Promise<ImapPollResult> {
  const { logger, signal } = options;
  signal?.throwIfAborted();
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: logger === undefined ? false : imapflowLogger(logger),
    // One short session per poll: IDLE would only delay the next command.
    disableAutoIdle: true,
    connectionTimeout: 30_000,
  });
  // A socket error between two commands is emitted as an event; unhandled it would end the process.
  client.on("error", (error: Error) => {
    logger?.debug({ err: error }, "IMAP connection error");
  });
  const progress: PollProgress = { storing: false };
  const abort = () => {
    if (!progress.storing) client.close();
  };
  signal?.addEventListener("abort", abort, { once: true });
  try {
    try {
      await client.connect();
    } catch (error) {
      throw connectionFailure(settings, error);
    }
    let lock;
    try {
      lock = await client.getMailboxLock(settings.mailbox);
    } catch (error) {
      throw new ImapPollError("IMAP_MAILBOX_FAILED", `Cannot open the IMAP mailbox "${settings.mailbox}" of ${settings.user}@${settings.host}: ${reason(error)}`, {
        cause: error,
      });
    }
    let result: ImapPollResult;
    try {
      result = await storeUnseen(client, settings, store, { ...options, progress });
    } finally {
      lock.release();
    }
    await client.logout();
    return result;
  } finally {
    signal?.removeEventListener("abort", abort);
    client.close();
  }
}

/** Whether a `store` call is running, which an abort lets finish. */
interface PollProgress {
  storing: boolean;
}

async function storeUnseen(
  client: ImapFlow,
  settings: ImapMailboxSettings,
  store: StoreInboundMail,
  { logger, signal, progress }: ImapPollOptions & { readonly progress: PollProgress },
): Promise<ImapPollResult> {
  if (client.mailbox === false) throw new Error(`IMAP mailbox "${settings.mailbox}" is not selected`);
  const uidValidity = Number(client.mailbox.uidValidity);
  const uids = [...((await client.search({ seen: false }, { uid: true })) || [])].sort((a, b) => a - b);
  let stored = 0;
  let failed = 0;
  for (const uid of uids) {
    if (signal?.aborted === true) break;
    // One message at a time (BODY.PEEK, so fetching does not set \Seen): memory stays bounded.
    const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (message === false || message.source === undefined) continue; // expunged by another client meanwhile
    const envelope: ImapEnvelope = { source: "imap", mailbox: settings.mailbox, uidValidity, uid };
    const sourceKey = imapSourceKey(settings, uidValidity, uid);
    progress.storing = true;
    try {
      await store(message.source, envelope, sourceKey);
    } catch (error) {
      failed += 1;
      logger?.error({ err: error, sourceKey }, "Storing an IMAP mail failed; it stays unseen for the next poll");
      continue;
    } finally {
      progress.storing = false;
    }
    await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
    stored += 1;
  }
  return { unseen: uids.length, stored, failed };
}

/**
 * Polls the mailbox now and then every interval after the previous poll ended (polls never
 * overlap). A failing poll (server down, login refused) is logged and retried at the next
 * interval; it never ends the loop or the process.
 */
export function startImapPolling(settings: ImapMailboxSettings, store: StoreInboundMail, options: ImapPollingOptions): ImapPolling {
  const intervalMs = options.intervalMs ?? settings.intervalSeconds * 1000;
  const logger = options.logger.child({ imapMailbox: `${settings.user}@${settings.host}:${settings.port}/${settings.mailbox}` });
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pollOnce = async () => {
    try {
      const result = await pollImapMailbox(settings, store, { logger, signal: stopping.signal });
      if (result.unseen > 0) logger.info(result, "IMAP poll done");
    } catch (error) {
      if (stopping.signal.aborted) logger.debug({ err: error }, "IMAP poll cut short by stop()");
      else logger.error({ err: error }, "IMAP poll failed; trying again at the next interval");
    }
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = pollOnce().then(() => {
        if (!stopping.signal.aborted) schedule(intervalMs);
      });
    }, delayMs);
  };

  schedule(0);
  return {
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
