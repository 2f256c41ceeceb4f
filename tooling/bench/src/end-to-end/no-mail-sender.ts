import type { MailSender } from "@kontor/worker";

const refusal = (): Error => new Error("The month-close benchmark sends no mail: it runs the worker without outbox handlers");

/**
 * The mail sender of the benchmark's worker. The worker runs without outbox handlers (the
 * measurement ends when every month is closed, before billing mails anything), so a call here
 * is a wiring mistake and must fail loudly rather than be timed.
 */
export const noMailSender: MailSender = {
  send: () => Promise.reject(refusal()),
  prepare: () => Promise.reject(refusal()),
  close: () => Promise.resolve(),
};
