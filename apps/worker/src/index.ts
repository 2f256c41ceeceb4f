/**
 * What other workspace packages (the benchmarks) use of the worker: the runtime, the month-close
 * job, its data seeder and progress counts, and the pieces of a worker context.
 */
export { startWorkerRuntime, type RunningWorker, type WorkerRuntimeOptions } from "./worker-runtime.js";
export type { WorkerContext } from "./worker-context.js";
export { DEFAULT_WORKER_SETTINGS, type WorkerSettings } from "./worker-settings.js";
export type { MailSender } from "./mail-out/mail-sender.js";
export { readWorkerConfig, type WorkerConfig } from "./runtime/worker-config.js";
export { workerLogger } from "./runtime/worker-logger.js";
export { monthCloseJob } from "./billing/month-close-job.js";
export { seedBillingScenario, type BillingScenario } from "./billing/billing-scenario.js";
export { billingProgress, type BillingProgress } from "./runtime/billing-progress.js";
export { fromMailparser } from "./mail-in/from-mailparser.js";
