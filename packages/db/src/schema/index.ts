export * from "./core.js";
export * from "./invoicing.js";
export * from "./licensing.js";
export * from "./tickets.js";
export * from "./seats.js";
export * from "./contingent.js";
export * from "./worker.js";
